// One-at-a-time sensitivity: the data for a tornado chart.
//
// Every numeric assumption (each group × field, organisers' spend, the two multipliers) is moved −20 % and
// +20 % from its value while everything else stays put, and the metric (by default total direct spending)
// is recomputed. Moved values are clamped to their valid range (shares to [0, 1], nights to 0–60, days
// attended to ≥ 1, the rest to ≥ 0). Optional fields a group omits are moved from their neutral default
// (e.g. paidLodgingShare 1). Not listed: `repeatAttendanceShare` (it only acts when events are summed into
// a season) and the count basis a group does not use (admissions vs persons, and days attended when the
// group gives persons). Entries are sorted by swing |atHigh − atLow|, largest first.

import {
  IMPACT_GROUP_FIELDS,
  IMPACT_GROUP_KEYS,
  IMPACT_NEUTRAL_DEFAULTS,
  clampImpactValue,
  getImpactGroupField,
  resolveImpactValue,
  setImpactGroupField,
  type ImpactAssumptions,
  type ImpactFieldKind,
  type ImpactGroupFieldName,
  type ImpactGroupKey,
} from './assumptions.js';
import { estimateTourismImpact, type TourismImpactEstimate } from './model.js';

export type ImpactSensitivityMetric = 'direct' | 'visitors' | 'visitorNights' | 'grossOutput' | 'income';

export interface ImpactSensitivityEntry {
  /** Path of the assumption, as in validation errors: `groups.spectators.localShare`, `multipliers.output`. */
  field: string;
  /** The visitor group, or null for organiserSpend and the multipliers. */
  group: ImpactGroupKey | null;
  /** Field name within its group (or the top-level path). */
  name: string;
  kind: ImpactFieldKind;
  baseValue: number;
  /** The moved values after clamping. */
  lowValue: number;
  highValue: number;
  /** The metric with the value at lowValue / highValue. */
  atLow: number;
  atHigh: number;
  /** |atHigh − atLow|. */
  swing: number;
}

export interface ImpactSensitivity {
  metric: ImpactSensitivityMetric;
  /** Relative move, 0.2 = ±20 %. */
  step: number;
  /** The metric under the assumptions as given. */
  baseline: number;
  entries: ImpactSensitivityEntry[];
}

export interface ImpactSensitivityOptions {
  /** Relative move; default 0.2. */
  step?: number;
  /** What to measure; default 'direct' (total direct spending). */
  metric?: ImpactSensitivityMetric;
}

function measure(estimate: TourismImpactEstimate, metric: ImpactSensitivityMetric): number {
  switch (metric) {
    case 'direct':
      return estimate.spending.total;
    case 'visitors':
      return estimate.visitors;
    case 'visitorNights':
      return estimate.visitorNights;
    case 'grossOutput':
      return estimate.grossOutput;
    case 'income':
      return estimate.income;
  }
}

interface Knob {
  field: string;
  group: ImpactGroupKey | null;
  name: string;
  kind: ImpactFieldKind;
  baseValue: number;
  apply: (value: number) => ImpactAssumptions;
}

function usedGroupFields(assumptions: ImpactAssumptions, key: ImpactGroupKey): Knob[] {
  const group = assumptions.groups[key];
  if (group === undefined) return [];
  const byPersons = group.persons !== undefined;
  const skip = new Set<ImpactGroupFieldName>([
    'repeatAttendanceShare',
    byPersons ? 'admissions' : 'persons',
    ...(byPersons ? (['daysAttendedPerPerson'] as const) : []),
  ]);
  const knobs: Knob[] = [];
  for (const spec of IMPACT_GROUP_FIELDS) {
    if (skip.has(spec.name)) continue;
    const raw = getImpactGroupField(group, spec.name);
    const fallback: number | undefined = (IMPACT_NEUTRAL_DEFAULTS as Partial<Record<ImpactGroupFieldName, number>>)[
      spec.name
    ];
    const baseValue = raw !== undefined ? resolveImpactValue(raw) : fallback;
    if (baseValue === undefined) continue;
    knobs.push({
      field: `groups.${key}.${spec.name}`,
      group: key,
      name: spec.name,
      kind: spec.kind,
      baseValue,
      apply: (value) => ({
        ...assumptions,
        groups: { ...assumptions.groups, [key]: setImpactGroupField(group, spec.name, value) },
      }),
    });
  }
  return knobs;
}

function knobsOf(assumptions: ImpactAssumptions): Knob[] {
  const knobs = IMPACT_GROUP_KEYS.flatMap((key) => usedGroupFields(assumptions, key));
  knobs.push({
    field: 'organiserSpend',
    group: null,
    name: 'organiserSpend',
    kind: 'price',
    baseValue: assumptions.organiserSpend === undefined ? 0 : resolveImpactValue(assumptions.organiserSpend),
    apply: (value) => ({ ...assumptions, organiserSpend: value }),
  });
  for (const which of ['output', 'income'] as const) {
    knobs.push({
      field: `multipliers.${which}`,
      group: null,
      name: `multipliers.${which}`,
      kind: 'multiplier',
      baseValue: resolveImpactValue(assumptions.multipliers[which]),
      apply: (value) => ({ ...assumptions, multipliers: { ...assumptions.multipliers, [which]: value } }),
    });
  }
  return knobs;
}

/** Tornado data: the metric with each assumption at −step and +step, largest swing first. */
export function computeImpactSensitivity(
  assumptions: ImpactAssumptions,
  options: ImpactSensitivityOptions = {},
): ImpactSensitivity {
  const step = options.step ?? 0.2;
  const metric = options.metric ?? 'direct';
  const baseline = measure(estimateTourismImpact(assumptions), metric);
  const entries = knobsOf(assumptions).map((knob): ImpactSensitivityEntry => {
    const lowValue = clampImpactValue(knob.kind, knob.baseValue * (1 - step));
    const highValue = clampImpactValue(knob.kind, knob.baseValue * (1 + step));
    const atLow = measure(estimateTourismImpact(knob.apply(lowValue)), metric);
    const atHigh = measure(estimateTourismImpact(knob.apply(highValue)), metric);
    return {
      field: knob.field,
      group: knob.group,
      name: knob.name,
      kind: knob.kind,
      baseValue: knob.baseValue,
      lowValue,
      highValue,
      atLow,
      atHigh,
      swing: Math.abs(atHigh - atLow),
    };
  });
  entries.sort((a, b) => b.swing - a.swing || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return { metric, step, baseline, entries };
}
