// Tourism-impact assumptions: the data every estimate is computed from.
//
// Every number is data (stored per season/event, editable by organisers, shown beside the figure with its
// source), never a constant in code. A value may be a bare number or `{value, unit, source}`; `source` is a
// citation string or "assumption". The few code-level defaults below are *neutral* (they switch a factor
// off), not calibrated figures.

/** The visitor groups of the model (impact-model.md). */
export type ImpactGroupKey = 'participants' | 'companions' | 'spectators' | 'officialsMedia';

/** Presentation / iteration order of the groups. */
export const IMPACT_GROUP_KEYS: readonly ImpactGroupKey[] = [
  'participants',
  'companions',
  'spectators',
  'officialsMedia',
];

/** A number with its unit and where it comes from (a citation, "assumption" or "illustrative"). */
export interface SourcedImpactValue {
  value: number;
  unit?: string;
  source: string;
  /** Optional free-text explanation of how the value was derived. */
  note?: string;
}

/** A bare number or a sourced one; resolve with {@link resolveImpactValue}. */
export type ImpactAssumptionValue = number | SourcedImpactValue;

/** Spending categories of the output; accommodation is derived from bed-nights. */
export type ImpactSpendingCategory = 'accommodation' | 'catering' | 'shopping' | 'transport' | 'other';

export const IMPACT_SPENDING_CATEGORIES: readonly ImpactSpendingCategory[] = [
  'accommodation',
  'catering',
  'shopping',
  'transport',
  'other',
];

/** Keys of the per-day spend split. `entertainment` is reported under `other`. */
export type ImpactDailySpendKey = 'catering' | 'shopping' | 'transport' | 'other' | 'entertainment';

export const IMPACT_DAILY_SPEND_KEYS: readonly ImpactDailySpendKey[] = [
  'catering',
  'shopping',
  'transport',
  'other',
  'entertainment',
];

/** Yuan per visitor per day spent locally (excluding lodging), split by category. */
export interface ImpactDailySpend {
  catering: ImpactAssumptionValue;
  shopping: ImpactAssumptionValue;
  /** Local transport. */
  transport: ImpactAssumptionValue;
  /** Anything else; defaults to 0. */
  other?: ImpactAssumptionValue;
  /** Tickets, attractions, nightlife; reported under `other`. Defaults to 0. */
  entertainment?: ImpactAssumptionValue;
}

/**
 * One visitor group's assumptions. Give exactly one of `admissions` (attendances, divided by
 * `daysAttendedPerPerson` to get unique persons) or `persons` (unique persons, e.g. a roster count).
 */
export interface ImpactGroupAssumptions {
  /** A_g: admissions (attendances) over the event. */
  admissions?: ImpactAssumptionValue;
  /** Unique persons; used instead of admissions / daysAttendedPerPerson when given. */
  persons?: ImpactAssumptionValue;
  /** a_g: days attended per person (≥ 1); default 1. Only used with `admissions`. */
  daysAttendedPerPerson?: ImpactAssumptionValue;
  /** ρ_g: share of persons who live in the area (their spending is not additional). */
  localShare: ImpactAssumptionValue;
  /** κ_g: share of the non-local persons who are casuals or time-switchers (would have come anyway); default 0. */
  casualShare?: ImpactAssumptionValue;
  /** π_g: accompanying persons per counted (non-local, non-casual) person; default 0. */
  companionsPerPerson?: ImpactAssumptionValue;
  /** ω_g: share of visitors who stay overnight. */
  overnightShare: ImpactAssumptionValue;
  /** σ_g: share of overnight visitors in paid lodging (the rest stay with friends, family, free lodging); default 1. */
  paidLodgingShare?: ImpactAssumptionValue;
  /** n_g: nights per overnight visitor (0–60). */
  nights: ImpactAssumptionValue;
  /** b_g: yuan per bed-night in paid lodging. */
  bedNightPrice: ImpactAssumptionValue;
  /** s_g: yuan per visitor per day, by category. */
  dailySpend: ImpactDailySpend;
  /**
   * Season aggregation only (ignored for a single event): share of this event's visitors in this group
   * whose trip is already counted under another event of the same season. Default 0. See season.ts.
   */
  repeatAttendanceShare?: ImpactAssumptionValue;
}

export interface ImpactMultipliers {
  /** k_out: total (direct + indirect + induced) output per yuan of direct spending, e.g. 2.89. */
  output: ImpactAssumptionValue;
  /** k_inc: local household income per yuan of direct spending, e.g. 0.65. */
  income: ImpactAssumptionValue;
}

