import { competitionEvent, eventMatches } from '$lib/components/competition/event.server';
import { chosenDivision, eventDivisions } from '$lib/components/divisions/divisions.server';
import { lastSeqOf } from '$lib/live/last-seq';
import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  const divisions = await eventDivisions(client, ev.id);
  // A club's widget may show its own division: ?division= (id or code).
  const division = chosenDivision(divisions, event.url.searchParams.get('division'));
  const scope = division ? { division: division.id } : {};
  const [standings, matches] = await Promise.all([
    client.GET('/api/events/{id}/standings', { params: { path: { id: ev.id }, query: scope } }).then(required),
    eventMatches(client, ev.id, scope),
  ]);
  return { event: ev, standings, divisions, division, liveSeq: lastSeqOf(matches) };
};
