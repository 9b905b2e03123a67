import { fail } from '@sveltejs/kit';
import { competitionEvent } from '$lib/components/competition/event.server';
import { rawBody, sheetFromForm } from '$lib/components/imports/sheet-upload';
import { problemOf } from '$lib/components/registration/form-errors';
import { requireOrganizer } from '$lib/components/registration/guard';
import { api } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';
import { problemsFromCommit, rowsFromForm } from './rows';

export const load: PageServerLoad = async (event) => {
  requireOrganizer(event);
  return { event: await competitionEvent(api(event), event.params.id) };
};

export const actions: Actions = {
  /** The file goes to the API as it is; the API detects the encoding and names every problem. */
  preview: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const upload = await sheetFromForm(form);
    if ('problem' in upload) return fail(400, { fileProblem: upload.problem });
    const result = await api(event).POST('/api/events/{id}/imports/teams/preview', {
      params: { path: { id: event.params.id } },
      ...rawBody(upload.sheet),
    });
    if (!result.data) return fail(result.response.status, { fileProblem: problemOf(result) });
    return { preview: { ...result.data, fileName: upload.sheet.fileName } };
  },

  /** The previewed rows, with the organizer's corrections: all go in, or none. */
  commit: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const rows = rowsFromForm(form);
    const encoding = String(form.get('encoding') ?? '');
    const fileName = String(form.get('fileName') ?? '');
    const result = await api(event).POST('/api/events/{id}/imports/teams', {
      params: { path: { id: event.params.id } },
      body: { rows },
    });
    if (!result.data) {
      const problem = problemOf(result);
      return fail(result.response.status, {
        preview: { encoding, fileName, rows, problems: problemsFromCommit(problem, rows), teams: [] },
        commitProblem: problem,
      });
    }
    return { imported: result.data };
  },
};
