import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SailingScoringError, type SailingScoringErrorKind } from './errors.js';
import {
  sailingScoringPenaltyPoints,
  scoreRallyLeg,
  type RallyEntry,
  type RallyLeg,
  type RallyLegResultInput,
} from './leg-scoring.js';

const START = '2023-06-24T09:00:00+08:00';
const leg: RallyLeg = { startsAt: START, distanceNm: 127 };

/** Finish `minutes` after the start, as a UTC instant. */
function at(minutes: number): string {
  return new Date(Date.parse(START) + minutes * 60_000).toISOString();
}

function entries(count: number, rating?: (i: number) => number): RallyEntry[] {
  return Array.from({ length: count }, (_, i) => ({ entryId: `B${i + 1}`, ...(rating ? { rating: rating(i) } : {}) }));
}

function pointsOf(rows: ReturnType<typeof scoreRallyLeg>): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.entryId, row.points]));
}

function placesOf(rows: ReturnType<typeof scoreRallyLeg>): Record<string, number | null> {
  return Object.fromEntries(rows.map((row) => [row.entryId, row.place]));
}

describe('scoreRallyLeg — places and points', () => {
  const cases: {
    name: string;
    entries: RallyEntry[];
    leg?: RallyLeg;
    results: RallyLegResultInput[];
    penaltyPercent?: number;
    points: Record<string, number>;
    places: Record<string, number | null>;
  }[] = [
    {
      name: 'A4 low point: place = points, finish order by elapsed time (one-design)',
      entries: entries(3),
      results: [
        { entryId: 'B2', finishedAt: at(600) },
        { entryId: 'B1', finishedAt: at(620) },
        { entryId: 'B3', finishedAt: at(590) },
      ],
      points: { B3: 1, B2: 2, B1: 3 },
      places: { B3: 1, B2: 2, B1: 3 },
    },
    {
      name: 'A3 time-on-time: corrected time, not elapsed, decides',
      entries: [
        { entryId: 'fast', rating: 1.1 },
        { entryId: 'slow', rating: 0.9 },
      ],
      // fast: 600 × 1.1 = 660; slow: 700 × 0.9 = 630
      results: [
        { entryId: 'fast', finishedAt: at(10) },
        { entryId: 'slow', finishedAt: at(700 / 60) },
      ],
      points: { slow: 1, fast: 2 },
      places: { slow: 1, fast: 2 },
    },
    {
      name: 'A7: two boats tied for 2nd share (2 + 3) / 2',
      entries: entries(4),
      results: [
        { entryId: 'B1', finishedAt: at(100) },
        { entryId: 'B2', finishedAt: at(110) },
        { entryId: 'B3', finishedAt: at(110) },
        { entryId: 'B4', finishedAt: at(120) },
      ],
      points: { B1: 1, B2: 2.5, B3: 2.5, B4: 4 },
      places: { B1: 1, B2: 2, B3: 2, B4: 4 },
    },
    {
      name: 'A7: three boats tied for 4th score (4 + 5 + 6) / 3 = 5 each',
      entries: entries(7),
      results: [
        { entryId: 'B1', finishedAt: at(100) },
        { entryId: 'B2', finishedAt: at(101) },
        { entryId: 'B3', finishedAt: at(102) },
        { entryId: 'B4', finishedAt: at(103) },
        { entryId: 'B5', finishedAt: at(103) },
        { entryId: 'B6', finishedAt: at(103) },
        { entryId: 'B7', finishedAt: at(104) },
      ],
      points: { B1: 1, B2: 2, B3: 3, B4: 5, B5: 5, B6: 5, B7: 7 },
      places: { B1: 1, B2: 2, B3: 3, B4: 4, B5: 4, B6: 4, B7: 7 },
    },
    {
      name: 'A7 on corrected time: different elapsed, equal corrected',
      entries: [
        { entryId: 'X', rating: 1.2 },
        { entryId: 'Y', rating: 1 },
        { entryId: 'Z', rating: 1 },
      ],
      results: [
        { entryId: 'X', finishedAt: at(100) }, // 6000 s × 1.2 = 7200
        { entryId: 'Y', finishedAt: at(120) }, // 7200
        { entryId: 'Z', finishedAt: at(119) },
      ],
      points: { Z: 1, X: 2.5, Y: 2.5 },
      places: { Z: 1, X: 2, Y: 2 },
    },
    {
      name: 'A5.2: every non-finisher code scores entries + 1; a missing boat is DNC',
      entries: entries(12),
      results: [
        { entryId: 'B1', finishedAt: at(100) },
        { entryId: 'B2', code: 'DNS' },
        { entryId: 'B3', code: 'OCS' },
        { entryId: 'B4', code: 'UFD' },
        { entryId: 'B5', code: 'BFD' },
        { entryId: 'B6', code: 'NSC', finishedAt: at(90) },
        { entryId: 'B7', code: 'DNF' },
        { entryId: 'B8', code: 'RET' },
        { entryId: 'B9', code: 'DSQ', finishedAt: at(80) },
        { entryId: 'B10', code: 'DNE' },
        { entryId: 'B11', code: 'DNC' },
      ],
      points: { B1: 1, B2: 13, B3: 13, B4: 13, B5: 13, B6: 13, B7: 13, B8: 13, B9: 13, B10: 13, B11: 13, B12: 13 },
      places: {
        B1: 1,
        B2: null,
        B3: null,
        B4: null,
        B5: null,
        B6: null,
        B7: null,
        B8: null,
        B9: null,
        B10: null,
        B11: null,
        B12: null,
      },
    },
    {
      name: 'A6.1: a boat disqualified after finishing gives up her place; boats behind move up',
      entries: entries(3),
      results: [
        { entryId: 'B1', code: 'DSQ', finishedAt: at(100) },
        { entryId: 'B2', finishedAt: at(110) },
        { entryId: 'B3', finishedAt: at(120) },
      ],
      points: { B2: 1, B3: 2, B1: 4 },
      places: { B2: 1, B3: 2, B1: null },
    },
    {
      name: 'ZFP: 10 entries, DNF 11, penalty round(2.2) = 2; boats behind keep their places',
      entries: entries(10),
      results: [
        { entryId: 'B1', finishedAt: at(100) },
        { entryId: 'B2', finishedAt: at(101) },
        { entryId: 'B3', code: 'ZFP', finishedAt: at(102) },
        { entryId: 'B4', finishedAt: at(103) },
        { entryId: 'B5', finishedAt: at(104) },
      ],
      points: { B1: 1, B2: 2, B3: 5, B4: 4, B5: 5, B6: 11, B7: 11, B8: 11, B9: 11, B10: 11 },
      places: { B1: 1, B2: 2, B3: 3, B4: 4, B5: 5, B6: null, B7: null, B8: null, B9: null, B10: null },
    },
    {
      name: 'SCP never worse than the DNF score',
      entries: entries(4),
      results: [
        { entryId: 'B1', finishedAt: at(100) },
        { entryId: 'B2', finishedAt: at(101) },
        { entryId: 'B3', finishedAt: at(102) },
        { entryId: 'B4', code: 'SCP', finishedAt: at(103) },
      ],
      // DNF 5, penalty round(1.0) = 1: 4 + 1 = 5 (= DNF, not worse)
      points: { B1: 1, B2: 2, B3: 3, B4: 5 },
      places: { B1: 1, B2: 2, B3: 3, B4: 4 },
    },
    {
      name: 'SCP with a configured 30 % penalty: DNF 5 × 30 % = 1.5 rounds up to 2',
      entries: entries(4),
      penaltyPercent: 30,
      results: [
        { entryId: 'B1', code: 'SCP', finishedAt: at(100) },
        { entryId: 'B2', finishedAt: at(101) },
        { entryId: 'B3', finishedAt: at(102) },
        { entryId: 'B4', finishedAt: at(103) },
      ],
      points: { B1: 3, B2: 2, B3: 3, B4: 4 },
      places: { B1: 1, B2: 2, B3: 3, B4: 4 },
    },
    {
      name: 'RDG and DPI carry the committee-given points; an RDG finisher keeps her place for others',
      entries: entries(4),
      results: [
        { entryId: 'B1', code: 'RDG', points: 1.5, finishedAt: at(110) },
        { entryId: 'B2', finishedAt: at(100) },
        { entryId: 'B3', code: 'DPI', points: 4, finishedAt: at(105) },
        { entryId: 'B4', code: 'RDG', points: 2.75 },
      ],
      points: { B1: 1.5, B2: 1, B3: 4, B4: 2.75 },
      places: { B1: 3, B2: 1, B3: 2, B4: null },
    },
    {
      name: 'leg coefficient 2 multiplies every score, shared places and codes included',
      entries: entries(4),
      leg: { ...leg, coefficient: 2 },
      results: [
        { entryId: 'B1', finishedAt: at(100) },
        { entryId: 'B2', finishedAt: at(100) },
        { entryId: 'B3', code: 'RDG', points: 2 },
      ],
      points: { B1: 3, B2: 3, B3: 4, B4: 10 },
      places: { B1: 1, B2: 1, B3: null, B4: null },
    },
  ];

  it.each(cases)('$name', (c) => {
    const rows = scoreRallyLeg({
      entries: c.entries,
      leg: c.leg ?? leg,
      results: c.results,
      ...(c.penaltyPercent === undefined ? {} : { options: { scoringPenaltyPercent: c.penaltyPercent } }),
    });
    expect(pointsOf(rows)).toEqual(c.points);
    expect(placesOf(rows)).toEqual(c.places);
  });
});

