import { describe, expect, it } from 'vitest';
import {
  type Course,
  courseLengthNm,
  distanceToFinishNm,
  finishCrossing,
  finishPoint,
  hasPassedWaypoint,
} from './course.js';
import { EARTH_RADIUS_NM, greatCircleNm, midpoint } from './geo.js';
import {
  type TrackFix,
  computeBoatProgress,
  distanceSailedNm,
  recentAverageSpeedKn,
  speedBetweenKn,
} from './progress.js';
import { rankByDistanceToFinish } from './ranking.js';
import { simplifyTrack } from './simplify.js';

const HOUR = 3_600_000;
/** One degree of arc on the trackers' sphere (R = 6371 km = 3440.065 nm): 60.0405 nm. */
const DEGREE_NM = (EARTH_RADIUS_NM * Math.PI) / 180;

describe('greatCircleNm on the 6371 km sphere', () => {
  it.each([
    ['one degree along a meridian', { lat: 0, lon: 0 }, { lat: 1, lon: 0 }, 60.0405],
    ['one degree along the equator', { lat: 0, lon: 10 }, { lat: 0, lon: 11 }, 60.0405],
    ['a quarter of a meridian (equator to pole)', { lat: 0, lon: 0 }, { lat: 90, lon: 0 }, 5403.6],
    ['across the antimeridian', { lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 }, 60.0405],
    [
      'one degree of longitude at 60°N is half a degree of arc, less a little (great circle, not rhumb)',
      { lat: 60, lon: 0 },
      { lat: 60, lon: 1 },
      30.0175,
    ],
    ['the same point', { lat: 36.085, lon: 120.315 }, { lat: 36.085, lon: 120.315 }, 0],
  ])('%s', (_label, a, b, expected) => {
    expect(greatCircleNm(a, b)).toBeCloseTo(expected, 1);
    expect(greatCircleNm(b, a)).toBeCloseTo(expected, 1);
  });

  it('midpoint of a line on the equator', () => {
    const m = midpoint({ lat: 0, lon: 0 }, { lat: 0, lon: 2 });
    expect(m.lat).toBeCloseTo(0, 9);
    expect(m.lon).toBeCloseTo(1, 9);
  });
});

// A square course: start at the origin, round a mark one degree east, finish one degree north of it.
const square: Course = {
  start: { lat: 0, lon: 0 },
  waypoints: [{ lat: 0, lon: 1, name: 'East mark' }],
  finish: { lat: 1, lon: 1 },
};

describe('distance to finish through the waypoints', () => {
  it.each([
    ['at the start: to the mark, then the mark to the finish', { lat: 0, lon: 0 }, 0, 2 * DEGREE_NM],
    ['half way to the mark', { lat: 0, lon: 0.5 }, 0, 1.5 * DEGREE_NM],
    [
      'beside the finish but the mark not yet passed: the course, not the crow',
      { lat: 0.9, lon: 0.9 },
      0,
      greatCircleNm({ lat: 0.9, lon: 0.9 }, { lat: 0, lon: 1 }) + DEGREE_NM,
    ],
    ['mark passed: the plain great circle to the finish', { lat: 0.5, lon: 1 }, 1, 0.5 * DEGREE_NM],
  ])('%s', (_label, position, nextWaypoint, expected) => {
    expect(distanceToFinishNm(square, position, nextWaypoint)).toBeCloseTo(expected, 3);
  });

  it('with no waypoints is the plain great circle to the finish (Vendée Globe, open Atlantic)', () => {
    // The Vendée Globe's rankings measure DTF in the open Atlantic as the great circle to the finish
    // off Les Sables d'Olonne (about 46.5°N 1.8°W); from 38.5°N 28.0°W near the Azores that is 1,247.9 nm.
    const finish = { lat: 46.5, lon: -1.8 };
    const course: Course = { start: { lat: -10, lon: -30 }, waypoints: [], finish };
    const azores = { lat: 38.5, lon: -28 };
    expect(distanceToFinishNm(course, azores, 0)).toBe(greatCircleNm(azores, finish));
    expect(distanceToFinishNm(course, azores, 0)).toBeCloseTo(1247.9, 1);
  });

  it('a finish line is measured to its midpoint', () => {
    const lined: Course = {
      ...square,
      finish: [
        { lat: 1, lon: 0.9 },
        { lat: 1, lon: 1.1 },
      ],
    };
    expect(finishPoint(lined.finish).lon).toBeCloseTo(1, 6);
    expect(distanceToFinishNm(lined, { lat: 0.5, lon: 1 }, 1)).toBeCloseTo(0.5 * DEGREE_NM, 2);
    expect(courseLengthNm(lined)).toBeCloseTo(2 * DEGREE_NM, 2);
  });
});

