// What-if levers of the impact page: which stored assumptions get a slider, their ranges, and how a set of
// slider values becomes a scenario. Pure (no Svelte, no fetch) so the server load and the browser build the
// very same assumptions object, and the API and `@sailcourt/domain` compute the very same figures.
import {
  IMPACT_DAILY_SPEND_KEYS,
  IMPACT_GROUP_KEYS,
  IMPACT_NEUTRAL_DEFAULTS,
  getImpactGroupField,
  resolveImpactValue,
  setImpactGroupField,
  type ImpactAssumptions,
  type ImpactGroupAssumptions,
  type ImpactGroupFieldName,
  type ImpactGroupKey,
} from '@sailcourt/domain';

/**
 * A lever's field inside its group: the domain's numeric group fields but repeat attendance, which has no slider;
 * each per-day spending category the group states is a lever of its own.
 */
export type GroupLeverName = Exclude<ImpactGroupFieldName, 'repeatAttendanceShare'>;
export type LeverName = GroupLeverName | 'organiserSpend' | 'multipliers.output' | 'multipliers.income';

/** How a lever's value is bounded and written: share 0–1, ratio (companions per person), yuan amounts … */
export type LeverKind = 'count' | 'share' | 'ratio' | 'nights' | 'price' | 'multiplier';

export interface Lever {
  /** Form field name and API path prefix, e.g. `groups.spectators.localShare`, `multipliers.output`. */
  id: string;
  group: ImpactGroupKey | null;
  name: LeverName;
  kind: LeverKind;
  /** The value under the stored assumptions. */
  base: number;
  min: number;
  max: number;
  /** A step the stored value lies on, so an untouched slider submits exactly the stored value. */
  step: number | 'any';
}

export type LeverValues = Record<string, number>;

// Every assumption the ±20 % tornado can show gets a slider, each per-day spending category too.
const SIMPLE_GROUP_LEVERS: readonly {
  name: Exclude<GroupLeverName, 'admissions' | 'persons' | `dailySpend.${string}` | 'daysAttendedPerPerson'>;
  kind: LeverKind;
}[] = [
  { name: 'localShare', kind: 'share' },
  { name: 'casualShare', kind: 'share' },
  { name: 'companionsPerPerson', kind: 'ratio' },
  { name: 'overnightShare', kind: 'share' },
  { name: 'paidLodgingShare', kind: 'share' },
  { name: 'nights', kind: 'nights' },
  { name: 'bedNightPrice', kind: 'price' },
];

/** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is ≥ x: a slider end a reader can read. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * power >= x * (1 - 1e-12)) return m * power;
  return 10 * power;
}

const onStep = (value: number, step: number): boolean => Math.abs(value / step - Math.round(value / step)) < 1e-9;

/** The first candidate step the value lies on (ranges start at 0), else 'any'. */
function alignedStep(value: number, candidates: readonly number[]): number | 'any' {
  return candidates.find((step) => onStep(value, step)) ?? 'any';
}

/** Slider range and step of a lever kind, wide enough to explore but anchored on the stored value. */
function range(kind: LeverKind, base: number): Pick<Lever, 'min' | 'max' | 'step'> {
  switch (kind) {
    case 'share':
      return { min: 0, max: 1, step: alignedStep(base, [0.01, 0.005, 0.001]) };
    case 'ratio':
      return { min: 0, max: Math.max(4, niceCeil(base * 2)), step: alignedStep(base, [0.1, 0.05, 0.01]) };
    case 'nights':
      return {
        min: 0,
        max: Math.min(60, Math.max(10, niceCeil(base * 3))),
        step: alignedStep(base, [0.1, 0.05, 0.01]),
      };
    case 'multiplier':
      return { min: 0, max: Math.max(5, niceCeil(base * 2)), step: alignedStep(base, [0.01, 0.001]) };
    case 'price': {
      const max = niceCeil(Math.max(base * 3, 100));
      return { min: 0, max, step: alignedStep(base, [10, 5, 1]) };
    }
    case 'count': {
      const max = niceCeil(Math.max(base * 3, 100));
      return {
        min: 0,
        max,
        step: alignedStep(
          base,
          [1000, 500, 100, 50, 10, 5, 1].filter((s) => s <= max / 50),
        ),
      };
    }
  }
}

function groupLevers(key: ImpactGroupKey, group: ImpactGroupAssumptions): Lever[] {
  const lever = (name: GroupLeverName, kind: LeverKind, base: number): Lever => ({
    id: `groups.${key}.${name}`,
    group: key,
    name,
    kind,
    base,
    ...range(kind, base),
  });
  const count =
    group.persons !== undefined
      ? lever('persons', 'count', resolveImpactValue(group.persons))
      : lever('admissions', 'count', resolveImpactValue(group.admissions ?? 0));
  const levers = [count];
  // Counted by admissions: days attended per person turns admissions into people (more days, fewer people).
  if (group.persons === undefined)
    levers.push(
      lever(
        'daysAttendedPerPerson',
        'ratio',
        group.daysAttendedPerPerson === undefined ? 1 : resolveImpactValue(group.daysAttendedPerPerson),
      ),
    );
  for (const { name, kind } of SIMPLE_GROUP_LEVERS) {
    const raw = getImpactGroupField(group, name);
    const fallback = (IMPACT_NEUTRAL_DEFAULTS as Partial<Record<string, number>>)[name] ?? 0;
    const base = raw === undefined ? fallback : resolveImpactValue(raw);
    // Companions only where the group brings some: elsewhere a slider would offer a factor the model does not use.
    if (name === 'companionsPerPerson' && !(base > 0)) continue;
    levers.push(lever(name, kind, base));
  }
  // The categories the group states (one it leaves out counts 0, and 0 ± 20 % moves nothing in the tornado).
  for (const key of IMPACT_DAILY_SPEND_KEYS) {
    const value = group.dailySpend[key];
    if (value !== undefined) levers.push(lever(`dailySpend.${key}`, 'price', resolveImpactValue(value)));
  }
  return levers;
}

