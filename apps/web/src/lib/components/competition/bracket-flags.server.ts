import type { SailcourtClient } from '@sailcourt/api-client';
import { required } from '$lib/server/api';
import type { BracketFlag } from './bracket-flags.js';

/** The bracket's seeded teams that withdrew or ask to withdraw (none without a bracket). */
export async function bracketFlags(
  client: SailcourtClient,
  eventId: string,
  bracket: { seeds: readonly { teamId: string }[] } | null,
): Promise<BracketFlag[]> {
  if (!bracket) return [];
  const listed = await client
    .GET('/api/events/{id}/registrations', { params: { path: { id: eventId } } })
    .then(required);
  const registrations = Array.isArray(listed) ? listed : listed.items;
  const seeded = new Set(bracket.seeds.map((s) => s.teamId));
  return registrations
    .filter((r) => seeded.has(r.teamId) && (r.status === 'withdrawn' || r.withdrawalRequestedAt !== null))
    .map((r) => ({
      teamId: r.teamId,
      teamName: r.teamName,
      teamNameEn: r.teamNameEn,
      state: r.status === 'withdrawn' ? 'withdrawn' : 'requested',
    }));
}
