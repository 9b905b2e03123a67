import type { Schemas } from '@sailcourt/api-client';
import type { Problem } from '$lib/components/registration/form-errors';

export type ImportRow = Schemas['TeamImportRowDto'];
export type ImportProblem = Schemas['ImportProblemDto'];
export const COLUMNS = ['team', 'city', 'player', 'number', 'role', 'birthDate'] as const;
type Column = (typeof COLUMNS)[number];

/** The rows as the page posts them back: `r.<index>.<column>` and `r.<index>.row`. */
export function rowsFromForm(form: FormData): ImportRow[] {
  const count = Number(form.get('count')) || 0;
  return Array.from({ length: Math.min(count, 5000) }, (_, i) => {
    const cell = (c: Column | 'row') => {
      const v = form.get(`r.${i}.${c}`);
      return typeof v === 'string' ? v : '';
    };
    return { row: Number(cell('row')) || i + 2, team: cell('team'), city: cell('city'), player: cell('player'), number: cell('number'), role: cell('role'), birthDate: cell('birthDate') };
  });
}

/** A refused commit names `rows[i].column` with "row N, column: reason": back to the preview's shape. */
export function problemsFromCommit(problem: Problem, rows: readonly ImportRow[]): ImportProblem[] {
  return problem.errors.flatMap((e) => {
    const m = /^rows\[(\d+)\]\.(\w+)$/.exec(e.field);
    const row = rows[Number(m?.[1])];
    const column = COLUMNS.find((c) => c === m?.[2]) ?? null;
    if (!m || !row) return [];
    return [{ row: row.row, column, reason: e.message.replace(/^row \d+, \w+: /, ''), value: column ? row[column] : '' }];
  });
}