describe('passing rule: beyond the line through the mark perpendicular to the course', () => {
  // Course direction at the east mark: start (0,0) → finish (1,1), so the line runs north-west/south-east.
  it.each([
    ['short of the mark', { lat: 0, lon: 0.8 }, false],
    ['abeam but on the near side of the bisector line', { lat: -0.1, lon: 0.95 }, false],
    ['rounded wide, well south of the mark', { lat: -0.3, lon: 1.4 }, true],
    ['just round the mark, heading north', { lat: 0.05, lon: 1 }, true],
  ])('%s', (_label, position, passed) => {
    expect(hasPassedWaypoint(square, 0, position)).toBe(passed);
  });

  // North to (1,0), east to (1,1), finish back at (0,1): the second mark's line runs north-east/south-west through it.
  const twoMarks: Course = {
    start: { lat: 0, lon: 0 },
    waypoints: [
      { lat: 1, lon: 0 },
      { lat: 1, lon: 1 },
    ],
    finish: { lat: 0, lon: 1 },
  };

  it("marks are passed in order: beyond the second mark's line but not the first's passes neither", () => {
    const stray = { lat: -0.5, lon: 0.3 };
    expect(hasPassedWaypoint(twoMarks, 1, stray)).toBe(true);
    const progress = computeBoatProgress(
      twoMarks,
      [
        { lat: 0, lon: 0, at: 0 },
        { ...stray, at: HOUR },
      ],
      HOUR,
    );
    expect(progress.nextWaypoint).toBe(0);
    expect(progress.dtfNm).toBeCloseTo(
      greatCircleNm(stray, { lat: 1, lon: 0 }) + greatCircleNm({ lat: 1, lon: 0 }, { lat: 1, lon: 1 }) + DEGREE_NM,
      6,
    );
  });

  it('passing is remembered: a later fix back on the near side does not un-pass a mark', () => {
    const fixes: TrackFix[] = [
      { lat: 0, lon: 0, at: 0 },
      { lat: 1.1, lon: 0.1, at: HOUR },
      { lat: 0.9, lon: -0.1, at: 2 * HOUR },
    ];
    expect(computeBoatProgress(twoMarks, fixes, 2 * HOUR).nextWaypoint).toBe(1);
    expect(computeBoatProgress(twoMarks, fixes, HOUR / 2).nextWaypoint).toBe(0);
  });
});

describe('finish crossing', () => {
  it('crosses a finish line between two fixes, at the interpolated fraction', () => {
    const lined: Course = {
      ...square,
      finish: [
        { lat: 1, lon: 0.9 },
        { lat: 1, lon: 1.1 },
      ],
    };
    expect(finishCrossing(lined, { lat: 0.9, lon: 1 }, { lat: 1.1, lon: 1 })).toBeCloseTo(0.5, 3);
    expect(finishCrossing(lined, { lat: 0.9, lon: 1.3 }, { lat: 1.1, lon: 1.3 })).toBeNull();
  });

  it('reaches a point finish within its radius, not miles off it', () => {
    expect(finishCrossing(square, { lat: 0.99, lon: 1 }, { lat: 1.01, lon: 1 })).toBeCloseTo(0.5, 3);
    expect(finishCrossing(square, { lat: 0.99, lon: 1.2 }, { lat: 1.01, lon: 1.2 })).toBeNull();
  });

  it('on a course that finishes where it started, the line is square to the boat’s own heading', () => {
    const roundTrip: Course = { start: { lat: 46.47, lon: -1.79 }, waypoints: [], finish: { lat: 46.47, lon: -1.79 } };
    expect(finishCrossing(roundTrip, { lat: 46.46, lon: -1.79 }, { lat: 46.48, lon: -1.79 })).toBeCloseTo(0.5, 2);
    expect(finishCrossing(roundTrip, { lat: 46.0, lon: -1.79 }, { lat: 46.1, lon: -1.79 })).toBeNull();
  });

  it('a finished boat ranks with DTF 0 and the interpolated finish time; later fixes change nothing', () => {
    const fixes: TrackFix[] = [
      { lat: 0, lon: 0, at: 0 },
      { lat: 0, lon: 1.1, at: 10 * HOUR },
      { lat: 0.99, lon: 1, at: 20 * HOUR },
      { lat: 1.01, lon: 1, at: 21 * HOUR },
      { lat: 1.3, lon: 1.5, at: 30 * HOUR },
    ];
    const progress = computeBoatProgress(square, fixes, 40 * HOUR);
    expect(progress.finishedAt).toBe(20.5 * HOUR);
    expect(progress.dtfNm).toBe(0);
    expect(progress.last?.at).toBe(21 * HOUR);
    expect(progress.etaAt).toBeNull();
  });
});

