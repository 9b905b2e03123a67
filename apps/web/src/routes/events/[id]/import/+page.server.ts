import { competitionEvent } from '$lib/components/competition/event.server';
import { sheetImportActions } from '$lib/components/imports/sheet-import.server';
import { requireOrganizer } from '$lib/components/registration/guard';
import { api } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';
import { problemsFromCommit, rowsFromForm } from './rows';

export const load: PageServerLoad = async (event) => {
  requireOrganizer(event);
  return { event: await competitionEvent(api(event), event.params.id) };
};

export const actions: Actions = sheetImportActions({
  preview: (event, body) =>
    api(event).POST('/api/events/{id}/imports/teams/preview', { params: { path: { id: event.params.id } }, ...body }),
  rowsFromForm,
  commit: (event, rows) =>
    api(event).POST('/api/events/{id}/imports/teams', { params: { path: { id: event.params.id } }, body: { rows } }),
  refusedPreview: (rows, problem, file) => ({ ...file, rows, problems: problemsFromCommit(problem, rows), teams: [] }),
});
