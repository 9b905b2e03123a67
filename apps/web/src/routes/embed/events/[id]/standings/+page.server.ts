import { standingsOf } from '$lib/components/competition/standings.server';
import { lastSeqOf } from '$lib/live/last-seq';
import type { PageServerLoad } from './$types';

/** A club's widget may show its own division: ?division= (id or code). */
export const load: PageServerLoad = async (event) => {
  const { matches, ...shown } = await standingsOf(event);
  return { ...shown, liveSeq: lastSeqOf(matches) };
};
