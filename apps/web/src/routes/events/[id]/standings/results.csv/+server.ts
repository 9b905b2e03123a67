import { competitionEvent } from '$lib/components/competition/event.server';
import { passThrough } from '$lib/components/competition/feed.server';
import { api } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** The API's results export, served from this site (the API is not public). */
export const GET: RequestHandler = async (event) => {
  const ev = await competitionEvent(api(event), event.params.id);
  return passThrough(event, `/api/events/${ev.id}/results.csv`);
};