describe('speed, distance sailed and naive ETA', () => {
  const northward: TrackFix[] = Array.from({ length: 11 }, (_, h) => ({ lat: h * 0.1, lon: 1, at: h * HOUR }));

  it('speed over ground from successive fixes: 0.1° of latitude an hour is 6.0 kn', () => {
    expect(speedBetweenKn(northward[0] as TrackFix, northward[1] as TrackFix)).toBeCloseTo(DEGREE_NM / 10, 6);
    expect(speedBetweenKn(northward[0] as TrackFix, northward[0] as TrackFix)).toBeNull();
  });

  it('distance sailed sums the legs between fixes', () => {
    expect(distanceSailedNm(northward)).toBeCloseTo(DEGREE_NM, 6);
  });

  it('the average over the last 3 hours drives the ETA', () => {
    const slowThenFast: TrackFix[] = [
      { lat: 0, lon: 1, at: 0 },
      { lat: 0.01, lon: 1, at: 5 * HOUR },
      { lat: 0.31, lon: 1, at: 8 * HOUR },
    ];
    expect(recentAverageSpeedKn(slowThenFast, 3)).toBeCloseTo((0.3 * DEGREE_NM) / 3, 6);
    // Fixes further apart than the window: the last two still give the speed.
    expect(recentAverageSpeedKn(slowThenFast.slice(0, 2), 3)).toBeCloseTo((0.01 * DEGREE_NM) / 5, 6);
    expect(recentAverageSpeedKn(slowThenFast.slice(0, 1), 3)).toBeNull();
    const passed = computeBoatProgress(square, slowThenFast, 8 * HOUR);
    // DTF 0.69° at 6.0 kn: 6.9 hours after the last fix.
    expect(passed.nextWaypoint).toBe(1);
    expect(passed.etaAt).toBe(Math.round(8 * HOUR + 6.9 * HOUR));
  });

  it('uses the feed’s own speed when given', () => {
    const fixes: TrackFix[] = [
      { lat: 0, lon: 0, at: 0 },
      { lat: 0, lon: 0.1, at: HOUR, sogKn: 7.5 },
    ];
    expect(computeBoatProgress(square, fixes, HOUR).sogKn).toBe(7.5);
  });

  it('a boat with no fix yet has no DTF', () => {
    const progress = computeBoatProgress(square, [{ lat: 0, lon: 0.1, at: 5 * HOUR }], 4 * HOUR);
    expect(progress.last).toBeNull();
    expect(progress.dtfNm).toBeNull();
  });
});