/**
 * The assumptions of one estimate (an event, or a what-if scenario). This is the object the API stores
 * per season/event, returns beside the figures and accepts for `POST /impact/estimate`.
 */
export interface ImpactAssumptions {
  label?: string;
  description?: string;
  currency?: 'CNY';
  groups: Partial<Record<ImpactGroupKey, ImpactGroupAssumptions>>;
  multipliers: ImpactMultipliers;
  /** Organisers' net spending in the area (yuan, after money that leaves it); a direct item under `other`. */
  organiserSpend?: ImpactAssumptionValue;
}

/** A group with every value resolved to a number and neutral defaults filled in. */
export interface ResolvedImpactGroup {
  /** Unique persons U_g (persons, or admissions / daysAttendedPerPerson). */
  uniquePersons: number;
  localShare: number;
  casualShare: number;
  companionsPerPerson: number;
  overnightShare: number;
  paidLodgingShare: number;
  nights: number;
  bedNightPrice: number;
  dailySpend: Record<ImpactDailySpendKey, number>;
  repeatAttendanceShare: number;
}

export interface ResolvedImpactAssumptions {
  groups: Partial<Record<ImpactGroupKey, ResolvedImpactGroup>>;
  multipliers: { output: number; income: number };
  organiserSpend: number;
}

/** The number inside a bare or sourced value. */
export function resolveImpactValue(value: ImpactAssumptionValue): number {
  return typeof value === 'number' ? value : value.value;
}

/**
 * Neutral values of the optional fields when omitted: they switch a factor off (no casuals, no
 * companions, everyone in paid lodging, one day per admission, no overlap), they are not calibration.
 */
export const IMPACT_NEUTRAL_DEFAULTS = {
  daysAttendedPerPerson: 1,
  casualShare: 0,
  companionsPerPerson: 0,
  paidLodgingShare: 1,
  repeatAttendanceShare: 0,
  'dailySpend.other': 0,
  'dailySpend.entertainment': 0,
} as const satisfies Partial<Record<ImpactGroupFieldName, number>>;

function resolveOr(value: ImpactAssumptionValue | undefined, fallback: number): number {
  return value === undefined ? fallback : resolveImpactValue(value);
}

export function resolveImpactGroup(group: ImpactGroupAssumptions): ResolvedImpactGroup {
  const d = IMPACT_NEUTRAL_DEFAULTS;
  const days = resolveOr(group.daysAttendedPerPerson, d.daysAttendedPerPerson);
  const uniquePersons =
    group.persons !== undefined
      ? resolveImpactValue(group.persons)
      : group.admissions !== undefined && days > 0
        ? resolveImpactValue(group.admissions) / days
        : 0;
  const spend = group.dailySpend;
  return {
    uniquePersons,
    localShare: resolveImpactValue(group.localShare),
    casualShare: resolveOr(group.casualShare, d.casualShare),
    companionsPerPerson: resolveOr(group.companionsPerPerson, d.companionsPerPerson),
    overnightShare: resolveImpactValue(group.overnightShare),
    paidLodgingShare: resolveOr(group.paidLodgingShare, d.paidLodgingShare),
    nights: resolveImpactValue(group.nights),
    bedNightPrice: resolveImpactValue(group.bedNightPrice),
    dailySpend: {
      catering: resolveImpactValue(spend.catering),
      shopping: resolveImpactValue(spend.shopping),
      transport: resolveImpactValue(spend.transport),
      other: resolveOr(spend.other, d['dailySpend.other']),
      entertainment: resolveOr(spend.entertainment, d['dailySpend.entertainment']),
    },
    repeatAttendanceShare: resolveOr(group.repeatAttendanceShare, d.repeatAttendanceShare),
  };
}

