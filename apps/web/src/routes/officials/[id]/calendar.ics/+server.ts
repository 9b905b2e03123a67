import { error } from '@sveltejs/kit';
import { passThrough } from '$lib/components/competition/feed.server';
import { UUID } from '$lib/components/competition/schedule';
import type { RequestHandler } from './$types';

/** An official's games as an iCalendar feed (the API's, served from this site). */
export const GET: RequestHandler = async (event) => {
  if (!UUID.test(event.params.id)) error(404, 'Not found.');
  return passThrough(event, `/api/officials/${event.params.id}/calendar.ics`);
};
