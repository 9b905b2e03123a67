import { competitionEvent, eventMatches } from '$lib/components/competition/event.server';
import { lastSeqOf } from '$lib/live/last-seq';
import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  const [standings, matches] = await Promise.all([client.GET('/api/events/{id}/standings', { params: { path: { id: ev.id } } }).then(required), eventMatches(client, ev.id)]);
  return { event: ev, standings, liveSeq: lastSeqOf(matches) };
};
