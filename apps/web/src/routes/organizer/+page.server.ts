import { requireOrganizer } from '$lib/components/registration/guard';
import { api, required } from '$lib/server/api';
import type { PageServerLoad } from './$types';

const FEATURED_SEASON = 'qingdao-basketball-2023';
/** The league the season's 2,500-participant target is reported for. */
const FUTURE_STARS = 'future-stars-mini-basketball-league';

export const load: PageServerLoad = async (event) => {
  requireOrganizer(event);
  const client = api(event);
  const seasons = await client.GET('/api/seasons').then(required);
  const asked = event.url.searchParams.get('season');
  const season =
    seasons.find((s) => s.slug === asked || s.id === asked) ??
    seasons.find((s) => s.slug === FEATURED_SEASON) ??
    seasons[0] ??
    null;
  if (!season) return { seasons, season: null, participation: null, rows: [], futureStars: null };
  const seasonPath = { params: { path: { id: season.id } } };
  const [events, participation] = await Promise.all([
    client.GET('/api/seasons/{id}/events', seasonPath).then(required),
    client.GET('/api/seasons/{id}/participation', seasonPath).then(required),
  ]);
  const summaries = await Promise.all(
    events.map((e) =>
      client.GET('/api/events/{id}/registration-summary', { params: { path: { id: e.id } } }).then(required),
    ),
  );
  const rows = events.map((e, i) => ({
    event: e,
    summary: summaries[i] ?? null,
    participation: participation.events.find((p) => p.eventId === e.id) ?? null,
  }));
  return { seasons, season, participation, rows, futureStars: rows.find((r) => r.event.slug === FUTURE_STARS) ?? null };
};
