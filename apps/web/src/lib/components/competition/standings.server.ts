import type { RequestEvent } from '@sveltejs/kit';
import { chosenDivision, eventDivisions } from '$lib/components/divisions/divisions.server';
import { api, required } from '$lib/server/api';
import { competitionEvent, eventMatches } from './event.server.js';

/**
 * An event's standings and games, of one division when `?division=` (id or code) names one the event has;
 * anything else shows every division. For the standings page and its embed.
 */
export async function standingsOf(event: RequestEvent<{ id: string }>) {
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  const divisions = await eventDivisions(client, ev.id);
  const division = chosenDivision(divisions, event.url.searchParams.get('division'));
  const scope = division ? { division: division.id } : {};
  const [standings, matches] = await Promise.all([
    client.GET('/api/events/{id}/standings', { params: { path: { id: ev.id }, query: scope } }).then(required),
    eventMatches(client, ev.id, scope),
  ]);
  return { event: ev, standings, divisions, division, matches };
}
