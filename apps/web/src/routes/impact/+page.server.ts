import { isProblem } from '@sailcourt/api-client';
import {
  applyLevers,
  leverOfField,
  leverRule,
  leversOf,
  parseScenario,
  type LeverError,
} from '$lib/components/impact/scenario';
import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';
import { IMPACT_SEASON, figuresOf, seasonSummary, storedAssumptionsOf } from './impact.server';

/**
 * The season's estimate, or — when the what-if form was submitted (GET, so it works without JavaScript and
 * the scenario is a shareable link) — the scenario recomputed by the API. Nothing is stored either way.
 */
export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const season = { params: { path: { id: IMPACT_SEASON } } };
  const [seasonDto, impact, sensitivity] = await Promise.all([
    client.GET('/api/seasons/{id}', season).then(required),
    client.GET('/api/seasons/{id}/impact', season).then(required),
    client.GET('/api/seasons/{id}/impact/sensitivity', season).then(required),
  ]);
  const stored = storedAssumptionsOf(impact.assumptions);
  const storedFigures = figuresOf(impact);
  const levers = leversOf(stored);
  const parsed = parseScenario(event.url.searchParams, levers);
  const common = { season: seasonSummary(seasonDto), stored, storedFigures, version: impact.version };
  const errors: Record<string, LeverError> = {};
  const otherErrors: string[] = [];
  if (!parsed.provided)
    return {
      ...common,
      scenario: 'none' as const,
      values: parsed.values,
      figures: storedFigures,
      sensitivity,
      errors,
      otherErrors,
    };

  for (const id of parsed.notNumbers) errors[id] = { kind: 'number', value: parsed.raw[id] ?? '', message: '' };
  if (parsed.notNumbers.length === 0) {
    const body = { ...applyLevers(stored, levers, parsed.values) };
    const [estimate, scenarioSensitivity] = await Promise.all([
      client.POST('/api/impact/estimate', { body }),
      client.POST('/api/impact/sensitivity', { body }),
    ]);
    if (estimate.data && scenarioSensitivity.data) {
      return {
        ...common,
        scenario: 'computed' as const,
        values: parsed.values,
        figures: figuresOf(estimate.data),
        sensitivity: scenarioSensitivity.data,
        errors,
        otherErrors,
      };
    }
    // Only a 400 is the reader's doing; anything else (or a failing sensitivity after a good estimate) is the page's error.
    if (estimate.data) required(scenarioSensitivity);
    const rejection: unknown = estimate.error; // typed `never`: the document lists no error bodies
    if (estimate.response.status !== 400 || !isProblem(rejection)) required(estimate);
    const problem = isProblem(rejection) ? rejection : null;
    for (const { field, message } of problem?.errors ?? []) {
      const lever = leverOfField(field, levers);
      if (lever)
        errors[lever.id] ??= {
          kind: leverRule(lever),
          value: parsed.raw[lever.id] ?? String(parsed.values[lever.id]),
          message,
        };
      else otherErrors.push(`${field}: ${message}`);
    }
    if (Object.keys(errors).length === 0 && otherErrors.length === 0) otherErrors.push(problem?.detail ?? '');
  }
  // An invalid value goes back to the stored one, so the sliders (and the live estimate) never hold it.
  const values = { ...parsed.values };
  for (const lever of levers) if (errors[lever.id]) values[lever.id] = lever.base;
  return { ...common, scenario: 'failed' as const, values, figures: storedFigures, sensitivity, errors, otherErrors };
};
