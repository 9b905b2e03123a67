import { isPlayed } from '$lib/components/competition/schedule';
import { standingsOf } from '$lib/components/competition/standings.server';
import { lastSeqOf } from '$lib/live/last-seq';
import type { PageServerLoad } from './$types';

const LATEST = 5;

export const load: PageServerLoad = async (event) => {
  const { event: ev, standings, divisions, division, matches } = await standingsOf(event);
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
