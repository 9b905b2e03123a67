import { error } from '@sveltejs/kit';
import type { Schemas, SailcourtClient } from '@sailcourt/api-client';
import { required } from '$lib/server/api';
import { type Match, UUID } from './schedule.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/i;

export type CompetitionEvent = Schemas['EventDto'];

/**
 * The event of a competition page, by id or by slug (`/events/cba-summer-league-2023/schedule`, so the
 * navigation can link a league whose id each database draws anew); the API takes either.
 */
export async function competitionEvent(client: SailcourtClient, key: string): Promise<CompetitionEvent> {
  if (!UUID.test(key) && !SLUG.test(key)) error(404, 'Event not found.');
  return client.GET('/api/events/{id}', { params: { path: { id: key } } }).then(required);
}

export type MatchQuery = { teamId?: string; venueId?: string; division?: string };

/** All the event's games (without `limit` the API answers with the whole array). */
export async function eventMatches(client: SailcourtClient, eventId: string, query: MatchQuery = {}): Promise<Match[]> {
  const listed = await client
    .GET('/api/events/{id}/matches', { params: { path: { id: eventId }, query } })
    .then(required);
  return Array.isArray(listed) ? listed : listed.items;
}
