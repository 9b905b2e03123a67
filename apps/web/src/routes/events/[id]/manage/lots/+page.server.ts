import { fail } from '@sveltejs/kit';
import { competitionEvent } from '$lib/components/competition/event.server';
import { openTies } from '$lib/components/competition/open-ties';
import { eventDivisions } from '$lib/components/divisions/divisions.server';
import { problemOf } from '$lib/components/registration/form-errors';
import { requireOrganizer, text } from '$lib/components/registration/guard';
import { api, required } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireOrganizer(event);
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  const path = { params: { path: { id: ev.id } } };
  const [standings, lots, divisions] = await Promise.all([
    client.GET('/api/events/{id}/standings', path).then(required),
    client.GET('/api/events/{id}/standings/lots', path).then(required),
    eventDivisions(client, ev.id),
  ]);
  const names = new Map(standings.groups.flatMap((g) => g.rows.map((r) => [r.teamId, r] as const)));
  return {
    event: ev,
    divisions,
    ties: openTies(standings.groups),
    // Newest first: the organizer checks what was just recorded.
    lots: [...lots].reverse().map((lot) => ({
      ...lot,
      teams: lot.teamIds.map((id) => ({ id, name: names.get(id)?.teamName ?? id, nameEn: names.get(id)?.teamNameEn })),
    })),
  };
};

export const actions: Actions = {
  /** The order drawn, first place first; the API checks it is exactly one open tie. */
  record: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const tie = text(form, 'tie');
    const teamIds = form.getAll('place').map(String);
    const division = text(form, 'division');
    const result = await api(event).POST('/api/events/{id}/standings/lots', {
      params: { path: { id: event.params.id } },
      body: { group: text(form, 'group'), teamIds, ...(division ? { division } : {}) },
    });
    if (!result.data) return fail(result.response.status, { tie, problem: problemOf(result) });
    return { tie, recorded: true };
  },
};
