import { fail, type RequestEvent } from '@sveltejs/kit';
import { problemOf, type Problem } from '$lib/components/registration/form-errors';
import { requireOrganizer } from '$lib/components/registration/guard';
import { rawBody, sheetFromForm } from './sheet-upload.js';

type ImportEvent = RequestEvent<{ id: string }>;
/** What openapi-fetch answers: the data, or the error with the response. */
type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * The two form actions of an organizer's sheet import (teams, schedule): `preview` sends the uploaded file as it
 * is (the API detects the encoding and names every problem); `commit` sends the previewed rows with the
 * organizer's corrections: all go in, or none, and a refusal shows the preview again with the problems by row.
 */
export function sheetImportActions<Row, Preview extends object, Imported, RefusedPreview extends object>(steps: {
  preview: (event: ImportEvent, body: ReturnType<typeof rawBody>) => Promise<Answer<Preview>>;
  rowsFromForm: (form: FormData) => Row[];
  commit: (event: ImportEvent, rows: Row[]) => Promise<Answer<Imported>>;
  refusedPreview: (rows: Row[], problem: Problem, file: { encoding: string; fileName: string }) => RefusedPreview;
}) {
  return {
    preview: async (event: ImportEvent) => {
      requireOrganizer(event);
      const upload = await sheetFromForm(await event.request.formData());
      if ('problem' in upload) return fail(400, { fileProblem: upload.problem });
      const result = await steps.preview(event, rawBody(upload.sheet));
      if (!result.data) return fail(result.response.status, { fileProblem: problemOf(result) });
      return { preview: { ...result.data, fileName: upload.sheet.fileName } };
    },

    commit: async (event: ImportEvent) => {
      requireOrganizer(event);
      const form = await event.request.formData();
      const rows = steps.rowsFromForm(form);
      const file = { encoding: String(form.get('encoding') ?? ''), fileName: String(form.get('fileName') ?? '') };
      const result = await steps.commit(event, rows);
      if (!result.data) {
        const problem = problemOf(result);
        return fail(result.response.status, {
          preview: steps.refusedPreview(rows, problem, file),
          commitProblem: problem,
        });
      }
      return { imported: result.data };
    },
  };
}
