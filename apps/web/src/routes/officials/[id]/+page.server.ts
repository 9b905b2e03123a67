import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** Public: an official's games in every event, and their calendar feed. */
export const load: PageServerLoad = async (event) => {
  const schedule = await api(event)
    .GET('/api/officials/{id}/games', { params: { path: { id: event.params.id } } })
    .then(required);
  return { schedule };
};
