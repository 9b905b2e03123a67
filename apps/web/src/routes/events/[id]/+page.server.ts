import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const found = await client.GET('/api/events/{id}', { params: { path: { id: event.params.id } } }).then(required);
  return { event: found };
};
