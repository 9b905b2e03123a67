import { error, fail } from '@sveltejs/kit';
import { UUID } from '$lib/components/competition/schedule';
import { isProblem } from '@sailcourt/api-client';
import { api, required } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!UUID.test(event.params.id)) error(404, 'Match not found.');
  const client = api(event);
  const match = await client.GET('/api/matches/{id}', { params: { path: { id: event.params.id } } }).then(required);
  const ev = await client.GET('/api/events/{id}', { params: { path: { id: match.eventId } } }).then(required);
  const organizer = event.locals.user?.role === 'organizer';
  const scorerLinks = organizer
    ? await client.GET('/api/matches/{id}/scorer-links', { params: { path: { id: match.id } } }).then(required)
    : [];
  return { match, event: ev, scorerLinks };
};

/** A refusal as the page words it: its status and code, never the API's English detail. */
const refusal = (status: number, body: unknown) => ({ status, code: isProblem(body) ? (body.code ?? null) : null });

/** Organizers hand out scorer links from the game's page; the token is shown once, in the answer. */
export const actions: Actions = {
  createLink: async (event) => {
    const form = await event.request.formData();
    const label = String(form.get('label') ?? '').trim();
    const made = await api(event).POST('/api/matches/{id}/scorer-links', {
      params: { path: { id: event.params.id } },
      body: label ? { label } : {},
    });
    if (!made.data) return fail(made.response.status, { linkError: refusal(made.response.status, made.error) });
    return {
      madeLink: `${event.url.origin}/matches/${event.params.id}/score?key=${encodeURIComponent(made.data.token ?? '')}`,
    };
  },
  revokeLink: async (event) => {
    const form = await event.request.formData();
    const linkId = String(form.get('linkId') ?? '');
    const res = await api(event).DELETE('/api/matches/{id}/scorer-links/{linkId}', {
      params: { path: { id: event.params.id, linkId } },
    });
    if (!res.response.ok) return fail(res.response.status, { linkError: refusal(res.response.status, res.error) });
    return { revoked: linkId };
  },
};
