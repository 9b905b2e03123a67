import { competitionEvent, eventMatches } from '$lib/components/competition/event.server';
import { isPlayed } from '$lib/components/competition/schedule';
import { lastSeqOf } from '$lib/live/last-seq';
import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

const LATEST = 5;

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  const [standings, matches] = await Promise.all([
    client.GET('/api/events/{id}/standings', { params: { path: { id: ev.id } } }).then(required),
    eventMatches(client, ev.id),
  ]);
  const played = matches.filter(isPlayed);
  return {
    event: ev,
    standings,
    latest: played.slice(-LATEST).reverse(),
    played: played.length,
    liveSeq: lastSeqOf(matches),
    // Pairs of teams with a result between them ("a|b", both orders), for the tie notes' head-to-head wording.
    met: played.flatMap((m) => [`${m.homeTeamId}|${m.awayTeamId}`, `${m.awayTeamId}|${m.homeTeamId}`]),
    illustrative: played.some((m) => m.source === 'illustrative' || m.illustrative.includes('homeScore')),
  };
};