/** Resolve every value to a bare number (the normaliser); neutral defaults for omitted optional fields. */
export function normalizeImpactAssumptions(assumptions: ImpactAssumptions): ResolvedImpactAssumptions {
  const groups: Partial<Record<ImpactGroupKey, ResolvedImpactGroup>> = {};
  for (const key of IMPACT_GROUP_KEYS) {
    const group = assumptions.groups[key];
    if (group !== undefined) groups[key] = resolveImpactGroup(group);
  }
  return {
    groups,
    multipliers: {
      output: resolveImpactValue(assumptions.multipliers.output),
      income: resolveImpactValue(assumptions.multipliers.income),
    },
    organiserSpend: resolveOr(assumptions.organiserSpend, 0),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Field catalogue: one list of every numeric group field and its kind, shared by validation and sensitivity.

/** How a numeric field is bounded: share [0,1], count/price ≥ 0, nights 0–60, days ≥ 1, multiplier ≥ 0. */
export type ImpactFieldKind = 'share' | 'count' | 'price' | 'nights' | 'days' | 'multiplier';

/** Path of a numeric field inside a group, e.g. `localShare` or `dailySpend.catering`. */
export type ImpactGroupFieldName =
  | 'admissions'
  | 'persons'
  | 'daysAttendedPerPerson'
  | 'localShare'
  | 'casualShare'
  | 'companionsPerPerson'
  | 'overnightShare'
  | 'paidLodgingShare'
  | 'nights'
  | 'bedNightPrice'
  | 'repeatAttendanceShare'
  | `dailySpend.${ImpactDailySpendKey}`;

export interface ImpactGroupFieldSpec {
  name: ImpactGroupFieldName;
  kind: ImpactFieldKind;
  /** Must be present in a complete group (admissions/persons: exactly one, checked separately). */
  required: boolean;
}

export const IMPACT_GROUP_FIELDS: readonly ImpactGroupFieldSpec[] = [
  { name: 'admissions', kind: 'count', required: false },
  { name: 'persons', kind: 'count', required: false },
  { name: 'daysAttendedPerPerson', kind: 'days', required: false },
  { name: 'localShare', kind: 'share', required: true },
  { name: 'casualShare', kind: 'share', required: false },
  { name: 'companionsPerPerson', kind: 'count', required: false },
  { name: 'overnightShare', kind: 'share', required: true },
  { name: 'paidLodgingShare', kind: 'share', required: false },
  { name: 'nights', kind: 'nights', required: true },
  { name: 'bedNightPrice', kind: 'price', required: true },
  { name: 'repeatAttendanceShare', kind: 'share', required: false },
  { name: 'dailySpend.catering', kind: 'price', required: true },
  { name: 'dailySpend.shopping', kind: 'price', required: true },
  { name: 'dailySpend.transport', kind: 'price', required: true },
  { name: 'dailySpend.other', kind: 'price', required: false },
  { name: 'dailySpend.entertainment', kind: 'price', required: false },
];

/** Upper bound on nights per overnight visitor. */
export const IMPACT_MAX_NIGHTS = 60;
/**
 * Ceilings far above any real season (Qingdao expected 60,000 visits and 200 M yuan), there only so
 * that a product of assumptions stays a finite number: 1e308 visitors would make the total Infinity.
 */
export const IMPACT_MAX_COUNT = 1e9;
export const IMPACT_MAX_PRICE = 1e12;
export const IMPACT_MAX_MULTIPLIER = 100;
export const IMPACT_MAX_DAYS = 366;

/** Clamp a value into the valid range of its kind (used when perturbing assumptions). */
export function clampImpactValue(kind: ImpactFieldKind, value: number): number {
  switch (kind) {
    case 'share':
      return Math.min(1, Math.max(0, value));
    case 'nights':
      return Math.min(IMPACT_MAX_NIGHTS, Math.max(0, value));
    case 'days':
      return Math.min(IMPACT_MAX_DAYS, Math.max(1, value));
    case 'count':
      return Math.min(IMPACT_MAX_COUNT, Math.max(0, value));
    case 'price':
      return Math.min(IMPACT_MAX_PRICE, Math.max(0, value));
    case 'multiplier':
      return Math.min(IMPACT_MAX_MULTIPLIER, Math.max(0, value));
  }
}

/** Read a group field's raw value by its name (undefined when absent). */
export function getImpactGroupField(
  group: ImpactGroupAssumptions,
  name: ImpactGroupFieldName,
): ImpactAssumptionValue | undefined {
  if (name.startsWith('dailySpend.')) {
    const key = name.slice('dailySpend.'.length) as ImpactDailySpendKey;
    return group.dailySpend[key];
  }
  return group[name as Exclude<ImpactGroupFieldName, `dailySpend.${string}`>];
}

/** A copy of the group with one field replaced by a bare number (the original object is not changed). */
export function setImpactGroupField(
  group: ImpactGroupAssumptions,
  name: ImpactGroupFieldName,
  value: number,
): ImpactGroupAssumptions {
  if (name.startsWith('dailySpend.')) {
    const key = name.slice('dailySpend.'.length) as ImpactDailySpendKey;
    return { ...group, dailySpend: { ...group.dailySpend, [key]: value } };
  }
  return { ...group, [name]: value };
}
