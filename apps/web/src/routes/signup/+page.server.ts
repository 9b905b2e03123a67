import { fail, redirect } from '@sveltejs/kit';
import { problemOf } from '$lib/components/registration/form-errors';
import { text } from '$lib/components/registration/guard';
import { sameOriginPath } from '$lib/safe-redirect';
import { api } from '$lib/server/api';
import { setSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const safeNext = (url: URL): string => sameOriginPath(url.searchParams.get('next'), url.origin, '/teams/mine');

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url));
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = { displayName: text(form, 'displayName').trim(), email: text(form, 'email').trim() };
    const password = text(form, 'password');
    const result = await api(event).POST('/api/auth/signup', { body: { ...values, password } });
    // The password is never sent back to the page.
    if (!result.data)
      return fail(result.response.status === 409 ? 409 : result.response.status === 429 ? 429 : 400, {
        values,
        problem: problemOf(result),
      });
    setSession(event.cookies, result.data.accessToken);
    redirect(303, safeNext(event.url));
  },
};
