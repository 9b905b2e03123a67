import type { Schemas } from '@sailcourt/api-client';
import { cellsFromForm } from '$lib/components/imports/sheet-rows';
import type { Problem } from '$lib/components/registration/form-errors';

export type ScheduleRow = Schemas['ScheduleImportRowDto'];
export type ScheduleProblem = Schemas['ScheduleProblemDto'];
export const SCHEDULE_COLUMNS = ['date', 'time', 'home', 'away', 'venue', 'court', 'group', 'round'] as const;
type Column = (typeof SCHEDULE_COLUMNS)[number];

export const scheduleRowsFromForm = (form: FormData): ScheduleRow[] => cellsFromForm(form, SCHEDULE_COLUMNS);

/** A refused commit names `row N.column` with "row N, column: reason": back to the preview's shape. */
export function scheduleProblemsFromCommit(problem: Problem, rows: readonly ScheduleRow[]): ScheduleProblem[] {
  return problem.errors.flatMap((e) => {
    const m = /^row (\d+)\.(\w+)$/.exec(e.field);
    const row = rows.find((r) => r.row === Number(m?.[1]));
    if (!m || !row) return [];
    const column = SCHEDULE_COLUMNS.find((c): c is Column => c === m[2]) ?? null;
    return [
      { row: row.row, column, reason: e.message.replace(/^row \d+, \w+: /, ''), value: column ? row[column] : '' },
    ];
  });
}
