// Douglas–Peucker simplification of a track for the map, with a tolerance in nautical miles.
import { type LatLon, localOffsetNm } from './geo.js';

/** Distance of `p` from segment a–b, in nm, in a local plane around `a` (fine at trail scales). */
function distanceToSegmentNm(p: LatLon, a: LatLon, b: LatLon): number {
  const end = localOffsetNm(a, b);
  const point = localOffsetNm(a, p);
  const lengthSquared = end.east ** 2 + end.north ** 2;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, (point.east * end.east + point.north * end.north) / lengthSquared));
  return Math.hypot(point.east - t * end.east, point.north - t * end.north);
}

/**
 * Keeps the first and last points and every point that lies farther than `toleranceNm` from the
 * simplified line (Douglas & Peucker, 1973). Iterative, so 100,000-point tracks do not overflow the
 * stack. Choose the tolerance from the map's scale: about one screen pixel in nautical miles.
 */
export function simplifyTrack<T extends LatLon>(points: readonly T[], toleranceNm: number): T[] {
  if (points.length <= 2 || toleranceNm <= 0) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let farthest = -1;
    let farthestDistance = toleranceNm;
    for (let i = first + 1; i < last; i += 1) {
      const d = distanceToSegmentNm(points[i] as T, points[first] as T, points[last] as T);
      if (d > farthestDistance) {
        farthest = i;
        farthestDistance = d;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}