describe('ranking by DTF: real published Vendée Globe 2024-25 rankings', () => {
  // Official ranking of 19 January 2025, 13:00 FR, as published by the race (vendeeglobe.org rankings)
  // and reproduced at https://infos-nantes.fr/?p=70445: the three finishers first in finishing order,
  // then ascending DTF with the distance to the leader measured from the best boat still racing.
  const finish = (iso: string) => Date.parse(iso);
  const published = [
    { id: 'Charlie Dalin', finishedAt: finish('2025-01-14T08:24:49+01:00'), dtfNm: 0, rank: 1, dtlNm: 0 },
    { id: 'Yoann Richomme', finishedAt: finish('2025-01-15T07:12:02+01:00'), dtfNm: 0, rank: 2, dtlNm: 0 },
    { id: 'Sébastien Simon', finishedAt: finish('2025-01-17T01:27:37+01:00'), dtfNm: 0, rank: 3, dtlNm: 0 },
    { id: 'Sam Goodchild', finishedAt: null, dtfNm: 1614.0, rank: 4, dtlNm: 0 },
    { id: 'Jérémie Beyou', finishedAt: null, dtfNm: 1617.2, rank: 5, dtlNm: 3.2 },
    { id: 'Paul Meilhat', finishedAt: null, dtfNm: 1717.9, rank: 6, dtlNm: 103.9 },
    { id: 'Nicolas Lunven', finishedAt: null, dtfNm: 1741.1, rank: 7, dtlNm: 127.1 },
    { id: 'Justine Mettraux', finishedAt: null, dtfNm: 1809.6, rank: 8, dtlNm: 195.6 },
    { id: 'Thomas Ruyant', finishedAt: null, dtfNm: 1967.6, rank: 9, dtlNm: 353.6 },
  ];

  it('19 Jan 2025 13:00: finishers first in finishing order, then ascending DTF, DTL from the racing leader', () => {
    const shuffled = [
      published[6],
      published[1],
      published[3],
      published[8],
      published[0],
      published[5],
      published[2],
      published[7],
      published[4],
    ];
    const ranked = rankByDistanceToFinish(
      shuffled.map((b) => ({ id: b!.id, finishedAt: b!.finishedAt, dtfNm: b!.dtfNm })),
    );
    expect(ranked.map((b) => b.id)).toEqual(published.map((b) => b.id));
    expect(ranked.map((b) => b.rank)).toEqual(published.map((b) => b.rank));
    ranked.forEach((b, i) => expect(b.dtlNm).toBeCloseTo(published[i]!.dtlNm, 1));
  });

  it.each([
    // 18 Nov 2024 07:00 (https://infos-nantes.fr/classement-vendee-globe-2024-le-18-novembre-2024-a-7h):
    // Goodchild 22,315.4 nm to finish leads Simon (22,358.2, 42.8 behind) and Ruyant (22,376.4, 61.0 behind).
    [
      '18 Nov 2024 07:00',
      [
        ['Thomas Ruyant', 22376.4],
        ['Sam Goodchild', 22315.4],
        ['Sébastien Simon', 22358.2],
      ],
      ['Sam Goodchild', 'Sébastien Simon', 'Thomas Ruyant'],
      [0, 42.8, 61.0],
    ],
    // 4 Jan 2025 11:00 (https://infos-nantes.fr/vendee-globe-2024-classement-du-4-janvier-2025-a-13h):
    // Dalin DTF 3,751.8 nm; Richomme 128.3 nm behind, so 3,880.1 nm to finish.
    [
      '4 Jan 2025 11:00',
      [
        ['Yoann Richomme', 3880.1],
        ['Charlie Dalin', 3751.8],
      ],
      ['Charlie Dalin', 'Yoann Richomme'],
      [0, 128.3],
    ],
  ] as const)('%s', (_label, boats, order, dtl) => {
    const ranked = rankByDistanceToFinish(boats.map(([id, dtfNm]) => ({ id, finishedAt: null, dtfNm })));
    expect(ranked.map((b) => b.id)).toEqual(order);
    ranked.forEach((b, i) => expect(b.dtlNm).toBeCloseTo(dtl[i] as number, 1));
  });

  it('equal DTF share a rank; boats without a fix come last, unranked', () => {
    const ranked = rankByDistanceToFinish([
      { id: 'a', finishedAt: null, dtfNm: 10 },
      { id: 'none', finishedAt: null, dtfNm: null },
      { id: 'b', finishedAt: null, dtfNm: 10 },
      { id: 'c', finishedAt: null, dtfNm: 12 },
    ]);
    expect(ranked.map((b) => [b.id, b.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['none', null],
    ]);
  });
});

describe('Douglas–Peucker trail simplification', () => {
  it('a straight run collapses to its ends', () => {
    const line = Array.from({ length: 100 }, (_, i) => ({ lat: 0, lon: i * 0.01 }));
    expect(simplifyTrack(line, 0.1)).toEqual([line[0], line[99]]);
  });

  it('keeps corners farther than the tolerance and drops small wiggles', () => {
    const zigzag = [
      { lat: 0, lon: 0 },
      { lat: 0.001, lon: 0.5 }, // 0.06 nm off the line: dropped at 0.5 nm tolerance
      { lat: 0, lon: 1 },
      { lat: 1, lon: 1 }, // a real corner
      { lat: 1, lon: 0 },
    ];
    expect(simplifyTrack(zigzag, 0.5)).toEqual([zigzag[0], zigzag[2], zigzag[3], zigzag[4]]);
    expect(simplifyTrack(zigzag, 0.01)).toEqual(zigzag);
  });

  it('handles a 100,000-point track without recursion limits', () => {
    const track = Array.from({ length: 100_000 }, (_, i) => ({ lat: Math.sin(i / 500) * 0.5, lon: i * 0.0001 }));
    const simplified = simplifyTrack(track, 0.05);
    expect(simplified.length).toBeGreaterThan(10);
    expect(simplified.length).toBeLessThan(5_000);
    expect(simplified[0]).toBe(track[0]);
    expect(simplified[simplified.length - 1]).toBe(track[track.length - 1]);
  });
});
