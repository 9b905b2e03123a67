import { competitionEvent, eventMatches } from '$lib/components/competition/event.server';
import { chosenDivision, eventDivisions } from '$lib/components/divisions/divisions.server';
import { isPlayed } from '$lib/components/competition/schedule';
import { lastSeqOf } from '$lib/live/last-seq';
import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

const LATEST = 5;

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  const divisions = await eventDivisions(client, ev.id);
  // Only a division the event has reaches the API; anything else shows every division.
  const division = chosenDivision(divisions, event.url.searchParams.get('division'));
  const scope = division ? { division: division.id } : {};
  const [standings, matches] = await Promise.all([
    client.GET('/api/events/{id}/standings', { params: { path: { id: ev.id }, query: scope } }).then(required),
    eventMatches(client, ev.id, scope),
  ]);
  const played = matches.filter(isPlayed);
  return {
    event: ev,
    standings,
    divisions,
    division,
    latest: played.slice(-LATEST).reverse(),
    played: played.length,
    liveSeq: lastSeqOf(matches),
    // Pairs of teams with a result between them ("a|b", both orders), for the tie notes' head-to-head wording.
    met: played.flatMap((m) => [`${m.homeTeamId}|${m.awayTeamId}`, `${m.awayTeamId}|${m.homeTeamId}`]),
    illustrative: played.some((m) => m.source === 'illustrative' || m.illustrative.includes('homeScore')),
  };
};
