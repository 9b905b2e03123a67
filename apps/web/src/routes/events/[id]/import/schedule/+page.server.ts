import { competitionEvent } from '$lib/components/competition/event.server';
import { sheetImportActions } from '$lib/components/imports/sheet-import.server';
import { requireOrganizer } from '$lib/components/registration/guard';
import { api } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';
import { scheduleProblemsFromCommit, scheduleRowsFromForm } from './rows';

export const load: PageServerLoad = async (event) => {
  requireOrganizer(event);
  return { event: await competitionEvent(api(event), event.params.id) };
};

/** The API checks every row as single games are checked; every game goes in, or none. */
export const actions: Actions = sheetImportActions({
  preview: (event, body) =>
    api(event).POST('/api/events/{id}/imports/schedule/preview', {
      params: { path: { id: event.params.id } },
      ...body,
    }),
  rowsFromForm: scheduleRowsFromForm,
  commit: (event, rows) =>
    api(event).POST('/api/events/{id}/imports/schedule', { params: { path: { id: event.params.id } }, body: { rows } }),
  refusedPreview: (rows, problem, file) => ({
    ...file,
    rows,
    problems: scheduleProblemsFromCommit(problem, rows),
    created: 0,
    existing: 0,
  }),
});
