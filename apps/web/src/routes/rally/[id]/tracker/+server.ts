import { error, json } from '@sveltejs/kit';
import { buildRouteMap } from '$lib/components/rally/route-map';
import { api, required } from '$lib/server/api';
import { loadTracker } from '$lib/server/rally-tracker';
import type { RequestHandler } from './$types';

/**
 * The replay's leaderboard at an instant, for the rally page's slider (the page itself works without it).
 * With `live=<positions version>` instead of `at`: the whole tracker view of the leg as the page would render
 * it now (leaderboard, trails, instant), for a page following the live stream. The version only makes the
 * address new for each change, so no cache on the way serves an older view.
 */
export const GET: RequestHandler = async (event) => {
  const leg = event.url.searchParams.get('leg') ?? '';
  if (!/^\d{1,3}$/.test(leg)) error(400, 'leg is required');
  const live = event.url.searchParams.get('live');
  if (live !== null) {
    if (!/^\d{1,15}$/.test(live)) error(400, 'live must be a positions version');
    const client = api(event);
    const rally = await client.GET('/api/rallies/{id}', { params: { path: { id: event.params.id } } }).then(required);
    const map = buildRouteMap(rally.legs);
    const view = map ? await loadTracker(client, rally, map, new URL(`?tleg=${leg}`, event.url)) : null;
    if (!view) error(404, 'This leg has no tracker');
    return json(view, { headers: { 'cache-control': 'no-store' } });
  }
  const at = Number(event.url.searchParams.get('at'));
  if (!Number.isFinite(at) || at <= 0) error(400, 'leg and at (epoch ms) are required');
  const result = await api(event).GET('/api/rallies/{id}/legs/{number}/progress', {
    params: { path: { id: event.params.id, number: leg }, query: { at: new Date(at).toISOString() } },
  });
  if (!result.data) error(result.response.status >= 400 ? result.response.status : 502, 'No progress for this leg');
  return json(result.data, { headers: { 'cache-control': 'public, max-age=30' } });
};
