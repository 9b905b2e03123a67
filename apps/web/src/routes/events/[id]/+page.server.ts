import { eventDivisions } from '$lib/components/divisions/divisions.server';
import { loadEventRegistrations } from '$lib/components/registration/event-registrations';
import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const found = await client.GET('/api/events/{id}', { params: { path: { id: event.params.id } } }).then(required);
  const [registrations, games, divisions] = await Promise.all([
    loadEventRegistrations(client, found),
    // A page of one game answers with the total: enough to know whether to link the schedule.
    client.GET('/api/events/{id}/matches', { params: { path: { id: found.id }, query: { limit: 1 } } }),
    eventDivisions(client, found.id),
  ]);
  const gameCount = games.data && !Array.isArray(games.data) ? games.data.total : 0;
  return { event: found, registrations, gameCount, divisions };
};