/** The levers of a stored assumption set, group by group in the model's order, then the organisers' spend and the two multipliers. */
export function leversOf(stored: ImpactAssumptions): Lever[] {
  const levers = IMPACT_GROUP_KEYS.flatMap((key) => {
    const group = stored.groups[key];
    return group === undefined ? [] : groupLevers(key, group);
  });
  const organiserSpend = stored.organiserSpend === undefined ? 0 : resolveImpactValue(stored.organiserSpend);
  levers.push({
    id: 'organiserSpend',
    group: null,
    name: 'organiserSpend',
    kind: 'price',
    base: organiserSpend,
    ...range('price', organiserSpend),
  });
  for (const which of ['output', 'income'] as const) {
    const base = resolveImpactValue(stored.multipliers[which]);
    levers.push({
      id: `multipliers.${which}`,
      group: null,
      name: `multipliers.${which}`,
      kind: 'multiplier',
      base,
      ...range('multiplier', base),
    });
  }
  return levers;
}

export const baseValues = (levers: readonly Lever[]): LeverValues =>
  Object.fromEntries(levers.map((l) => [l.id, l.base]));

/** Whether any lever differs from its stored value. */
export const differsFromStored = (levers: readonly Lever[], values: LeverValues): boolean =>
  levers.some((l) => values[l.id] !== undefined && values[l.id] !== l.base);

function applyToGroup(group: ImpactGroupAssumptions, lever: Lever, value: number): ImpactGroupAssumptions {
  if (lever.name === 'organiserSpend' || lever.name === 'multipliers.output' || lever.name === 'multipliers.income')
    return group;
  return setImpactGroupField(group, lever.name, value);
}

/**
 * The stored assumptions with the levers' values put in. Untouched levers leave their field exactly as stored
 * (with unit and source), so a scenario equal to the stored values reproduces the stored figures.
 */
export function applyLevers(
  stored: ImpactAssumptions,
  levers: readonly Lever[],
  values: LeverValues,
): ImpactAssumptions {
  let groups = stored.groups;
  let multipliers = stored.multipliers;
  let organiserSpend = stored.organiserSpend;
  for (const lever of levers) {
    const value = values[lever.id];
    if (value === undefined || value === lever.base) continue;
    if (lever.name === 'organiserSpend') organiserSpend = value;
    else if (lever.name === 'multipliers.output') multipliers = { ...multipliers, output: value };
    else if (lever.name === 'multipliers.income') multipliers = { ...multipliers, income: value };
    else if (lever.group !== null) {
      const group = groups[lever.group];
      if (group !== undefined) groups = { ...groups, [lever.group]: applyToGroup(group, lever, value) };
    }
  }
  return organiserSpend === stored.organiserSpend
    ? { ...stored, groups, multipliers }
    : { ...stored, groups, multipliers, organiserSpend };
}

export interface ParsedScenario {
  /** Whether the query names any lever at all (otherwise the page shows the stored estimate). */
  provided: boolean;
  values: LeverValues;
  /** Levers whose text is not a number. */
  notNumbers: string[];
  /** The text as submitted, to show beside an invalid field. */
  raw: Record<string, string>;
}

/** Lever values from a submitted form / query; a lever left out keeps its stored value. */
export function parseScenario(params: URLSearchParams, levers: readonly Lever[]): ParsedScenario {
  const values = baseValues(levers);
  const notNumbers: string[] = [];
  const raw: Record<string, string> = {};
  let provided = false;
  for (const lever of levers) {
    const text = params.get(lever.id);
    if (text === null) continue;
    provided = true;
    raw[lever.id] = text;
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (Number.isFinite(value)) values[lever.id] = value;
    else notNumbers.push(lever.id);
  }
  return { provided, values, notNumbers, raw };
}

/** The lever an API error path belongs to (`groups.spectators.dailySpend.catering`, or a part of it such as `….value`). */
export function leverOfField(field: string, levers: readonly Lever[]): Lever | undefined {
  return levers.find((l) => field === l.id || field.startsWith(`${l.id}.`));
}

/** A problem with one lever's submitted value; the page words it in the reader's language. */
export interface LeverError {
  kind: 'share' | 'nights' | 'nonNegative' | 'number' | 'source' | 'other';
  /** The value as submitted. */
  value: string;
  /** The API's own wording, shown for `other`. */
  message: string;
}

/** The rule a lever's value breaks when the API rejects it, from the lever's kind. */
export function leverRule(lever: Lever): LeverError['kind'] {
  switch (lever.kind) {
    case 'share':
      return 'share';
    case 'nights':
      return 'nights';
    case 'count':
    case 'ratio':
    case 'price':
    case 'multiplier':
      return 'nonNegative';
  }
}
