import { error } from '@sveltejs/kit';
import { parseImpactAssumptions, type ImpactAssumptions } from '@sailcourt/domain';
import type { Schemas } from '@sailcourt/api-client';
import type { ImpactFigures } from '$lib/components/impact/format';

/** The season the impact pages report on (the one the article's expectations are about). */
export const IMPACT_SEASON = 'qingdao-basketball-2023';

/** The API's assumptions object, typed through the same validator the API uses. */
export function storedAssumptionsOf(raw: unknown): ImpactAssumptions {
  const parsed = parseImpactAssumptions(raw);
  if (!parsed.ok) error(502, 'The stored impact assumptions could not be read.');
  return parsed.value;
}

/** Only what the pages draw, so the page data stays small. */
export function figuresOf(dto: Schemas['SeasonImpactDto'] | Schemas['ImpactEstimateDto']): ImpactFigures {
  const { visitors, visitorNights, spending, visitorsByGroup, grossOutput, income, multipliers } = dto;
  return { visitors, visitorNights, spending, visitorsByGroup, grossOutput, income, multipliers };
}

export function seasonSummary(season: Schemas['SeasonDto']) {
  return { id: season.id, slug: season.slug, name: season.name, nameEn: season.nameEn, targets: season.targets };
}
