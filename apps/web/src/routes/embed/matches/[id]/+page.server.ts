import { error } from '@sveltejs/kit';
import { UUID } from '$lib/components/competition/schedule';
import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!UUID.test(event.params.id)) error(404, 'Match not found.');
  const client = api(event);
  const match = await client.GET('/api/matches/{id}', { params: { path: { id: event.params.id } } }).then(required);
  const ev = await client.GET('/api/events/{id}', { params: { path: { id: match.eventId } } }).then(required);
  return { match, event: ev };
};