describe('scoreRallyLeg — row contents and order', () => {
  it('fills timing and sorts by points then corrected time', () => {
    const rows = scoreRallyLeg({
      entries: entries(4),
      leg: { startsAt: START, distanceNm: 41 },
      results: [
        { entryId: 'B4', code: 'DNF' },
        { entryId: 'B2', finishedAt: '2023-06-24T14:00:00+08:00' },
        { entryId: 'B1', finishedAt: '2023-06-24T14:30:00+08:00' },
      ],
    });
    expect(rows).toEqual([
      {
        place: 1,
        entryId: 'B2',
        finishedAt: '2023-06-24T14:00:00+08:00',
        elapsedSeconds: 18000,
        correctedSeconds: 18000,
        speedKnots: 8.2,
        code: null,
        points: 1,
      },
      {
        place: 2,
        entryId: 'B1',
        finishedAt: '2023-06-24T14:30:00+08:00',
        elapsedSeconds: 19800,
        correctedSeconds: 19800,
        speedKnots: 41 / 5.5,
        code: null,
        points: 2,
      },
      {
        place: null,
        entryId: 'B3',
        finishedAt: null,
        elapsedSeconds: null,
        correctedSeconds: null,
        speedKnots: null,
        code: 'DNC',
        points: 5,
      },
      {
        place: null,
        entryId: 'B4',
        finishedAt: null,
        elapsedSeconds: null,
        correctedSeconds: null,
        speedKnots: null,
        code: 'DNF',
        points: 5,
      },
    ]);
  });
});

