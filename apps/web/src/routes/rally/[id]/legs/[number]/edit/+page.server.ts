import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { isProblem } from '@sailcourt/api-client';
import { translate } from '$lib/i18n';
import { qingdaoWallClock } from '$lib/components/rally/format';
import { api, required } from '$lib/server/api';
import { proposedFinishLines } from '$lib/server/rally-tracker';
import type { Actions, PageServerLoad } from './$types';
import {
  apiErrors,
  applyPaste,
  buildBody,
  parsePaste,
  prefillRows,
  readRows,
  type ResultsFormState,
  type RowValues,
} from './results-form';

/** Organizers only: visitors are sent to sign in and brought back; other accounts are refused. */
function requireOrganizer(event: RequestEvent): void {
  if (!event.locals.user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
  if (event.locals.user.role !== 'organizer') error(403, translate(event.locals.locale, 'rally.edit.forbidden'));
}

async function loadLeg(event: RequestEvent<{ id: string; number: string }>) {
  requireOrganizer(event);
  const client = api(event);
  const rally = await client.GET('/api/rallies/{id}', { params: { path: { id: event.params.id } } }).then(required);
  const leg = rally.legs.find((l) => String(l.number) === event.params.number);
  if (!leg) error(404, translate(event.locals.locale, 'rally.edit.noLeg', { number: event.params.number }));
  return { client, rally, leg };
}

/** The leg's start date in Qingdao (YYYY-MM-DD): pasted times without a date fall on it. */
const qingdaoDate = (iso: string): string => qingdaoWallClock(iso).slice(0, 10);

const state = (rows: RowValues[], changes: Partial<ResultsFormState> = {}): ResultsFormState => ({
  rows,
  paste: '',
  errors: {},
  pasteErrors: [],
  general: [],
  filled: null,
  ...changes,
});

export const load: PageServerLoad = async (event) => {
  const { client, rally, leg } = await loadLeg(event);
  const [results, proposals] = await Promise.all([
    client
      .GET('/api/rallies/{id}/legs/{number}/results', {
        params: { path: { id: rally.id, number: String(leg.number) } },
      })
      .then(required),
    proposedFinishLines(client, rally, leg.number),
  ]);
  return { rally, leg, rows: prefillRows(rally.entries, results, leg), proposals };
};

export const actions: Actions = {
  /** Pasted lines into the table, nothing saved: the organizer checks them first. */
  fill: async (event) => {
    const { rally, leg } = await loadLeg(event);
    const form = await event.request.formData();
    const rows = readRows(form, rally.entries);
    // "Use the tracker's times": the tracker's proposed finishes, filled in like pasted lines, not saved.
    const paste = form.has('proposals')
      ? (await proposedFinishLines(api(event), rally, Number(event.params.number))).join('\n')
      : String(form.get('paste') ?? '');
    const pasted = parsePaste(paste, rally.entries, qingdaoDate(leg.startsAt));
    // Good lines go into the table; a bad one stays in the box, marked, and blocks nothing.
    return state(applyPaste(rows, pasted.rows), {
      filled: pasted.rows.size,
      paste: pasted.badLines.join('\n'),
      pasteErrors: pasted.errors,
    });
  },

  /** The table (with any pasted lines applied) replaces the leg's results; any bad row saves nothing. */
  save: async (event) => {
    const { client, rally, leg } = await loadLeg(event);
    const form = await event.request.formData();
    const pasted = parsePaste(String(form.get('paste') ?? ''), rally.entries, qingdaoDate(leg.startsAt));
    const rows = applyPaste(readRows(form, rally.entries), pasted.rows);
    // Lines that were not understood are not guessed at: the good ones fill the table, nothing is saved yet.
    if (pasted.errors.length > 0)
      return fail(
        400,
        state(rows, { filled: pasted.rows.size, paste: pasted.badLines.join('\n'), pasteErrors: pasted.errors }),
      );

    const { body, errors } = buildBody(rows);
    if (Object.keys(errors).length > 0) return fail(400, state(rows, { errors }));

    const result = await client.PUT('/api/rallies/{id}/legs/{number}/results', {
      params: { path: { id: rally.id, number: String(leg.number) } },
      body,
    });
    if (result.response.status === 401 || result.response.status === 403)
      error(result.response.status, translate(event.locals.locale, 'rally.edit.forbidden'));
    if (!result.data) {
      const problem = isProblem(result.error)
        ? result.error
        : { type: '', title: '', status: result.response.status, code: 'server.error', detail: '' };
      return fail(
        problem.status >= 400 && problem.status < 500 ? problem.status : 502,
        state(rows, apiErrors(problem, body, leg)),
      );
    }
    redirect(303, `/rally/${rally.slug ?? rally.id}?leg=${leg.number}&saved=1#leg-results`);
  },
};
