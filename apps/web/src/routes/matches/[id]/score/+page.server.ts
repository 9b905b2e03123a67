import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { UUID } from '$lib/components/competition/schedule';
import { isProblem } from '@sailcourt/api-client';
import { api, required } from '$lib/server/api';
import { actionFromButton, rememberScorerToken, scoringToken, sendLiveAction } from '$lib/server/scorer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const matchId = event.params.id;
  if (!UUID.test(matchId)) error(404, 'Match not found.');
  // A scorer link (`?key=`) is kept in an httpOnly cookie and dropped from the address bar.
  const key = event.url.searchParams.get('key');
  if (key) {
    rememberScorerToken(event.cookies, matchId, key);
    redirect(303, `/matches/${matchId}/score`);
  }
  const client = api(event);
  const match = await client.GET('/api/matches/{id}', { params: { path: { id: matchId } } }).then(required);
  const ev = await client.GET('/api/events/{id}', { params: { path: { id: match.eventId } } }).then(required);
  // Each button of the page without JavaScript carries a fresh id, so a resubmitted form applies once.
  return { match, event: ev, canScore: scoringToken(event, matchId) !== null, tapId: randomUUID() };
};

/** The console without JavaScript: one form post per tap, answered by the page with the new score. */
export const actions: Actions = {
  tap: async (event) => {
    const token = scoringToken(event, event.params.id);
    if (!token) return fail(403, { refused: 'scorer-link.unknown' });
    const form = await event.request.formData();
    const action = actionFromButton(String(form.get('action') ?? ''), String(form.get('clientEventId') ?? ''));
    if (!action) return fail(400, { refused: 'validation.invalid' });
    const sent = await sendLiveAction(event, event.params.id, token, action);
    // The problem's code, which the page words in the reader's language (never the API's English detail).
    if (!sent.data)
      return fail(sent.response.status, {
        refused: isProblem(sent.error) ? (sent.error.code ?? 'server.error') : 'server.error',
      });
    return { done: action.type };
  },
};
