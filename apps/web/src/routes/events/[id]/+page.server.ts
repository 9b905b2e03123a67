import { loadEventRegistrations } from '$lib/components/registration/event-registrations';
import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const found = await client.GET('/api/events/{id}', { params: { path: { id: event.params.id } } }).then(required);
  const registrations = await loadEventRegistrations(client, found);
  return { event: found, registrations };
};
