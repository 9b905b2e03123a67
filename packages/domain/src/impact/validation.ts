// Validation of an assumptions object that comes from a client (POST /impact/estimate, organiser edits).
//
// Returns every problem as `{field, message}` with a dotted path (`groups.spectators.localShare`; the root
// object itself is ''), for the API to turn into a 400 problem+json. Never throws: odd input (null, arrays,
// strings, NaN, unknown keys, hostile getters) becomes error entries. Rules: shares in [0, 1], counts and
// prices non-negative finite numbers, nights 0–60, days attended ≥ 1, multipliers non-negative finite;
// each group gives exactly one of admissions / persons; unknown fields are rejected so a misspelt field
// cannot silently fall back to a default; when `groups.companions` is given explicitly no group may also
// derive companions through companionsPerPerson (they would be counted twice).

import {
  IMPACT_DAILY_SPEND_KEYS,
  IMPACT_GROUP_FIELDS,
  IMPACT_GROUP_KEYS,
  IMPACT_MAX_COUNT,
  IMPACT_MAX_DAYS,
  IMPACT_MAX_MULTIPLIER,
  IMPACT_MAX_NIGHTS,
  IMPACT_MAX_PRICE,
  type ImpactAssumptions,
  type ImpactFieldKind,
} from './assumptions.js';

export interface ImpactValidationError {
  /** Dotted path of the offending field, '' for the whole object. */
  field: string;
  message: string;
}

export type ImpactAssumptionsParseResult =
  { ok: true; value: ImpactAssumptions } | { ok: false; errors: ImpactValidationError[] };

type Obj = Record<string, unknown>;

function isObject(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function own(obj: Obj, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'number') return Number.isNaN(x) ? 'NaN' : String(x);
  return `a ${typeof x}`;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

const RULE_MESSAGE: Record<ImpactFieldKind, string> = {
  share: 'must be a fraction from 0 to 1',
  count: `must be a number from 0 to ${IMPACT_MAX_COUNT}`,
  price: `must be an amount of yuan from 0 to ${IMPACT_MAX_PRICE}`,
  nights: `must be a number of nights from 0 to ${IMPACT_MAX_NIGHTS}`,
  days: `must be a number of days from 1 to ${IMPACT_MAX_DAYS}`,
  multiplier: `must be a multiplier from 0 to ${IMPACT_MAX_MULTIPLIER}`,
};

function inRange(kind: ImpactFieldKind, v: number): boolean {
  if (!Number.isFinite(v)) return false;
  switch (kind) {
    case 'share':
      return v >= 0 && v <= 1;
    case 'nights':
      return v >= 0 && v <= IMPACT_MAX_NIGHTS;
    case 'days':
      return v >= 1 && v <= IMPACT_MAX_DAYS;
    case 'count':
      return v >= 0 && v <= IMPACT_MAX_COUNT;
    case 'price':
      return v >= 0 && v <= IMPACT_MAX_PRICE;
    case 'multiplier':
      return v >= 0 && v <= IMPACT_MAX_MULTIPLIER;
  }
}

class Collector {
  readonly errors: ImpactValidationError[] = [];
  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }
  unknownKeys(obj: Obj, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.add(join(path, key), 'is not a known field');
    }
  }
  /** A numeric assumption: a bare number or {value, unit?, source, note?}. Returns the number if usable. */
  value(raw: unknown, path: string, kind: ImpactFieldKind, required: boolean): number | undefined {
    if (raw === undefined) {
      if (required) this.add(path, 'is required');
      return undefined;
    }
    let v: unknown = raw;
    if (isObject(raw)) {
      this.unknownKeys(raw, path, ['value', 'unit', 'source', 'note']);
      v = own(raw, 'value');
      const source = own(raw, 'source');
      if (typeof source !== 'string' || source.trim() === '') {
        this.add(join(path, 'source'), 'must be a non-empty string (a citation or "assumption")');
      }
      for (const key of ['unit', 'note'] as const) {
        const text = own(raw, key);
        if (text !== undefined && typeof text !== 'string') this.add(join(path, key), 'must be a string');
      }
      if (v === undefined) {
        this.add(join(path, 'value'), 'is required');
        return undefined;
      }
    }
    if (typeof v !== 'number') {
      this.add(path, `must be a number or {value, unit, source}, got ${describeValue(v)}`);
      return undefined;
    }
    if (!inRange(kind, v)) {
      this.add(path, `${RULE_MESSAGE[kind]}, got ${describeValue(v)}`);
      return undefined;
    }
    return v;
  }
}