describe('scoreRallyLeg — validation', () => {
  const base = entries(3);
  it.each<[string, RallyLegResultInput[], SailingScoringErrorKind, RallyLeg?]>([
    ['unknown entry', [{ entryId: 'ghost', finishedAt: at(10) }], 'UNKNOWN_ENTRY'],
    [
      'duplicate entry in the leg',
      [
        { entryId: 'B1', finishedAt: at(10) },
        { entryId: 'B1', code: 'DNF' },
      ],
      'DUPLICATE_RESULT',
    ],
    ['unknown code', [{ entryId: 'B1', code: 'RAF' }], 'UNKNOWN_CODE'],
    ['lower-case code is not guessed', [{ entryId: 'B1', code: 'dnf' }], 'UNKNOWN_CODE'],
    ['RDG without points', [{ entryId: 'B1', code: 'RDG' }], 'MISSING_POINTS'],
    ['DPI without points', [{ entryId: 'B1', code: 'DPI', finishedAt: at(10) }], 'MISSING_POINTS'],
    ['RDG with zero points', [{ entryId: 'B1', code: 'RDG', points: 0 }], 'INVALID_POINTS'],
    ['points with a DNF', [{ entryId: 'B1', code: 'DNF', points: 3 }], 'UNEXPECTED_POINTS'],
    ['ZFP without a finish', [{ entryId: 'B1', code: 'ZFP' }], 'MISSING_FINISH'],
    ['SCP without a finish', [{ entryId: 'B1', code: 'SCP', finishedAt: null }], 'MISSING_FINISH'],
    ['DNS with a finish', [{ entryId: 'B1', code: 'DNS', finishedAt: at(10) }], 'UNEXPECTED_FINISH'],
    ['finish before the start', [{ entryId: 'B1', finishedAt: at(-1) }], 'FINISH_NOT_AFTER_START'],
    ['finish without offset', [{ entryId: 'B1', finishedAt: '2023-06-24T12:00:00' }], 'INVALID_INSTANT'],
    ['zero coefficient', [], 'INVALID_COEFFICIENT', { ...leg, coefficient: 0 }],
    ['zero distance', [], 'INVALID_DISTANCE', { ...leg, distanceNm: 0 }],
    ['start without offset', [], 'INVALID_INSTANT', { ...leg, startsAt: '2023-06-24T09:00:00' }],
  ])('%s', (_name, results, kind, customLeg) => {
    expect(() => scoreRallyLeg({ entries: base, leg: customLeg ?? leg, results })).toThrow(
      expect.objectContaining({ kind, name: 'SailingScoringError' }),
    );
  });

  it('duplicate and invalid entries', () => {
    expect(() => scoreRallyLeg({ entries: [{ entryId: 'A' }, { entryId: 'A' }], leg, results: [] })).toThrow(
      expect.objectContaining({ kind: 'DUPLICATE_ENTRY' }),
    );
    expect(() => scoreRallyLeg({ entries: [{ entryId: 'A', rating: -1 }], leg, results: [] })).toThrow(
      expect.objectContaining({ kind: 'INVALID_RATING' }),
    );
    expect(() => scoreRallyLeg({ entries: [{ entryId: ' ' }], leg, results: [] })).toThrow(SailingScoringError);
  });

  it('penalty percent outside 0–100 is refused', () => {
    expect(() => scoreRallyLeg({ entries: base, leg, results: [], options: { scoringPenaltyPercent: 120 } })).toThrow(
      expect.objectContaining({ kind: 'INVALID_PENALTY_PERCENT' }),
    );
  });
});

