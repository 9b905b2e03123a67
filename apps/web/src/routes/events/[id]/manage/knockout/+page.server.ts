import { fail, redirect } from '@sveltejs/kit';
import type { Schemas } from '@sailcourt/api-client';
import { competitionEvent } from '$lib/components/competition/event.server';
import { eventDivisions, oneDivision } from '$lib/components/divisions/divisions.server';
import { parseScore } from '$lib/components/competition/forms';
import { type Problem, problemOf } from '$lib/components/registration/form-errors';
import { requireOrganizer, text } from '$lib/components/registration/guard';
import { api } from '$lib/server/api';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  requireOrganizer(event);
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  // Each division draws its own knockout: the one asked for, else the first.
  const divisions = await eventDivisions(client, ev.id);
  return { event: ev, divisions, division: oneDivision(divisions, event.url.searchParams.get('division')) };
};

/** The options exactly as typed, so a refused form shows them again and the confirmation sends what was previewed. */
export type KnockoutOptions = {
  qualifiersPerGroup: string;
  bestNextPlaced: string;
  thirdPlaceGame: boolean;
  allowIncomplete: boolean;
  /** The division's id; '' in an event without divisions. */
  division: string;
};

const optionsOf = (form: FormData): KnockoutOptions => ({
  qualifiersPerGroup: text(form, 'qualifiersPerGroup').trim(),
  bestNextPlaced: text(form, 'bestNextPlaced').trim(),
  thirdPlaceGame: form.get('thirdPlaceGame') === 'on',
  allowIncomplete: form.get('allowIncomplete') === 'on',
  division: text(form, 'division').trim(),
});

const notWhole = (field: string): Problem => ({
  status: 400,
  errors: [{ field, message: 'must be an integer number', code: 'validation.is-int' }],
  detail: null,
});

function bodyOf(options: KnockoutOptions): { body: Schemas['KnockoutDrawOptionsDto'] } | { problem: Problem } {
  const qualifiers = parseScore(options.qualifiersPerGroup);
  if (!qualifiers.ok) return { problem: notWhole('qualifiersPerGroup') };
  const best = parseScore(options.bestNextPlaced);
  if (!best.ok) return { problem: notWhole('bestNextPlaced') };
  return {
    body: {
      ...(qualifiers.value !== undefined ? { qualifiersPerGroup: qualifiers.value } : {}),
      ...(best.value !== undefined ? { bestNextPlaced: best.value } : {}),
      thirdPlaceGame: options.thirdPlaceGame,
      ...(options.division ? { division: options.division } : {}),
    },
  };
}

async function read(event: RequestEvent) {
  requireOrganizer(event);
  const form = await event.request.formData();
  const options = optionsOf(form);
  return {
    options,
    request: bodyOf(options),
    drawKey: text(form, 'drawKey').trim(),
    id: (await competitionEvent(api(event), event.params.id)).id,
  };
}

export const actions: Actions = {
  /** The draw as the API would store it; nothing is saved. */
  preview: async (event) => {
    const { options, request, id } = await read(event);
    if ('problem' in request) return fail(request.problem.status, { options, problem: request.problem });
    const result = await api(event).POST('/api/events/{id}/knockout/preview', {
      params: { path: { id } },
      body: request.body,
    });
    if (!result.data) return fail(result.response.status, { options, problem: problemOf(result) });
    return { options, preview: result.data };
  },
  /** Stores the draw previewed (its key), then shows the bracket. */
  confirm: async (event) => {
    const { options, request, drawKey, id } = await read(event);
    if ('problem' in request) return fail(request.problem.status, { options, problem: request.problem });
    const result = await api(event).POST('/api/events/{id}/knockout', {
      params: { path: { id } },
      body: {
        ...request.body,
        ...(options.allowIncomplete ? { allowIncomplete: true } : {}),
        ...(drawKey ? { drawKey } : {}),
      },
    });
    if (!result.data) return fail(result.response.status, { options, problem: problemOf(result) });
    redirect(
      303,
      `/events/${id}/bracket${options.division ? `?division=${encodeURIComponent(options.division)}` : ''}`,
    );
  },
};