const GROUP_FIELD_NAMES = [
  ...IMPACT_GROUP_FIELDS.map((f) => f.name).filter((n) => !n.startsWith('dailySpend.')),
  'dailySpend',
];

function validateGroup(c: Collector, raw: unknown, path: string, explicitCompanions: boolean): void {
  if (!isObject(raw)) {
    c.add(path, `must be an object, got ${describeValue(raw)}`);
    return;
  }
  c.unknownKeys(raw, path, GROUP_FIELD_NAMES);
  const dailySpend = own(raw, 'dailySpend');
  const dailyPath = join(path, 'dailySpend');
  if (dailySpend === undefined) c.add(dailyPath, 'is required');
  else if (!isObject(dailySpend)) c.add(dailyPath, `must be an object, got ${describeValue(dailySpend)}`);
  else c.unknownKeys(dailySpend, dailyPath, IMPACT_DAILY_SPEND_KEYS);

  for (const spec of IMPACT_GROUP_FIELDS) {
    const [head, sub] = spec.name.split('.');
    if (head === undefined) continue;
    let value: unknown;
    if (sub !== undefined) {
      if (!isObject(dailySpend)) continue;
      value = own(dailySpend, sub);
    } else {
      value = own(raw, head);
    }
    const v = c.value(value, join(path, spec.name), spec.kind, spec.required);
    if (spec.name === 'companionsPerPerson' && v !== undefined && v > 0) {
      if (path.endsWith('.companions')) {
        c.add(join(path, spec.name), 'companions of companions are not modelled; must be 0 or omitted');
      } else if (explicitCompanions) {
        c.add(
          join(path, spec.name),
          'must be 0 or omitted when groups.companions is given explicitly (companions would be counted twice)',
        );
      }
    }
  }
  const hasAdmissions = own(raw, 'admissions') !== undefined;
  const hasPersons = own(raw, 'persons') !== undefined;
  if (!hasAdmissions && !hasPersons) c.add(join(path, 'admissions'), 'admissions or persons is required');
  if (hasAdmissions && hasPersons) c.add(join(path, 'persons'), 'give either admissions or persons, not both');
}

function validateRoot(c: Collector, input: unknown): void {
  if (!isObject(input)) {
    c.add('', `assumptions must be an object, got ${describeValue(input)}`);
    return;
  }
  c.unknownKeys(input, '', ['label', 'description', 'currency', 'groups', 'multipliers', 'organiserSpend']);
  for (const key of ['label', 'description'] as const) {
    const text = own(input, key);
    if (text !== undefined && typeof text !== 'string') c.add(key, 'must be a string');
  }
  const currency = own(input, 'currency');
  if (currency !== undefined && currency !== 'CNY') c.add('currency', 'must be "CNY" (amounts are in yuan)');

  const groups = own(input, 'groups');
  if (groups === undefined) c.add('groups', 'is required');
  else if (!isObject(groups)) c.add('groups', `must be an object, got ${describeValue(groups)}`);
  else {
    c.unknownKeys(groups, 'groups', IMPACT_GROUP_KEYS);
    const explicitCompanions = own(groups, 'companions') !== undefined;
    for (const key of IMPACT_GROUP_KEYS) {
      const group = own(groups, key);
      if (group !== undefined) validateGroup(c, group, `groups.${key}`, explicitCompanions);
    }
  }

  const multipliers = own(input, 'multipliers');
  if (multipliers === undefined) c.add('multipliers', 'is required');
  else if (!isObject(multipliers)) c.add('multipliers', `must be an object, got ${describeValue(multipliers)}`);
  else {
    c.unknownKeys(multipliers, 'multipliers', ['output', 'income']);
    c.value(own(multipliers, 'output'), 'multipliers.output', 'multiplier', true);
    c.value(own(multipliers, 'income'), 'multipliers.income', 'multiplier', true);
  }
  c.value(own(input, 'organiserSpend'), 'organiserSpend', 'price', false);
}

/** All problems with a client's assumptions object; an empty list means it is valid. Never throws. */
export function validateImpactAssumptions(input: unknown): ImpactValidationError[] {
  const c = new Collector();
  try {
    validateRoot(c, input);
  } catch {
    c.add('', 'assumptions could not be read');
  }
  return c.errors;
}

/** Validate and, if valid, return the input typed as assumptions. Never throws. */
export function parseImpactAssumptions(input: unknown): ImpactAssumptionsParseResult {
  const errors = validateImpactAssumptions(input);
  return errors.length === 0 ? { ok: true, value: input as ImpactAssumptions } : { ok: false, errors };
}
