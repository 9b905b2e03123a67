// Illustrative tracks for the 2023 rally, which published no tracker data. Deterministic: the same
// seed data always gives the same fixes. Each boat that finished a leg sails that leg's course
// (start → waypoints → finish) and reaches the finish exactly at its seeded finish time, with a fix
// every 30 minutes; a boat that retired (DNF/RET) stops after 12 hours; a boat with no start has no track.
// Between fixes it weaves up to ~1 nm off the course line and its pace varies by ±10 %, both tapering
// to zero at the marks so that it passes them. Every fix is stored with origin 'illustrative'.
import { type LatLon, greatCircleNm } from '@sailcourt/domain';
import type { LegResultSeed, LegSeed, PortSeed, RallyData } from './data.js';

export type IllustrativeFix = { sailNumber: string; leg: number; at: number; lat: number; lon: number };

/** One fix every 30 minutes: ~1,900 rows for the seven boats' five legs, a small seed. */
export const ILLUSTRATIVE_FIX_INTERVAL_MS = 30 * 60_000;
/** No regular fix this close before the finish, so the crossing (not a near fix) decides the time. */
const FINISH_GUARD_MS = 10 * 60_000;
const WEAVE_NM = 1;
/** A boat that retired (DNF/RET) is shown sailing 12 hours at 6 kn, then no more fixes. */
const RETIRED_AFTER_MS = 12 * 3_600_000;
const RETIRED_PACE_KN = 6;
const PACE_WOBBLE = 0.1;
const NM_PER_DEGREE = 60.0405;

/** The course as a polyline with cumulative great-circle lengths. */
function coursePolyline(leg: LegSeed, ports: Map<string, PortSeed>): { points: LatLon[]; cumulative: number[] } {
  const from = ports.get(leg.from);
  const to = ports.get(leg.to);
  if (!from || !to) throw new Error(`Leg ${leg.number} names an unknown port.`);
  const points: LatLon[] = [from, ...(leg.waypoints ?? []), to].map(({ lat, lon }) => ({ lat, lon }));
  const cumulative = [0];
  for (let i = 1; i < points.length; i += 1)
    cumulative.push((cumulative[i - 1] as number) + greatCircleNm(points[i - 1] as LatLon, points[i] as LatLon));
  return { points, cumulative };
}

/**
 * The point at `distance` nm along the course, pushed `offsetNm` to the right of the course line.
 * Interpolates linearly in latitude/longitude within a segment: segments are tens of miles, where
 * that and the great circle differ by far less than the weave.
 */
function pointAlong(course: { points: LatLon[]; cumulative: number[] }, distance: number, offsetNm: number): LatLon {
  const { points, cumulative } = course;
  let i = 1;
  while (i < points.length - 1 && (cumulative[i] as number) < distance) i += 1;
  const a = points[i - 1] as LatLon;
  const b = points[i] as LatLon;
  const length = (cumulative[i] as number) - (cumulative[i - 1] as number);
  const f = length === 0 ? 0 : Math.min(1, Math.max(0, (distance - (cumulative[i - 1] as number)) / length));
  const lat = a.lat + (b.lat - a.lat) * f;
  const lon = a.lon + (b.lon - a.lon) * f;
  // Right of the direction of travel, in a local plane.
  const cos = Math.cos((lat * Math.PI) / 180);
  const east = (b.lon - a.lon) * cos;
  const north = b.lat - a.lat;
  const norm = Math.hypot(east, north) || 1;
  return {
    lat: lat - (east / norm) * (offsetNm / NM_PER_DEGREE),
    lon: lon + (north / norm) * (offsetNm / NM_PER_DEGREE / cos),
  };
}

/** A small deterministic number in [0, 1) per boat and leg, so boats weave differently. */
function phaseOf(sailNumber: string, leg: number): number {
  let hash = leg * 7919;
  for (const ch of sailNumber) hash = (hash * 31 + ch.charCodeAt(0)) % 100_003;
  return (hash % 1000) / 1000;
}

/** Smoothly 0 at every mark and 1 half way between marks. */
function taper(course: { cumulative: number[] }, distance: number): number {
  const c = course.cumulative;
  for (let i = 1; i < c.length; i += 1) {
    if (distance <= (c[i] as number) || i === c.length - 1) {
      const length = (c[i] as number) - (c[i - 1] as number);
      return length === 0
        ? 0
        : Math.sin(Math.PI * Math.min(1, Math.max(0, (distance - (c[i - 1] as number)) / length)));
    }
  }
  return 0;
}

function legTrack(
  leg: LegSeed,
  course: { points: LatLon[]; cumulative: number[] },
  result: LegResultSeed,
): IllustrativeFix[] {
  const start = Date.parse(leg.startsAt);
  const total = course.cumulative[course.cumulative.length - 1] as number;
  const finished = result.finishedAt !== undefined;
  const end = finished ? Date.parse(result.finishedAt as string) : start + RETIRED_AFTER_MS;
  const reach = finished ? total : Math.min(total / 2, RETIRED_PACE_KN * (RETIRED_AFTER_MS / 3_600_000));
  const phase = phaseOf(result.sailNumber, leg.number);
  const duration = end - start;
  const fixAt = (at: number): IllustrativeFix => {
    const share = (at - start) / duration;
    // Pace varies, but the boat is always moving forward: the wobble's slope stays under 1.
    const progress =
      share + (PACE_WOBBLE / (2 * Math.PI)) * Math.sin(2 * Math.PI * (share * 3 + phase)) * Math.sin(Math.PI * share);
    const distance = Math.min(reach, Math.max(0, progress * reach));
    const weave = WEAVE_NM * Math.sin(2 * Math.PI * (share * 11 + phase)) * taper(course, distance);
    const point = pointAlong(course, distance, weave);
    return { sailNumber: result.sailNumber, leg: leg.number, at, lat: round(point.lat), lon: round(point.lon) };
  };
  const fixes: IllustrativeFix[] = [];
  for (let at = start; at < end - (finished ? FINISH_GUARD_MS : 0); at += ILLUSTRATIVE_FIX_INTERVAL_MS)
    fixes.push(fixAt(at));
  const last = courseEnd(course, finished);
  fixes.push(
    finished ? { sailNumber: result.sailNumber, leg: leg.number, at: end, lat: last.lat, lon: last.lon } : fixAt(end),
  );
  return fixes;
}

const courseEnd = (course: { points: LatLon[] }, finished: boolean): LatLon =>
  finished ? (course.points[course.points.length - 1] as LatLon) : (course.points[0] as LatLon);
const round = (degrees: number): number => Math.round(degrees * 1e5) / 1e5;

/** Every illustrative fix of the rally, oldest first per boat and leg. */
export function illustrativeTracks(data: RallyData): IllustrativeFix[] {
  const ports = new Map(data.ports.map((p) => [p.slug, p]));
  return data.legs.flatMap((leg) => {
    const course = coursePolyline(leg, ports);
    return data.legResults
      .filter((r) => r.leg === leg.number && (r.finishedAt !== undefined || r.code === 'DNF' || r.code === 'RET'))
      .flatMap((result) => legTrack(leg, course, result));
  });
}