describe('sailingScoringPenaltyPoints', () => {
  it.each([
    // [place points, DNF score, percent, expected]
    [3, 11, 20, 5], // 2.2 → 2
    [1, 13, 20, 4], // 2.6 → 3
    [1, 8, 20, 3], // 1.6 → 2
    [2, 13, 50, 9], // 6.5 → 7 (0.5 upward)
    [1, 5, 30, 3], // 1.5 → 2
    [7, 8, 20, 8], // 7 + 2 = 9, capped at DNF 8
    [2.5, 11, 20, 4.5], // a tied finisher keeps her averaged points as the base
    [4, 11, 0, 4],
  ])('place points %d, DNF %d, %d %% → %d', (placePoints, dnf, percent, expected) => {
    expect(sailingScoringPenaltyPoints(placePoints, dnf, percent)).toBe(expected);
  });
});

describe('scoreRallyLeg — properties', () => {
  const resultArb = fc.oneof(
    fc.record({ kind: fc.constant('finish' as const), minutes: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constantFrom('DNF', 'DNS', 'OCS', 'RET', 'DSQ', 'DNE', 'BFD', 'UFD', 'NSC', 'DNC') }),
    fc.record({ kind: fc.constantFrom('ZFP', 'SCP'), minutes: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constantFrom('RDG', 'DPI'), points: fc.integer({ min: 2, max: 40 }).map((n) => n / 2) }),
    fc.constant(null),
  );
  const legArb = fc.array(resultArb, { minLength: 1, maxLength: 12 });

  function toResults(
    spec: readonly (null | { kind: string; minutes?: number; points?: number })[],
  ): RallyLegResultInput[] {
    const out: RallyLegResultInput[] = [];
    spec.forEach((s, i) => {
      const entryId = `B${i + 1}`;
      if (s === null) return;
      if (s.kind === 'finish') out.push({ entryId, finishedAt: at(s.minutes ?? 1) });
      else if (s.minutes !== undefined) out.push({ entryId, code: s.kind, finishedAt: at(s.minutes) });
      else if (s.points !== undefined) out.push({ entryId, code: s.kind, points: s.points });
      else out.push({ entryId, code: s.kind });
    });
    return out;
  }

  it('every score is at least 1 (× coefficient) and at most the DNF score (× coefficient) except committee points', () => {
    fc.assert(
      fc.property(legArb, fc.constantFrom(1, 1.5, 2), (spec, coefficient) => {
        const rows = scoreRallyLeg({
          entries: entries(spec.length),
          leg: { ...leg, coefficient },
          results: toResults(spec),
        });
        expect(rows).toHaveLength(spec.length);
        for (const row of rows) {
          expect(row.points).toBeGreaterThanOrEqual(coefficient);
          if (row.code !== 'RDG' && row.code !== 'DPI')
            expect(row.points).toBeLessThanOrEqual((spec.length + 1) * coefficient);
        }
      }),
    );
  });

  it('clean finishers share exactly the points 1..n (A7 averaging preserves the sum)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 10 }), (minutes) => {
        const rows = scoreRallyLeg({
          entries: entries(minutes.length),
          leg,
          results: minutes.map((m, i) => ({ entryId: `B${i + 1}`, finishedAt: at(m) })),
        });
        const sum = rows.reduce((s, r) => s + r.points, 0);
        const n = minutes.length;
        expect(sum).toBeCloseTo((n * (n + 1)) / 2, 9);
      }),
    );
  });

  it('the order of the submitted results does not change the scored leg', () => {
    fc.assert(
      fc.property(
        legArb.chain((spec) =>
          fc.tuple(fc.constant(spec), fc.shuffledSubarray(toResults(spec), { minLength: toResults(spec).length })),
        ),
        ([spec, shuffled]) => {
          const a = scoreRallyLeg({ entries: entries(spec.length), leg, results: toResults(spec) });
          const b = scoreRallyLeg({ entries: [...entries(spec.length)].reverse(), leg, results: shuffled });
          expect(b).toEqual(a);
        },
      ),
    );
  });
});
