import type { SailcourtClient, Schemas } from '@sailcourt/api-client';

type Status = Schemas['RegistrationDto']['status'];
/** Rejected and withdrawn teams are not shown to the public. */
const PUBLIC_ORDER: readonly Status[] = ['confirmed', 'waitlisted', 'pending'];

export type PublicRegistration = {
  registration: Omit<Schemas['RegistrationDto'], 'roster'>;
  team: Schemas['TeamDto'] | null;
};
export type EventRegistrations = {
  summary: Schemas['RegistrationSummaryDto'] | null;
  registered: PublicRegistration[];
};

/**
 * What an event page shows of its registrations: places left and the registered teams (names, cities,
 * status; never rosters). The teams' own records come along so an illustrative city is marked as such.
 * A failing read leaves the section out rather than breaking the event page.
 */
export async function loadEventRegistrations(
  client: SailcourtClient,
  event: Pick<Schemas['EventDto'], 'id' | 'sport'>,
): Promise<EventRegistrations> {
  const path = { params: { path: { id: event.id } } };
  const [summary, listed] = await Promise.all([
    client.GET('/api/events/{id}/registration-summary', path),
    client.GET('/api/events/{id}/registrations', path),
  ]);
  const all = listed.data === undefined ? [] : Array.isArray(listed.data) ? listed.data : listed.data.items;
  const shown = all
    .filter((r) => PUBLIC_ORDER.includes(r.status))
    .sort(
      (a, b) =>
        PUBLIC_ORDER.indexOf(a.status) - PUBLIC_ORDER.indexOf(b.status) ||
        (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0),
    );
  const teams =
    shown.length > 0
      ? ((await client.GET('/api/teams', { params: { query: { sport: event.sport } } })).data ?? [])
      : [];
  return {
    summary: summary.data ?? null,
    // Rosters are personal data: even when the visitor may read them, the public page does not carry them.
    registered: shown.map(({ roster: _roster, ...registration }) => ({
      registration,
      team: teams.find((t) => t.id === registration.teamId) ?? null,
    })),
  };
}
