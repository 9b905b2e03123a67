import { fail, redirect } from '@sveltejs/kit';
import { isProblem, type Schemas } from '@sailcourt/api-client';
import { requireOrganizer, text } from '$lib/components/registration/guard';
import { legWindow } from '$lib/components/rally/tracker';
import { api, required } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

/** What the API is told the file is; the API also sniffs it. */
const contentTypeOf = (fileName: string): string =>
  /\.csv$/i.test(fileName)
    ? 'text/csv'
    : /\.(gpx|xml)$/i.test(fileName)
      ? 'application/gpx+xml'
      : 'application/octet-stream';

/** A refusal is kept as codes (the page words them in the reader's language), never the API's English detail. */
type ImportForm = {
  entryId: string;
  preview?: Schemas['TrackImportDto'];
  errors?: { field: string; message: string; code?: string | null }[];
  refused?: { status: number; code: string | null };
};

export const load: PageServerLoad = async (event) => {
  requireOrganizer(event);
  const rally = await api(event)
    .GET('/api/rallies/{id}', { params: { path: { id: event.params.id } } })
    .then(required);
  return { rally };
};

export const actions: Actions = {
  /** Reads the file into the API's staging area and shows what it found; nothing reaches the map yet. */
  preview: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const entryId = text(form, 'entryId');
    const file = form.get('file');
    if (!entryId)
      return fail(400, { entryId, errors: [{ field: 'entryId', message: 'required' }] } satisfies ImportForm);
    if (!(file instanceof File) || file.size === 0)
      return fail(400, { entryId, errors: [{ field: 'file', message: 'required' }] } satisfies ImportForm);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await api(event).POST('/api/rallies/{id}/entries/{entryId}/track-imports', {
      params: { path: { id: event.params.id, entryId }, query: { fileName: file.name.slice(0, 200) } },
      body: '' as unknown as string,
      bodySerializer: () => bytes,
      headers: { 'content-type': contentTypeOf(file.name) },
    });
    if (!result.data) {
      const failure: unknown = result.error;
      const problem = isProblem(failure) ? failure : null;
      return fail(result.response.status >= 400 && result.response.status < 500 ? result.response.status : 502, {
        entryId,
        refused: { status: result.response.status, code: problem?.code ?? null },
        errors: problem?.errors ?? [],
      } satisfies ImportForm);
    }
    return { entryId, preview: result.data } satisfies ImportForm;
  },

  /** Stores the staged points, then shows them on the rally's tracker at the file's last fix. */
  commit: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const importId = text(form, 'importId');
    const client = api(event);
    const staged = await client.GET('/api/rallies/{id}/track-imports/{importId}', {
      params: { path: { id: event.params.id, importId } },
    });
    const result = await client.POST('/api/rallies/{id}/track-imports/{importId}/commit', {
      params: { path: { id: event.params.id, importId } },
    });
    if (!result.data || !staged.data) {
      const failure: unknown = result.error ?? staged.error;
      const problem = isProblem(failure) ? failure : null;
      return fail(result.response.status >= 400 && result.response.status < 500 ? result.response.status : 502, {
        entryId: '',
        refused: { status: result.response.status, code: problem?.code ?? null },
        errors: [],
      } satisfies ImportForm);
    }
    const rally = await client.GET('/api/rallies/{id}', { params: { path: { id: event.params.id } } }).then(required);
    const last = staged.data.lastAt ? Date.parse(staged.data.lastAt) : null;
    const leg =
      last === null
        ? undefined
        : rally.legs.find((l) => {
            const window = legWindow(rally.legs, l.number, rally.endDate);
            return window !== null && last >= window.from && last <= window.to;
          });
    const query = new URLSearchParams({ imported: String(result.data.accepted) });
    if (leg && last !== null) {
      query.set('tleg', String(leg.number));
      query.set('at', String(last));
    }
    redirect(303, `/rally/${rally.slug ?? rally.id}?${query}#tracker`);
  },
};
