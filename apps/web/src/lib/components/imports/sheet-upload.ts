import type { Problem } from '$lib/components/registration/form-errors';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A spreadsheet upload as the API takes it: the bytes as they are, typed by the file's name (the API detects the encoding). */
export type SheetUpload = { fileName: string; bytes: Uint8Array; contentType: string };

/** The form's `file`, or the problem to show beside the file input. */
export async function sheetFromForm(form: FormData): Promise<{ sheet: SheetUpload } | { problem: Problem }> {
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0)
    return { problem: { status: 400, errors: [{ field: 'file', message: 'choose a file' }], detail: null } };
  return {
    sheet: {
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      contentType: /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv',
    },
  };
}

/** openapi-fetch options that send the bytes untouched. */
export const rawBody = (sheet: SheetUpload) => ({
  body: sheet.bytes as unknown as string,
  bodySerializer: (body: unknown) => body as BodyInit,
  headers: { 'Content-Type': sheet.contentType },
});
