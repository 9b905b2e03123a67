import { api } from '$lib/server/api';
import { liveApiBase } from '$lib/server/live';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const { locals, url } = event;
  // Organizers see how many decisions wait for them (pending registrations, withdrawal requests) in the header.
  const pending =
    locals.user?.role === 'organizer'
      ? ((await api(event).GET('/api/registrations/awaiting-decision')).data?.total ?? 0)
      : 0;
  return {
    locale: locals.locale,
    user: locals.user,
    path: url.pathname + url.search,
    pending,
    liveBase: liveApiBase(url),
  };
};
