// Every stored assumption as a row (value, unit, source, note), grouped by visitor group in the model's order,
// and the reverse: an organizer's edited rows back into an assumptions object. Pure, shared by the
// methodology page (read) and its form action (write).
import { translate } from '$lib/i18n';
import {
  IMPACT_GROUP_FIELDS,
  IMPACT_GROUP_KEYS,
  IMPACT_NEUTRAL_DEFAULTS,
  getImpactGroupField,
  type ImpactAssumptions,
  type ImpactAssumptionValue,
  type ImpactGroupAssumptions,
  type ImpactGroupFieldName,
  type ImpactGroupKey,
} from '@sailcourt/domain';

export interface AssumptionRow {
  /** Dotted path as in API errors and the change history: `groups.spectators.localShare`. */
  path: string;
  /** The field within its group, or the top-level path (`multipliers.output`). */
  name: string;
  /** Null when the field is not set and its neutral default applies. */
  value: number | null;
  unit: string | null;
  /** A citation, "assumption", "illustrative", or null when the value was stored bare. */
  source: string | null;
  note: string | null;
  /** The neutral default used when the field is not set. */
  neutral: number | null;
}

export interface AssumptionSection {
  /** The visitor group, or null for the multipliers and organisers' spend. */
  group: ImpactGroupKey | null;
  rows: AssumptionRow[];
}

function rowOf(
  path: string,
  name: string,
  raw: ImpactAssumptionValue | undefined,
  neutral: number | null = null,
): AssumptionRow {
  if (raw === undefined) return { path, name, value: null, unit: null, source: null, note: null, neutral };
  if (typeof raw === 'number') return { path, name, value: raw, unit: null, source: null, note: null, neutral };
  return { path, name, value: raw.value, unit: raw.unit ?? null, source: raw.source, note: raw.note ?? null, neutral };
}

const NEUTRAL = IMPACT_NEUTRAL_DEFAULTS as Partial<Record<ImpactGroupFieldName, number>>;

function groupRows(key: ImpactGroupKey, group: ImpactGroupAssumptions): AssumptionRow[] {
  // The count basis the group does not use is not an assumption of this estimate.
  const unused = new Set<ImpactGroupFieldName>(
    group.persons !== undefined ? ['admissions', 'daysAttendedPerPerson'] : ['persons'],
  );
  return IMPACT_GROUP_FIELDS.flatMap(({ name }) => {
    if (unused.has(name)) return [];
    const raw = getImpactGroupField(group, name);
    const neutral = NEUTRAL[name] ?? null;
    return raw === undefined && neutral === null ? [] : [rowOf(`groups.${key}.${name}`, name, raw, neutral)];
  });
}

/** Every assumption of the set: one section per visitor group present, then the season-wide ones. */
export function assumptionSections(assumptions: ImpactAssumptions): AssumptionSection[] {
  const sections: AssumptionSection[] = IMPACT_GROUP_KEYS.flatMap((key) => {
    const group = assumptions.groups[key];
    return group === undefined ? [] : [{ group: key, rows: groupRows(key, group) }];
  });
  sections.push({
    group: null,
    rows: [
      rowOf('multipliers.output', 'multipliers.output', assumptions.multipliers.output),
      rowOf('multipliers.income', 'multipliers.income', assumptions.multipliers.income),
      rowOf('organiserSpend', 'organiserSpend', assumptions.organiserSpend, 0),
    ],
  });
  return sections;
}

/** What an organizer typed for one stored assumption. */
export interface EditedValue {
  value: string;
  source: string;
}

export type EditResult = { ok: true; assumptions: ImpactAssumptions } | { ok: false; notNumbers: string[] };

/** Shares are stored as fractions (0.4) and read and typed as percentages (40 %). */
export const isShare = (name: string): boolean => name.endsWith('Share');

/** The text an editor field starts with: a share as a percentage ("40"), anything else as stored. */
export function toEditText(name: string, value: number): string {
  return isShare(name) ? String(Math.round(value * 100 * 10_000) / 10_000) : String(value);
}

/** What an organizer typed ("40", "40 %", "40%") back to the stored number; NaN when it is not a number. */
export function fromEditText(name: string, text: string): number {
  const cleaned = text.trim().replace(/\s*[%％]$/, '');
  if (cleaned === '') return Number.NaN;
  const value = Number(cleaned);
  return isShare(name) ? value / 100 : value;
}

/** The source word for a model parameter, as typed in either language ("假设", "assumption"), stored as `assumption`. */
export function normalizeSource(text: string): string {
  const trimmed = text.trim();
  const words = [
    translate('zh-CN', 'impact.source.assumption'),
    translate('en', 'impact.source.assumption'),
    'assumption',
  ];
  return words.some((word) => word.toLowerCase() === trimmed.toLowerCase()) ? 'assumption' : trimmed;
}

type Tree = Record<string, unknown>;
const isTree = (x: unknown): x is Tree => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The stored set with the edited values put in (unit and note kept). A row left without a source keeps a bare
 * number, as it was stored; the API then checks every value and names each field it rejects.
 */
export function applyEdits(stored: ImpactAssumptions, edits: ReadonlyMap<string, EditedValue>): EditResult {
  const copy = structuredClone(stored);
  const notNumbers: string[] = [];
  for (const section of assumptionSections(stored)) {
    for (const row of section.rows) {
      const edit = edits.get(row.path);
      if (row.value === null || edit === undefined) continue;
      const value = fromEditText(row.name, edit.value);
      if (!Number.isFinite(value)) {
        notNumbers.push(row.path);
        continue;
      }
      const source = normalizeSource(edit.source);
      const next: ImpactAssumptionValue =
        source === '' && row.source === null
          ? value
          : {
              value,
              ...(row.unit !== null ? { unit: row.unit } : {}),
              source,
              ...(row.note !== null ? { note: row.note } : {}),
            };
      setPath(copy, row.path, next);
    }
  }
  return notNumbers.length > 0 ? { ok: false, notNumbers } : { ok: true, assumptions: copy };
}

function setPath(root: unknown, path: string, value: ImpactAssumptionValue): void {
  const keys = path.split('.');
  const last = keys.pop();
  let node = root;
  for (const key of keys) node = isTree(node) ? node[key] : undefined;
  if (isTree(node) && last !== undefined) node[last] = value;
}
