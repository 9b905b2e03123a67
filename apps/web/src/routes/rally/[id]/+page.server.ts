import { buildRouteMap } from '$lib/components/rally/route-map';
import { api, required } from '$lib/server/api';
import { loadTracker } from '$lib/server/rally-tracker';
import type { PageServerLoad } from './$types';

type StandingsView = 'points' | 'time';

/**
 * The rally with its map, one leg's results (`?leg=n`, by default the latest leg with results) and the
 * standings by points or, with `?view=time`, by cumulative corrected time. Plain links switch them,
 * so the page works without JavaScript.
 */
export const load: PageServerLoad = async (event) => {
  const client = api(event);
  const id = event.params.id;
  const rally = await client.GET('/api/rallies/{id}', { params: { path: { id } } }).then(required);
  const view: StandingsView = event.url.searchParams.get('view') === 'time' ? 'time' : 'points';

  const map = buildRouteMap(rally.legs);
  const [tracker, standings, cumulative, ...legResults] = await Promise.all([
    map ? loadTracker(client, rally, map, event.url) : Promise.resolve(null),
    client.GET('/api/rallies/{id}/standings', { params: { path: { id } } }).then(required),
    view === 'time'
      ? client.GET('/api/rallies/{id}/standings/cumulative-time', { params: { path: { id } } }).then(required)
      : Promise.resolve(null),
    ...rally.legs.map((leg) =>
      client
        .GET('/api/rallies/{id}/legs/{number}/results', { params: { path: { id, number: String(leg.number) } } })
        .then(required),
    ),
  ]);
  const resultsByLeg = new Map(rally.legs.map((leg, i) => [leg.number, legResults[i] ?? []]));

  const asked = Number(event.url.searchParams.get('leg'));
  const latestWithResults = rally.legs.findLast((leg) => (resultsByLeg.get(leg.number) ?? []).length > 0);
  const selected = rally.legs.find((leg) => leg.number === asked) ?? latestWithResults ?? rally.legs[0] ?? null;

  // A leg counts as illustrative when every recorded result in it is; the standings are then built on illustrative data.
  const illustrativeLegs = rally.legs
    .filter((leg) => {
      const recorded = (resultsByLeg.get(leg.number) ?? []).filter((row) => row.recorded);
      return (
        recorded.length > 0 && recorded.every((row) => row.source === 'illustrative' || row.illustrative.length > 0)
      );
    })
    .map((leg) => leg.number);

  return {
    rally,
    map,
    tracker,
    selectedLeg: selected,
    legResults: selected ? (resultsByLeg.get(selected.number) ?? []) : [],
    illustrativeLegs,
    view,
    standings,
    cumulative,
    imported: event.url.searchParams.has('imported') ? Number(event.url.searchParams.get('imported')) || 0 : null,
    savedLeg: event.url.searchParams.has('saved') ? (selected?.number ?? null) : null,
  };
};
