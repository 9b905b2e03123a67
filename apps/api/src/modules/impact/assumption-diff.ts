import type { ImpactFieldChange } from './impact-assumption-change.entity.js';

// The field-level difference of two assumption objects, for the history. A leaf is one assumption: a bare
// number or string, or a `{value, unit, source}` object (an edit of its source is a change of that
// assumption). Paths are dotted like the validator's (`groups.spectators.localShare`), so a history entry
// and a validation error name a field the same way.

type Obj = Record<string, unknown>;

/** An object that holds further assumptions (the root, a group, dailySpend …), not a sourced value. */
function isContainer(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !Object.hasOwn(x, 'value');
}

/** JSON with sorted keys: jsonb does not keep the client's key order, and order is not meaning. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (typeof x === 'object' && x !== null) {
    const entries = Object.keys(x)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((x as Obj)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(x) ?? 'undefined';
}

function walk(before: unknown, after: unknown, path: string, out: ImpactFieldChange[]): void {
  const beforeNests = before === undefined || isContainer(before);
  const afterNests = after === undefined || isContainer(after);
  if (beforeNests && afterNests && (before !== undefined || after !== undefined)) {
    const b: Obj = isContainer(before) ? before : {};
    const a: Obj = isContainer(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    for (const key of keys) walk(b[key], a[key], path === '' ? key : `${path}.${key}`, out);
    return;
  }
  if (canonical(before) !== canonical(after)) out.push({ field: path, before: before ?? null, after: after ?? null });
}

/** Every assumption that differs between `before` (undefined: nothing stored yet) and `after`. */
export function diffImpactAssumptions(before: unknown, after: unknown): ImpactFieldChange[] {
  const out: ImpactFieldChange[] = [];
  walk(before, after, '', out);
  return out;
}
