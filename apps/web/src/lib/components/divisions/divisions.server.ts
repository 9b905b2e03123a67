import type { SailcourtClient, Schemas } from '@sailcourt/api-client';
import { required } from '$lib/server/api';

export type Division = Schemas['DivisionDto'];

/** The event's divisions in display order; [] for an event without divisions. */
export function eventDivisions(client: SailcourtClient, eventId: string): Promise<Division[]> {
  return client.GET('/api/events/{id}/divisions', { params: { path: { id: eventId } } }).then(required);
}

/** The division a page's `?division=` names (its id or code); anything else means "all divisions". */
export function chosenDivision(divisions: readonly Division[], value: string | null): Division | null {
  return value ? (divisions.find((d) => d.id === value || d.code === value) ?? null) : null;
}

/** For pages that always show one division (a bracket): the one `?division=` names, else the first; null without divisions. */
export function oneDivision(divisions: readonly Division[], value: string | null): Division | null {
  return chosenDivision(divisions, value) ?? divisions[0] ?? null;
}
