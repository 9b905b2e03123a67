import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

const FEATURED_SEASON = 'qingdao-basketball-2023';

export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const [seasons, rallies, today] = await Promise.all([
    client.GET('/api/seasons').then(required),
    client.GET('/api/rallies').then(required),
    client.GET('/api/live/today').then(required),
  ]);
  const season = seasons.find((s) => s.slug === FEATURED_SEASON) ?? seasons[0] ?? null;
  const rallySummary = rallies[0] ?? null;
  const [events, rally] = await Promise.all([
    season
      ? client.GET('/api/seasons/{id}/events', { params: { path: { id: season.id } } }).then(required)
      : Promise.resolve([]),
    rallySummary
      ? client.GET('/api/rallies/{id}', { params: { path: { id: rallySummary.id } } }).then(required)
      : Promise.resolve(null),
  ]);
  return { season, events, rally, today };
};
