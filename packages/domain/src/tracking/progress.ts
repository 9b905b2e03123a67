// A boat's progress along a leg from its fixes: marks passed, finish, DTF, speed, ETA, distance sailed.
import {
  type Course,
  DEFAULT_FINISH_RADIUS_NM,
  distanceToFinishNm,
  finishCrossing,
  hasPassedWaypoint,
} from './course.js';
import { type LatLon, greatCircleNm } from './geo.js';

/** One position report. `at` in epoch milliseconds; `sogKn` when the feed gives it. */
export type TrackFix = LatLon & { at: number; sogKn?: number | null };

export type BoatProgress = {
  /** The last fix used (at or before the instant asked), or null when the boat has none yet. */
  last: TrackFix | null;
  /** Index of the next waypoint not yet passed; waypoints.length when heading for the finish. */
  nextWaypoint: number;
  /** When the boat crossed the finish (interpolated between the two fixes), epoch ms; null while racing. */
  finishedAt: number | null;
  dtfNm: number | null;
  sogKn: number | null;
  etaAt: number | null;
  distanceSailedNm: number;
};

export type ProgressOptions = { finishRadiusNm?: number; etaWindowHours?: number };

/** ETA uses the average speed made good over this many hours (naive: no weather, no routing). */
export const DEFAULT_ETA_WINDOW_HOURS = 3;
const MIN_ETA_SPEED_KN = 0.1;
const HOUR_MS = 3_600_000;

/** Speed over ground between two fixes, in knots; null when they share an instant. */
export function speedBetweenKn(a: TrackFix, b: TrackFix): number | null {
  const hours = (b.at - a.at) / HOUR_MS;
  return hours > 0 ? greatCircleNm(a, b) / hours : null;
}

/** Sum of great-circle distances between successive fixes. */
export function distanceSailedNm(fixes: readonly TrackFix[]): number {
  let total = 0;
  for (let i = 1; i < fixes.length; i += 1) total += greatCircleNm(fixes[i - 1] as TrackFix, fixes[i] as TrackFix);
  return total;
}

/**
 * Average speed over the last `windowHours` before the last fix (distance sailed / time), in knots:
 * the naive ETA's speed; over the last two fixes when they are further apart. Null with fewer than two fixes.
 */
export function recentAverageSpeedKn(
  fixes: readonly TrackFix[],
  windowHours = DEFAULT_ETA_WINDOW_HOURS,
): number | null {
  const last = fixes[fixes.length - 1];
  if (!last) return null;
  const since = last.at - windowHours * HOUR_MS;
  let first = fixes.length - 1;
  // At least the last two fixes, so sparse feeds (a fix every few hours) still give a speed.
  while (first > 0 && ((fixes[first - 1] as TrackFix).at >= since || first === fixes.length - 1)) first -= 1;
  const window = fixes.slice(first);
  const start = window[0] as TrackFix;
  const hours = (last.at - start.at) / HOUR_MS;
  return hours > 0 ? distanceSailedNm(window) / hours : null;
}

/**
 * Progress at `at` (epoch ms) from fixes in time order. Marks are passed in order by the course's
 * passing rule; the finish counts only after the last waypoint. After the finish the boat's DTF is 0
 * and later fixes (motoring to the berth) change nothing.
 */
export function computeBoatProgress(
  course: Course,
  fixes: readonly TrackFix[],
  at: number,
  options: ProgressOptions = {},
): BoatProgress {
  const radius = options.finishRadiusNm ?? DEFAULT_FINISH_RADIUS_NM;
  const upTo = fixes.filter((fix) => fix.at <= at);
  let nextWaypoint = 0;
  let finishedAt: number | null = null;
  let finishIndex = upTo.length - 1;
  for (let i = 0; i < upTo.length && finishedAt === null; i += 1) {
    const fix = upTo[i] as TrackFix;
    while (nextWaypoint < course.waypoints.length && hasPassedWaypoint(course, nextWaypoint, fix)) nextWaypoint += 1;
    if (nextWaypoint === course.waypoints.length && i > 0) {
      const previous = upTo[i - 1] as TrackFix;
      const t = finishCrossing(course, previous, fix, radius);
      if (t !== null) {
        finishedAt = Math.round(previous.at + (fix.at - previous.at) * t);
        finishIndex = i;
      }
    }
  }
  const sailed = upTo.slice(0, finishIndex + 1);
  const last = sailed[sailed.length - 1] ?? null;
  if (!last)
    return {
      last: null,
      nextWaypoint: 0,
      finishedAt: null,
      dtfNm: null,
      sogKn: null,
      etaAt: null,
      distanceSailedNm: 0,
    };
  const previous = sailed[sailed.length - 2];
  const sogKn = last.sogKn ?? (previous ? speedBetweenKn(previous, last) : null);
  if (finishedAt !== null) {
    return { last, nextWaypoint, finishedAt, dtfNm: 0, sogKn, etaAt: null, distanceSailedNm: distanceSailedNm(sailed) };
  }
  const dtfNm = distanceToFinishNm(course, last, nextWaypoint);
  const average = recentAverageSpeedKn(sailed, options.etaWindowHours);
  const etaAt =
    average !== null && average >= MIN_ETA_SPEED_KN ? Math.round(last.at + (dtfNm / average) * HOUR_MS) : null;
  return { last, nextWaypoint, finishedAt, dtfNm, sogKn, etaAt, distanceSailedNm: distanceSailedNm(sailed) };
}
