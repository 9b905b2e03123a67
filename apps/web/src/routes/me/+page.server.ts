import { fail } from '@sveltejs/kit';
import { problemOf } from '$lib/components/registration/form-errors';
import { requireUser, text } from '$lib/components/registration/guard';
import { api, required } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const client = api(event);
  const [registrations, notifications] = await Promise.all([
    client.GET('/api/me/registrations').then(required),
    client.GET('/api/me/notifications').then(required),
  ]);
  return { registrations, notifications };
};

export const actions: Actions = {
  /** Two steps: the first press asks "are you sure?" beside the button; only the confirmed form withdraws. */
  withdraw: async (event) => {
    requireUser(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    if (text(data, 'confirm') !== 'yes') return { id, confirming: true };
    const result = await api(event).PATCH('/api/registrations/{id}', {
      params: { path: { id } },
      body: { status: 'withdrawn' },
    });
    if (!result.data) {
      const problem = problemOf(result);
      return fail(result.response.status, {
        id,
        problem,
        needsApproval: problem.code === 'registration.withdrawal-needs-approval',
      });
    }
    return { id, withdrawn: true };
  },
  /** A team that has played games asks the organizer; it stays registered until they decide. */
  requestWithdrawal: async (event) => {
    requireUser(event);
    const data = await event.request.formData();
    const id = text(data, 'id');
    const reason = text(data, 'reason');
    const result = await api(event).POST('/api/registrations/{id}/withdrawal-request', {
      params: { path: { id } },
      body: reason ? { reason } : {},
    });
    if (!result.data)
      return fail(result.response.status, { id, problem: problemOf(result), needsApproval: true, reason });
    return { id, requested: true };
  },
};
