import type { Schemas, SailcourtClient } from '@sailcourt/api-client';
import type { RouteMap } from '$lib/components/rally/route-map';
import {
  buildTrails,
  defaultInstant,
  legWindow,
  parseInstant,
  qingdaoMinute,
  type TrackerView,
} from '$lib/components/rally/tracker';

/** About one map unit at the rally map's scale (1000 units across ≈ 240 nm): finer detail is invisible. */
const TRAIL_TOLERANCE_NM = 0.25;

/** The leg the tracker opens on: `?tleg=`, else the leg sailing now, else the last one started (or the first). */
export function trackerLeg(rally: Schemas['RallyDto'], asked: string | null, now: number): number | null {
  const numbers = rally.legs.map((l) => l.number);
  if (asked && numbers.includes(Number(asked))) return Number(asked);
  const started = rally.legs.filter((l) => Date.parse(l.startsAt) <= now);
  return (started[started.length - 1] ?? rally.legs[0])?.number ?? null;
}

/**
 * The tracker for one leg at one instant: the leaderboard (the API ranks, this only shows) and the
 * boats' trails projected onto the route map. Null when the leg has no course to measure against.
 */
export async function loadTracker(
  client: SailcourtClient,
  rally: Schemas['RallyDto'],
  map: RouteMap,
  url: URL,
  now = Date.now(),
): Promise<TrackerView | null> {
  const legNumber = trackerLeg(rally, url.searchParams.get('tleg'), now);
  if (legNumber === null) return null;
  const window = legWindow(rally.legs, legNumber, rally.endDate);
  if (!window) return null;
  const at = parseInstant(url.searchParams.get('at'), window) ?? defaultInstant(window, now);
  const path = { id: rally.id, number: String(legNumber) };
  const [progress, tracks] = await Promise.all([
    client.GET('/api/rallies/{id}/legs/{number}/progress', {
      params: { path, query: { at: new Date(at).toISOString() } },
    }),
    client.GET('/api/rallies/{id}/tracks', {
      params: { path: { id: rally.id }, query: { leg: legNumber, toleranceNm: TRAIL_TOLERANCE_NM } },
    }),
  ]);
  if (!progress.data || !tracks.data) return null;
  return {
    legNumber,
    from: window.from,
    to: window.to,
    at,
    rows: progress.data,
    trails: buildTrails(
      map.frame,
      rally.entries.map((e) => e.id),
      tracks.data,
    ),
    frame: map.frame,
  };
}

/**
 * The tracker's proposed finish times of a leg as paste lines (`CHN 101<TAB>2023-06-21 17:30:00`), for
 * the organizer to fill into the results form, check and save: a proposal is never a result by itself.
 */
export async function proposedFinishLines(
  client: SailcourtClient,
  rally: Schemas['RallyDto'],
  legNumber: number,
): Promise<string[]> {
  const window = legWindow(rally.legs, legNumber, rally.endDate);
  if (!window) return [];
  const progress = await client.GET('/api/rallies/{id}/legs/{number}/progress', {
    params: { path: { id: rally.id, number: String(legNumber) }, query: { at: new Date(window.to).toISOString() } },
  });
  return (progress.data ?? [])
    .filter((row) => row.finishedAt !== null)
    .map((row) => {
      const entry = rally.entries.find((e) => e.id === row.entryId);
      return `${entry?.sailNumber ?? row.boatName}\t${qingdaoMinute(Date.parse(row.finishedAt as string)).replace('T', ' ')}:${new Date(Date.parse(row.finishedAt as string)).toISOString().slice(17, 19)}`;
    });
}
