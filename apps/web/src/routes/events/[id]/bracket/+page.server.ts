import { bracketFlags } from '$lib/components/competition/bracket-flags.server';
import { competitionEvent } from '$lib/components/competition/event.server';
import { eventDivisions, oneDivision } from '$lib/components/divisions/divisions.server';
import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  // An event with divisions has a bracket per division: the one asked for, else the first.
  const divisions = await eventDivisions(client, ev.id);
  const division = oneDivision(divisions, event.url.searchParams.get('division'));
  const result = await client.GET('/api/events/{id}/bracket', {
    params: { path: { id: ev.id }, query: division ? { division: division.id } : {} },
  });
  // 404 before the playoffs are seeded: the page says so instead of failing.
  const bracket = result.response.status === 404 ? null : required(result);
  // A seeded team that withdrew, or asks to, flags the bracket for the organizer's review.
  const flagged = await bracketFlags(client, ev.id, bracket);
  return { event: ev, bracket, flagged, divisions, division };
};
