import { error, json } from '@sveltejs/kit';
import { api } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** The replay's leaderboard at an instant, for the rally page's slider (the page itself works without it). */
export const GET: RequestHandler = async (event) => {
  const leg = event.url.searchParams.get('leg') ?? '';
  const at = Number(event.url.searchParams.get('at'));
  if (!/^\d{1,3}$/.test(leg) || !Number.isFinite(at) || at <= 0) error(400, 'leg and at (epoch ms) are required');
  const result = await api(event).GET('/api/rallies/{id}/legs/{number}/progress', {
    params: { path: { id: event.params.id, number: leg }, query: { at: new Date(at).toISOString() } },
  });
  if (!result.data) error(result.response.status >= 400 ? result.response.status : 502, 'No progress for this leg');
  return json(result.data, { headers: { 'cache-control': 'public, max-age=30' } });
};
