import type { Schemas } from '@sailcourt/api-client';
import { type Locale, translate } from '$lib/i18n';
import { lotParams } from './lot-note';

/** A 3x3 standings row's tie-break, as the API sends it (FIBA 3x3 ranking procedure). */
export type TieBreak3x3 = Pick<Schemas['Fiba3x3TieBreakDto'], 'criterion' | 'tiedWith' | 'values' | 'lot'>;

const list = (locale: Locale, items: readonly string[]): string =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

function shown(locale: Locale, criterion: TieBreak3x3['criterion'], value: number): string {
  switch (criterion) {
    case 'seeding':
      return value === 0
        ? translate(locale, 'competition.tie3x3.unseeded')
        : translate(locale, 'competition.tie3x3.seed', { seed: value });
    case 'head-to-head':
      return translate(locale, 'competition.tie3x3.wins', { wins: value });
    case 'points-average':
    case 'lot':
    case 'level':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  }
}

/**
 * Why a team sits where it does among the teams level with it on wins, in the reader's language, from the API's
 * structured fields. `values` come in final order, so "ahead"/"behind" follow their order (a lower seed number
 * ranks higher, so the numbers alone would not tell).
 */
export function describe3x3TieBreak(
  locale: Locale,
  teamId: string,
  tieBreak: TieBreak3x3,
  rank: number,
  nameOf: (teamId: string) => string,
): string {
  const teams = (ids: readonly string[]) => list(locale, ids.map(nameOf));
  if (tieBreak.criterion === 'level')
    return translate(locale, 'competition.tie3x3.level', { teams: teams(tieBreak.tiedWith), rank });
  if (tieBreak.criterion === 'lot' && tieBreak.lot)
    return translate(
      locale,
      'competition.tie3x3.lotDrawn',
      lotParams(locale, tieBreak.lot, tieBreak.tiedWith, teams(tieBreak.tiedWith)),
    );
  const order = tieBreak.values.map((v) => v.teamId);
  const position = order.indexOf(teamId);
  const behind = tieBreak.tiedWith.filter((id) => order.indexOf(id) < position);
  const ahead = tieBreak.tiedWith.filter((id) => order.indexOf(id) > position);
  const criterion = translate(locale, `competition.tie3x3.criterion.${tieBreak.criterion}`);
  const sentence =
    behind.length > 0 && ahead.length > 0
      ? translate(locale, 'competition.tie.between', { behind: teams(behind), ahead: teams(ahead), criterion })
      : behind.length > 0
        ? translate(locale, 'competition.tie.behind', { teams: teams(behind), criterion })
        : translate(locale, 'competition.tie.ahead', { teams: teams(ahead), criterion });
  const valueOf = (id: string) =>
    shown(locale, tieBreak.criterion, tieBreak.values.find((v) => v.teamId === id)?.value ?? 0);
  const values = translate(locale, 'competition.tie.values', {
    own: valueOf(teamId),
    others: tieBreak.tiedWith.map(valueOf).join(locale === 'en' ? ', ' : '、'),
  });
  return `${sentence}${values}`;
}
