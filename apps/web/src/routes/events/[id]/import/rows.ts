import type { Schemas } from '@sailcourt/api-client';
import { cellsFromForm } from '$lib/components/imports/sheet-rows';
import type { Problem } from '$lib/components/registration/form-errors';

export type ImportRow = Schemas['TeamImportRowDto'];
export type ImportProblem = Schemas['ImportProblemDto'];
export const COLUMNS = ['team', 'city', 'player', 'number', 'role', 'birthDate'] as const;

/** The rows as the page posts them back: `r.<index>.<column>` and `r.<index>.row`. */
export const rowsFromForm = (form: FormData): ImportRow[] => cellsFromForm(form, COLUMNS);

/** A refused commit names `rows[i].column` with "row N, column: reason": back to the preview's shape. */
export function problemsFromCommit(problem: Problem, rows: readonly ImportRow[]): ImportProblem[] {
  return problem.errors.flatMap((e) => {
    const m = /^rows\[(\d+)\]\.(\w+)$/.exec(e.field);
    const row = rows[Number(m?.[1])];
    const column = COLUMNS.find((c) => c === m?.[2]) ?? null;
    if (!m || !row) return [];
    return [
      { row: row.row, column, reason: e.message.replace(/^row \d+, \w+: /, ''), value: column ? row[column] : '' },
    ];
  });
}
