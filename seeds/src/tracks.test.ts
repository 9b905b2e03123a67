import { type Course, computeBoatProgress } from '@sailcourt/domain';
import { describe, expect, it } from 'vitest';
import { loadRally } from './data.js';
import { ILLUSTRATIVE_FIX_INTERVAL_MS, illustrativeTracks } from './tracks.js';

const rally = loadRally();
const fixes = illustrativeTracks(rally);
const ports = new Map(rally.ports.map((p) => [p.slug, p]));

const courseOf = (legNumber: number): Course => {
  const leg = rally.legs.find((l) => l.number === legNumber)!;
  const from = ports.get(leg.from)!;
  const to = ports.get(leg.to)!;
  return {
    start: { lat: from.lat, lon: from.lon },
    waypoints: leg.waypoints ?? [],
    finish: { lat: to.lat, lon: to.lon },
  };
};

describe('illustrative 2023 tracks', () => {
  it('are small: a fix every 30 minutes, under 3,000 rows in all, inside the rally dates', () => {
    expect(fixes.length).toBeGreaterThan(1000);
    expect(fixes.length).toBeLessThan(3000);
    const from = Date.parse(`${rally.rally.startDate}T00:00:00+08:00`);
    const to = Date.parse(`${rally.rally.endDate}T23:59:59+08:00`);
    expect(fixes.every((f) => f.at >= from && f.at <= to)).toBe(true);
    const first = fixes.filter((f) => f.sailNumber === 'CHN 101' && f.leg === 1);
    expect((first[1]?.at ?? 0) - (first[0]?.at ?? 0)).toBe(ILLUSTRATIVE_FIX_INTERVAL_MS);
  });

  it('agree with the seeded leg results: the tracker proposes each seeded finish time, after every waypoint', () => {
    for (const result of rally.legResults) {
      const track = fixes.filter((f) => f.sailNumber === result.sailNumber && f.leg === result.leg);
      const course = courseOf(result.leg);
      const progress = computeBoatProgress(course, track, Number.MAX_SAFE_INTEGER);
      if (result.finishedAt) {
        expect(progress.finishedAt, `${result.sailNumber} leg ${result.leg}`).toBe(Date.parse(result.finishedAt));
        expect(progress.nextWaypoint).toBe(course.waypoints.length);
      } else {
        expect(progress.finishedAt, `${result.sailNumber} leg ${result.leg} (${result.code})`).toBeNull();
      }
    }
  });

  it('rank mid-leg in an order close to the finishing order (the leaders lead)', () => {
    const leg1 = rally.legResults
      .filter((r) => r.leg === 1 && r.finishedAt)
      .sort((a, b) => Date.parse(a.finishedAt!) - Date.parse(b.finishedAt!));
    const midway = Date.parse('2023-06-20T18:00:00+08:00');
    const dtf = (sail: string) =>
      computeBoatProgress(
        courseOf(1),
        fixes.filter((f) => f.sailNumber === sail && f.leg === 1),
        midway,
      ).dtfNm ?? Number.POSITIVE_INFINITY;
    expect(dtf(leg1[0]!.sailNumber)).toBeLessThan(dtf(leg1[leg1.length - 1]!.sailNumber));
  });
});
