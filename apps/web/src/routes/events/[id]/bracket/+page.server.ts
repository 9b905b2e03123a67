import { competitionEvent } from '$lib/components/competition/event.server';
import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  const result = await client.GET('/api/events/{id}/bracket', { params: { path: { id: ev.id } } });
  // 404 before the playoffs are seeded: the page says so instead of failing.
  return { event: ev, bracket: result.response.status === 404 ? null : required(result) };
};
