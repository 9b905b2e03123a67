import { competitionEvent } from '$lib/components/competition/event.server';
import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  const result = await client.GET('/api/events/{id}/bracket', { params: { path: { id: ev.id } } });
  // 404 before the playoffs are seeded: the page says so instead of failing.
  const bracket = result.response.status === 404 ? null : required(result);
  // A seeded team that withdrew, or asks to, flags the bracket for the organizer's review.
  const listed = bracket ? await client.GET('/api/events/{id}/registrations', { params: { path: { id: ev.id } } }).then(required) : [];
  const registrations = Array.isArray(listed) ? listed : listed.items;
  const seeded = new Set(bracket?.seeds.map((s) => s.teamId) ?? []);
  const flagged = registrations
    .filter((r) => seeded.has(r.teamId) && (r.status === 'withdrawn' || r.withdrawalRequestedAt !== null))
    .map((r) => ({ teamName: r.teamName, teamNameEn: r.teamNameEn, state: r.status === 'withdrawn' ? ('withdrawn' as const) : ('requested' as const) }));
  return { event: ev, bracket, flagged };
};
