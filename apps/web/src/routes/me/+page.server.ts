import { fail } from '@sveltejs/kit';
import { problemOf } from '$lib/components/registration/form-errors';
import { requireUser, text } from '$lib/components/registration/guard';
import { api, required } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const client = api(event);
  const [registrations, notifications] = await Promise.all([client.GET('/api/me/registrations').then(required), client.GET('/api/me/notifications').then(required)]);
  return { registrations, notifications };
};

export const actions: Actions = {
  withdraw: async (event) => {
    requireUser(event);
    const id = text(await event.request.formData(), 'id');
    const result = await api(event).PATCH('/api/registrations/{id}', { params: { path: { id } }, body: { status: 'withdrawn' } });
    if (!result.data) return fail(result.response.status, { id, problem: problemOf(result) });
    return { id, withdrawn: true };
  },
};
