import { fail, redirect } from '@sveltejs/kit';
import { sameOriginPath } from '$lib/safe-redirect';
import { api } from '$lib/server/api';
import { setSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

/** Where a user lands after signing in without a `next`: organizers on their dashboard, managers on their registrations. */
const homeFor = (role: string): string => (role === 'organizer' ? '/organizer' : '/me');

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, homeFor(locals.user.role));
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const result = await api(event).POST('/api/auth/login', { body: { email, password } });
    if (!result.data)
      return fail(result.response.status === 429 ? 429 : 400, { email, failed: true, status: result.response.status });
    setSession(event.cookies, result.data.accessToken);
    redirect(303, sameOriginPath(event.url.searchParams.get('next'), event.url.origin, homeFor(result.data.user.role)));
  },
};
