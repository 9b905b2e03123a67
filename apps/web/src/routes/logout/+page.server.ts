import { redirect } from '@sveltejs/kit';
import { api } from '$lib/server/api';
import { clearSession } from '$lib/server/session';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    // Revoked on the API first, so a copy of the cookie stops working too; the cookie goes either way.
    if (event.locals.accessToken)
      await api(event)
        .POST('/api/auth/logout')
        .catch(() => undefined);
    clearSession(event.cookies);
    redirect(303, '/');
  },
};
