// A leg's course: start, marks to pass in order, finish (point or line), and the passing rule.
import { type LatLon, greatCircleNm, localOffsetNm, midpoint } from './geo.js';

export type CourseMark = LatLon & { name?: string };
/** A finish is a point, or a line between two points (measured to its midpoint). */
export type CourseFinish = LatLon | readonly [LatLon, LatLon];
export type Course = { start: LatLon; waypoints: readonly CourseMark[]; finish: CourseFinish };

/** A point finish counts as reached within this distance, on crossing the line through it. */
export const DEFAULT_FINISH_RADIUS_NM = 0.5;

export const isFinishLine = (finish: CourseFinish): finish is readonly [LatLon, LatLon] => Array.isArray(finish);

/** The point DTF is measured to: the finish point, or the middle of the finish line. */
export function finishPoint(finish: CourseFinish): LatLon {
  return isFinishLine(finish) ? midpoint(finish[0], finish[1]) : (finish as LatLon);
}

/** The marks in sailing order after the start: waypoints, then the finish point. */
export function courseMarks(course: Course): LatLon[] {
  return [...course.waypoints, finishPoint(course.finish)];
}

/** Length of the course along its marks (start → waypoints → finish), in nm. */
export function courseLengthNm(course: Course): number {
  return remainingFromMarkNm([course.start, ...courseMarks(course)], 0);
}

/** Great-circle distance from mark `index` through every later mark to the last one. */
function remainingFromMarkNm(marks: readonly LatLon[], index: number): number {
  let total = 0;
  for (let i = index; i < marks.length - 1; i += 1) total += greatCircleNm(marks[i] as LatLon, marks[i + 1] as LatLon);
  return total;
}

/**
 * Distance to finish as tracking providers define it: the great circle from the boat to the next
 * mark not yet passed, plus the course from that mark through the remaining marks to the finish.
 * `nextWaypoint` is the index of that mark among the waypoints (= waypoints.length: heading for the finish).
 */
export function distanceToFinishNm(course: Course, position: LatLon, nextWaypoint: number): number {
  const marks = courseMarks(course);
  const next = Math.min(Math.max(nextWaypoint, 0), marks.length - 1);
  return greatCircleNm(position, marks[next] as LatLon) + remainingFromMarkNm(marks, next);
}

/**
 * The passing rule (documented choice): a waypoint is passed once a fix lies beyond the line through
 * the mark perpendicular to the course there, the course direction being that from the previous mark
 * (or the start) to the following mark (or the finish), i.e. the bisector of a rounding. This is how a
 * gate or a cape is judged from sparse fixes: a boat that rounds wide, or whose fixes are hours apart,
 * still counts, which a "came within x nm" rule would miss. Marks are passed in order only.
 */
export function hasPassedWaypoint(course: Course, index: number, position: LatLon): boolean {
  const mark = course.waypoints[index];
  if (!mark) return false;
  const before = index === 0 ? course.start : (course.waypoints[index - 1] as LatLon);
  const after =
    index === course.waypoints.length - 1 ? finishPoint(course.finish) : (course.waypoints[index + 1] as LatLon);
  const direction = localOffsetNm(before, after);
  const offset = localOffsetNm(mark, position);
  return offset.east * direction.east + offset.north * direction.north > 0;
}

/**
 * Where, between two fixes, the boat crosses the finish: for a line, the crossing of the segment;
 * for a point, the crossing of the line through it perpendicular to the last course leg, within
 * `radiusNm` of the point. Returns the fraction 0…1 along the two fixes, or null.
 */
export function finishCrossing(
  course: Course,
  from: LatLon,
  to: LatLon,
  radiusNm = DEFAULT_FINISH_RADIUS_NM,
): number | null {
  const finish = course.finish;
  if (isFinishLine(finish)) {
    const origin = finish[0];
    const a = localOffsetNm(origin, from);
    const b = localOffsetNm(origin, to);
    const end = localOffsetNm(origin, finish[1]);
    return segmentIntersection(a, b, { east: 0, north: 0 }, end);
  }
  const point = finish as LatLon;
  const lastMark =
    course.waypoints.length > 0 ? (course.waypoints[course.waypoints.length - 1] as LatLon) : course.start;
  // The line is perpendicular to the last course leg; on a course that ends where it starts (a round
  // trip, the Vendée Globe) that leg has no direction, and the boat's own heading stands in for it.
  let approach = localOffsetNm(lastMark, point);
  if (Math.hypot(approach.east, approach.north) < 1e-9) approach = localOffsetNm(from, to);
  const length = Math.hypot(approach.east, approach.north);
  if (length === 0)
    return Math.hypot(localOffsetNm(point, to).east, localOffsetNm(point, to).north) <= radiusNm ? 1 : null;
  const ux = approach.east / length;
  const uy = approach.north / length;
  const a = localOffsetNm(point, from);
  const b = localOffsetNm(point, to);
  const sa = a.east * ux + a.north * uy;
  const sb = b.east * ux + b.north * uy;
  if (sb < 0) {
    // Not beyond the line yet: a fix inside the radius still counts as arrived (boats stop in port).
    return Math.hypot(b.east, b.north) <= radiusNm ? 1 : null;
  }
  if (sa >= 0) return Math.hypot(a.east, a.north) <= radiusNm ? 0 : null;
  const t = sa / (sa - sb);
  const crossEast = a.east + (b.east - a.east) * t;
  const crossNorth = a.north + (b.north - a.north) * t;
  return Math.hypot(crossEast, crossNorth) <= radiusNm ? t : null;
}

type Vec = { east: number; north: number };
function segmentIntersection(p: Vec, p2: Vec, q: Vec, q2: Vec): number | null {
  const r = { east: p2.east - p.east, north: p2.north - p.north };
  const s = { east: q2.east - q.east, north: q2.north - q.north };
  const denominator = r.east * s.north - r.north * s.east;
  if (denominator === 0) return null;
  const qp = { east: q.east - p.east, north: q.north - p.north };
  const t = (qp.east * s.north - qp.north * s.east) / denominator;
  const u = (qp.east * r.north - qp.north * r.east) / denominator;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? t : null;
}
