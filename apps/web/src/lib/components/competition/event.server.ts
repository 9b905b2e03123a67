import { error } from '@sveltejs/kit';
import type { Schemas, SailcourtClient } from '@sailcourt/api-client';
import { required } from '$lib/server/api';
import { type Match, UUID } from './schedule.js';

export type CompetitionEvent = Schemas['EventDto'];

/**
 * The event of a competition page, by id or by slug (`/events/cba-summer-league-2023/schedule`, so the
 * navigation can link a league whose id each database draws anew). The API itself takes ids only.
 */
export async function competitionEvent(client: SailcourtClient, key: string): Promise<CompetitionEvent> {
  if (UUID.test(key)) return client.GET('/api/events/{id}', { params: { path: { id: key } } }).then(required);
  const seasons = await client.GET('/api/seasons').then(required);
  for (const season of seasons) {
    const events = await client.GET('/api/seasons/{id}/events', { params: { path: { id: season.id } } }).then(required);
    const found = events.find((e) => e.slug === key);
    if (found) return found;
  }
  error(404, 'Event not found.');
}

export type MatchQuery = { teamId?: string; venueId?: string };

/** All the event's games (without `limit` the API answers with the whole array). */
export async function eventMatches(client: SailcourtClient, eventId: string, query: MatchQuery = {}): Promise<Match[]> {
  const listed = await client.GET('/api/events/{id}/matches', { params: { path: { id: eventId }, query } }).then(required);
  return Array.isArray(listed) ? listed : listed.items;
}
