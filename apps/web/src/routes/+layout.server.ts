import { liveApiBase } from '$lib/server/live';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
  locale: locals.locale,
  user: locals.user,
  path: url.pathname + url.search,
  liveBase: liveApiBase(url),
});
