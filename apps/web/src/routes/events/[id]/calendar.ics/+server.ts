import { competitionEvent } from '$lib/components/competition/event.server';
import { passThrough } from '$lib/components/competition/feed.server';
import { api } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** The event's games as an iCalendar feed (the API's, served from this site for webcal: subscriptions). */
export const GET: RequestHandler = async (event) => {
  const ev = await competitionEvent(api(event), event.params.id);
  return passThrough(event, `/api/events/${ev.id}/calendar.ics`);
};
