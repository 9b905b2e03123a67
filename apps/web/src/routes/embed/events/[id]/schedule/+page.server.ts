import { competitionEvent, eventMatches } from '$lib/components/competition/event.server';
import { groupByDay } from '$lib/components/competition/schedule';
import { lastSeqOf } from '$lib/live/last-seq';
import { api } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  const matches = await eventMatches(client, ev.id);
  return { event: ev, days: groupByDay(matches), liveSeq: lastSeqOf(matches) };
};
