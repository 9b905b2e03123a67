import { fail, redirect } from '@sveltejs/kit';
import type { Schemas } from '@sailcourt/api-client';
import { competitionEvent, eventMatches } from '$lib/components/competition/event.server';
import { parseScore } from '$lib/components/competition/forms';
import { isPlayed } from '$lib/components/competition/schedule';
import { eventDivisions } from '$lib/components/divisions/divisions.server';
import { type Problem, problemOf } from '$lib/components/registration/form-errors';
import { requireOrganizer, text } from '$lib/components/registration/guard';
import { api, required } from '$lib/server/api';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  requireOrganizer(event);
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  const [matches, listed, divisions] = await Promise.all([
    eventMatches(client, ev.id),
    client.GET('/api/events/{id}/registrations', { params: { path: { id: ev.id } } }).then(required),
    eventDivisions(client, ev.id),
  ]);
  const registrations = Array.isArray(listed) ? listed : listed.items;
  return {
    event: ev,
    divisions,
    teams: registrations
      .filter((r) => r.status === 'confirmed')
      .map((r) => ({ id: r.teamId, name: r.teamName, nameEn: r.teamNameEn })),
    existing: matches.length,
    played: matches.filter(isPlayed).length,
  };
};

/** The options exactly as typed, so the preview and the save send the same request. */
export type ScheduleOptions = {
  double: boolean;
  groups: string;
  dailySlots: string;
  minRestHours: string;
  division: string;
};

const optionsOf = (form: FormData): ScheduleOptions => ({
  double: form.get('double') === 'on',
  groups: text(form, 'groups').trim(),
  dailySlots: text(form, 'dailySlots').trim(),
  minRestHours: text(form, 'minRestHours').trim(),
  division: text(form, 'division').trim(),
});

const badNumber = (field: string): Problem => ({
  status: 400,
  errors: [{ field, message: 'must be an integer number', code: 'validation.is-int' }],
  detail: null,
});

/** Only what the organizer typed: the API fills in the rest (the event's dates and venue, 17:00 and 19:30, 12 h rest). */
function requestOf(options: ScheduleOptions): { body: Schemas['ScheduleRequestDto'] } | { problem: Problem } {
  const groups = parseScore(options.groups);
  if (!groups.ok) return { problem: badNumber('groups') };
  const rest = parseScore(options.minRestHours);
  if (!rest.ok) return { problem: badNumber('minRestHours') };
  const slots = options.dailySlots.split(/[\s,,、;;]+/).filter(Boolean);
  return {
    body: {
      format: 'round-robin',
      ...(options.division ? { division: options.division } : {}),
      ...(options.double ? { double: true } : {}),
      ...(groups.value !== undefined ? { groups: groups.value } : {}),
      ...(slots.length > 0 ? { dailySlots: slots } : {}),
      ...(rest.value !== undefined ? { minRestHours: rest.value } : {}),
    },
  };
}

/** A preview and the save are the same call; only dryRun differs. The event's games are replaced when it has some. */
async function generate(event: RequestEvent, dryRun: boolean) {
  requireOrganizer(event);
  const options = optionsOf(await event.request.formData());
  const request = requestOf(options);
  if ('problem' in request) return { options, problem: request.problem };
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  // A round robin needs two confirmed teams: refuse plainly rather than preview an empty or misleading schedule.
  const listed = await client.GET('/api/events/{id}/registrations', { params: { path: { id: ev.id } } }).then(required);
  // With a division, only its teams and games count (the API schedules one division at a time).
  const division = options.division
    ? (await eventDivisions(client, ev.id)).find((d) => d.id === options.division)
    : undefined;
  const inScope = (divisionId: string | null) => !division || divisionId === division.id;
  const confirmed = (Array.isArray(listed) ? listed : listed.items).filter(
    (r) => r.status === 'confirmed' && inScope(r.divisionId),
  ).length;
  if (confirmed < 2)
    return {
      options,
      problem: { status: 422, errors: [], detail: null, code: 'schedule.too-few-teams' } satisfies Problem,
    };
  const existing = (await eventMatches(client, ev.id, division ? { division: division.id } : {})).length;
  const result = await client.POST('/api/events/{id}/schedule', {
    params: { path: { id: ev.id } },
    body: { ...request.body, dryRun, replace: existing > 0 },
  });
  return result.data ? { options, result: result.data, eventId: ev.id } : { options, problem: problemOf(result) };
}

export const actions: Actions = {
  preview: async (event) => {
    const outcome = await generate(event, true);
    if (outcome.problem) return fail(outcome.problem.status, { options: outcome.options, problem: outcome.problem });
    return { options: outcome.options, preview: outcome.result };
  },
  save: async (event) => {
    const outcome = await generate(event, false);
    if (outcome.problem) return fail(outcome.problem.status, { options: outcome.options, problem: outcome.problem });
    redirect(303, `/events/${outcome.eventId}/manage?generated=${outcome.result?.matches.length ?? 0}`);
  },
};
