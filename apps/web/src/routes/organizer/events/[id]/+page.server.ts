import { fail } from '@sveltejs/kit';
import type { Schemas } from '@sailcourt/api-client';
import { type Problem, problemOf } from '$lib/components/registration/form-errors';
import { requireOrganizer, text } from '$lib/components/registration/guard';
import { api, required } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

type Decision = Schemas['UpdateRegistrationDto']['status'];
const DECISIONS: readonly Decision[] = ['confirmed', 'rejected', 'waitlisted'];

export const load: PageServerLoad = async (event) => {
  requireOrganizer(event);
  const client = api(event);
  const id = { params: { path: { id: event.params.id } } };
  const [ev, summary, listed, audit] = await Promise.all([
    client.GET('/api/events/{id}', id).then(required),
    client.GET('/api/events/{id}/registration-summary', id).then(required),
    client.GET('/api/events/{id}/registrations', id).then(required),
    client.GET('/api/events/{id}/audit', id).then(required),
  ]);
  // Without `limit` the API answers with the whole array.
  const registrations = Array.isArray(listed) ? listed : listed.items;
  const byStatus = (status: Schemas['RegistrationDto']['status']) => registrations.filter((r) => r.status === status);
  return {
    event: ev,
    summary,
    pending: byStatus('pending'),
    waitlisted: byStatus('waitlisted').sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0)),
    confirmed: byStatus('confirmed'),
    withdrawalRequests: byStatus('confirmed').filter((r) => r.withdrawalRequestedAt !== null),
    closed: registrations.filter((r) => r.status === 'rejected' || r.status === 'withdrawn'),
    audit: [...audit].reverse(),
  };
};

type DecideAnswer = { id: string; status: string; reason: string; problem?: Problem; done?: boolean };
type CapacityAnswer = { value: string; problem?: Problem; saved?: boolean };

export const actions: Actions = {
  /** Approve, waitlist or reject one registration; a rejection needs a reason, which the team's manager will read. */
  decide: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const answer: DecideAnswer = {
      id: text(form, 'id'),
      status: text(form, 'status'),
      reason: text(form, 'reason').trim(),
    };
    const reply = (more: Pick<DecideAnswer, 'problem' | 'done'>): { decide: DecideAnswer } => ({
      decide: { ...answer, ...more },
    });
    const status = DECISIONS.find((d) => d === answer.status);
    if (!status)
      return fail(
        400,
        reply({
          problem: { status: 400, errors: [{ field: 'status', message: 'is not a known decision' }], detail: null },
        }),
      );
    if (status === 'rejected' && answer.reason === '')
      return fail(
        400,
        reply({
          problem: {
            status: 400,
            errors: [{ field: 'reason', message: 'is required', code: 'validation.required' }],
            detail: null,
          },
        }),
      );
    const result = await api(event).PATCH('/api/registrations/{id}', {
      params: { path: { id: answer.id } },
      body: { status, ...(answer.reason ? { reason: answer.reason } : {}) },
    });
    if (!result.data) return fail(result.response.status, reply({ problem: problemOf(result) }));
    return reply({ done: true });
  },

  /** Approves every ticked pending registration, one by one; each answer is reported, a refusal does not stop the rest. */
  approveAll: async (event) => {
    requireOrganizer(event);
    const ids = (await event.request.formData()).getAll('id').filter((v): v is string => typeof v === 'string');
    if (ids.length === 0)
      return fail(400, {
        bulk: { approved: [] as string[], refused: [] as { id: string; problem: Problem }[], none: true },
      });
    const client = api(event);
    const approved: string[] = [];
    const refused: { id: string; problem: Problem }[] = [];
    for (const id of ids) {
      const result = await client.PATCH('/api/registrations/{id}', {
        params: { path: { id } },
        body: { status: 'confirmed' },
      });
      if (result.data) approved.push(id);
      else refused.push({ id, problem: problemOf(result) });
    }
    return { bulk: { approved, refused, none: false } };
  },

  /** A withdrawal request of a team that has played: approving withdraws it (the bracket then flags it); declining keeps it. */
  withdrawal: async (event) => {
    requireOrganizer(event);
    const form = await event.request.formData();
    const id = text(form, 'id');
    const decision = text(form, 'decision');
    const reason = text(form, 'reason').trim();
    const client = api(event);
    const result =
      decision === 'approve'
        ? await client.PATCH('/api/registrations/{id}', {
            params: { path: { id } },
            body: { status: 'withdrawn', ...(reason ? { reason } : {}) },
          })
        : await client.DELETE('/api/registrations/{id}/withdrawal-request', {
            params: { path: { id } },
            body: reason ? { reason } : {},
          });
    if (!result.data) return fail(result.response.status, { withdrawal: { id, decision, problem: problemOf(result) } });
    return { withdrawal: { id, decision, done: true } };
  },

  /** Blank means unlimited; raising it promotes waitlisted teams (the API does that in the same transaction). */
  capacity: async (event) => {
    requireOrganizer(event);
    const value = text(await event.request.formData(), 'capacity').trim();
    const answer = (a: CapacityAnswer) => ({ capacity: a });
    if (value !== '' && !/^\d{1,6}$/.test(value))
      return fail(
        400,
        answer({
          value,
          problem: { status: 400, errors: [{ field: 'capacity', message: 'must be an integer number' }], detail: null },
        }),
      );
    const result = await api(event).PATCH('/api/events/{id}', {
      params: { path: { id: event.params.id } },
      body: { capacity: value === '' ? null : Number(value) },
    });
    if (!result.data) return fail(result.response.status, answer({ value, problem: problemOf(result) }));
    return answer({ value, saved: true });
  },
};
