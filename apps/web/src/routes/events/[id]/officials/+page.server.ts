import { fail } from '@sveltejs/kit';
import type { Schemas } from '@sailcourt/api-client';
import { competitionEvent } from '$lib/components/competition/event.server';
import { type Problem, problemOf } from '$lib/components/registration/form-errors';
import { requireOrganizer, text } from '$lib/components/registration/guard';
import { api, required } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

type Role = Schemas['AssignOfficialDto']['role'];
const ROLES: readonly Role[] = ['referee', 'table'];
const asRole = (value: string): Role | null => ROLES.find((r) => r === value) ?? null;

export const load: PageServerLoad = async (event) => {
  requireOrganizer(event);
  const client = api(event);
  const ev = await competitionEvent(client, event.params.id);
  const board = await client
    .GET('/api/events/{id}/officials/board', { params: { path: { id: ev.id } } })
    .then(required);
  return { event: ev, board };
};

/** What an assign/remove hands back, for the game it was about (the error prints beside that game). */
export type AssignAnswer = { matchId: string; officialId: string; role: string; problem?: Problem; saved?: boolean };

export const actions: Actions = {
  assign: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const answer: AssignAnswer = {
      matchId: text(form, 'matchId'),
      officialId: text(form, 'officialId'),
      role: text(form, 'role'),
    };
    const role = asRole(answer.role);
    if (!answer.officialId)
      return fail(400, {
        assign: {
          ...answer,
          problem: { status: 400, errors: [{ field: 'officialId', message: 'choose an official' }], detail: null },
        },
      });
    if (!role)
      return fail(400, {
        assign: {
          ...answer,
          problem: { status: 400, errors: [{ field: 'role', message: 'choose a role' }], detail: null },
        },
      });
    const result = await api(event).POST('/api/matches/{id}/officials', {
      params: { path: { id: answer.matchId } },
      body: { officialId: answer.officialId, role },
    });
    if (!result.data) return fail(result.response.status, { assign: { ...answer, problem: problemOf(result) } });
    return { assign: { ...answer, saved: true } };
  },

  remove: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const matchId = text(form, 'matchId');
    const result = await api(event).DELETE('/api/matches/{id}/officials/{assignmentId}', {
      params: { path: { id: matchId, assignmentId: text(form, 'assignmentId') } },
    });
    if (result.response.status !== 204)
      return fail(result.response.status, {
        assign: { matchId, officialId: '', role: '', problem: problemOf(result) },
      });
    return { removed: matchId };
  },

  /** A proposal to review: nothing is saved here. */
  suggest: async (event) => {
    requireOrganizer(event);
    const suggestion = await api(event)
      .POST('/api/events/{id}/officials/suggestions', { params: { path: { id: event.params.id } } })
      .then(required);
    return { suggestion };
  },

  /** The reviewed proposal, all or nothing. */
  save: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const assignments = form.getAll('assignment').flatMap((value) => {
      const [matchId = '', officialId = '', role = ''] = String(value).split('|');
      const r = asRole(role);
      return r ? [{ matchId, officialId, role: r }] : [];
    });
    if (assignments.length === 0)
      return fail(400, {
        saveProblem: {
          status: 400,
          errors: [{ field: 'assignments', message: 'nothing to save' }],
          detail: null,
        } satisfies Problem,
      });
    const result = await api(event).PUT('/api/events/{id}/officials/assignments', {
      params: { path: { id: event.params.id } },
      body: { assignments },
    });
    if (!result.data) return fail(result.response.status, { saveProblem: problemOf(result) });
    return { savedCount: assignments.length };
  },

  addOfficial: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const name = text(form, 'name').trim();
    const contact = text(form, 'contact').trim();
    const roles = form.getAll('roles').flatMap((r) => asRole(String(r)) ?? []);
    const result = await api(event).POST('/api/officials', {
      body: { name, ...(contact ? { contact } : {}), ...(roles.length > 0 ? { roles } : {}) },
    });
    if (!result.data) return fail(result.response.status, { addProblem: problemOf(result), name, contact });
    return { added: result.data.name };
  },
};
