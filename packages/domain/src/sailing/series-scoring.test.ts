import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SailingScoringErrorKind } from './errors.js';
import {
  scoreRallySeries,
  selectRallyDiscards,
  type RallySeriesLegInput,
  type RallySeriesStandingRow,
} from './series-scoring.js';

type Cell = number | [number, string];

/** Builds series legs from a "boat → scores per race" table, like a published result sheet. */
function sheet(
  table: Record<string, readonly Cell[]>,
  nonDiscardable: readonly number[] = [],
): { entries: { entryId: string }[]; legs: RallySeriesLegInput[] } {
  const ids = Object.keys(table);
  const raceCount = Math.max(...ids.map((id) => table[id]?.length ?? 0));
  const legs: RallySeriesLegInput[] = Array.from({ length: raceCount }, (_, r) => ({
    number: r + 1,
    ...(nonDiscardable.includes(r + 1) ? { discardable: false } : {}),
    scores: ids.map((entryId) => {
      const cell = table[entryId]?.[r];
      if (cell === undefined) throw new Error(`missing cell ${entryId} race ${r + 1}`);
      return Array.isArray(cell) ? { entryId, points: cell[0], code: cell[1] } : { entryId, points: cell };
    }),
  }));
  return { entries: ids.map((entryId) => ({ entryId })), legs };
}

function summary(rows: readonly RallySeriesStandingRow[]): [number, string, number, number][] {
  return rows.map((r) => [r.rank, r.entryId, r.total, r.net]);
}

function discardedLegs(rows: readonly RallySeriesStandingRow[], entryId: string): number[] {
  return (
    rows
      .find((r) => r.entryId === entryId)
      ?.legs.filter((l) => l.discarded)
      .map((l) => l.number) ?? []
  );
}

describe('A2.1 — excluded scores', () => {
  it.each<{
    name: string;
    scores: Cell[];
    discards: number;
    nonDiscardable?: number[];
    discarded: number[];
    net: number;
  }>([
    { name: 'no discards by default setting 0', scores: [3, 1, 2], discards: 0, discarded: [], net: 6 },
    { name: 'worst score excluded', scores: [3, 7, 2], discards: 1, discarded: [2], net: 5 },
    { name: 'equal worst: the earliest race goes first', scores: [2, 6, 1, 6], discards: 1, discarded: [2], net: 9 },
    {
      name: 'two discards among three equal worst: the two earliest',
      scores: [5, 1, 5, 5],
      discards: 2,
      discarded: [1, 3],
      net: 6,
    },
    {
      name: 'DNE is never excluded; the next worst is',
      scores: [[8, 'DNE'], 3, 2, 4],
      discards: 1,
      discarded: [4],
      net: 13,
    },
    { name: 'a BFD (unlike DNE) can be excluded', scores: [[8, 'BFD'], 3, 2, 4], discards: 1, discarded: [1], net: 9 },
    {
      name: 'non-discardable leg (notice of race) is skipped',
      scores: [2, 3, 8],
      discards: 1,
      nonDiscardable: [3],
      discarded: [2],
      net: 10,
    },
    { name: 'at most legs − 1 scores are excluded', scores: [4, 2], discards: 3, discarded: [1], net: 2 },
    { name: 'fractional and weighted scores', scores: [2.5, 5, 4.5, 5], discards: 1, discarded: [2], net: 12 },
  ])('$name', ({ scores, discards, nonDiscardable, discarded, net }) => {
    const { entries, legs } = sheet({ A: scores }, nonDiscardable);
    const [row] = scoreRallySeries({ entries, legs, discards });
    expect(row?.legs.filter((l) => l.discarded).map((l) => l.number)).toEqual(discarded);
    expect(row?.net).toBe(net);
    expect(row?.total).toBe(scores.reduce<number>((s, c) => s + (Array.isArray(c) ? c[0] : c), 0));
  });

  it('selectRallyDiscards works on any leg order (earliest = lowest leg number)', () => {
    const picked = selectRallyDiscards(
      [
        { number: 4, points: 6, code: null },
        { number: 2, points: 6, code: null },
        { number: 1, points: 1, code: null },
      ],
      1,
    );
    expect([...picked]).toEqual([1]);
  });
});

describe('A8 — series ties, worked examples of the RRS Appendix A guidance', () => {
  // Examples published with the RYA's guidance on Appendix A scoring, reproduced in
  // "Misconduct — a reference for race officials", p. 105
  // (https://online.flipbuilder.com/rzgo/xtdp/files/basic-html/page105.html). Low point, one discard.
  it('A8.1 breaks the tie for C; A and B stay level under A8.1 and A8.2 (last race) puts B ahead', () => {
    const { entries, legs } = sheet({
      A: [3, 4, 1, 6, 2, 7],
      B: [4, 3, 2, 1, 6, 6],
      C: [1, 2, 7, 3, 3, 14],
    });
    const rows = scoreRallySeries({ entries, legs, discards: 1 });
    expect(summary(rows)).toEqual([
      [1, 'C', 30, 16],
      [2, 'B', 22, 16],
      [3, 'A', 23, 16],
    ]);
    expect(discardedLegs(rows, 'B')).toEqual([5]); // two 6s: the earlier one (race 5) is excluded
    expect(rows.map((r) => r.tieBreak?.rule)).toEqual(['A8.1', 'A8.2', 'A8.2']);
    expect(rows[0]?.tieBreak?.tiedWith).toEqual(['B', 'A']);
    expect(rows[0]?.tieBreak?.explanation).toContain('C 1, 2, 3, 3, 7');
    expect(rows[1]?.tieBreak?.explanation).toContain('A8.1 leaves B level with A');
    expect(rows[1]?.tieBreak?.explanation).toContain('B 6, 6, 1, 2, 3, 4');
  });

  it('A8.2 ranks four boats with identical counted scores by the last race, even a discarded one', () => {
    const { entries, legs } = sheet({
      A: [3, 4, 5, 10],
      B: [11, 3, 4, 5],
      C: [5, 15, 3, 4],
      D: [4, 5, 6, 3],
    });
    const rows = scoreRallySeries({ entries, legs, discards: 1 });
    expect(summary(rows).map(([rank, id, , net]) => [rank, id, net])).toEqual([
      [1, 'D', 12],
      [2, 'C', 12],
      [3, 'B', 12],
      [4, 'A', 12],
    ]);
    expect(rows.every((r) => r.tieBreak?.rule === 'A8.2')).toBe(true);
    expect(rows.find((r) => r.entryId === 'A')?.legs.find((l) => l.number === 4)?.discarded).toBe(true);
  });

  it('A8.2 goes back to the next-to-last race when the last race is level', () => {
    const { entries, legs } = sheet({ P: [1, 3, 2], Q: [3, 1, 2] });
    const rows = scoreRallySeries({ entries, legs });
    expect(summary(rows)).toEqual([
      [1, 'Q', 6, 6],
      [2, 'P', 6, 6],
    ]);
  });

  it('boats that A8 cannot separate share the rank; the next boat skips a rank', () => {
    const { entries, legs } = sheet({ X: [1, 2, 3], Y: [1, 2, 3], Z: [2, 1, 1], W: [4, 4, 4] });
    const rows = scoreRallySeries({ entries, legs });
    expect(summary(rows)).toEqual([
      [1, 'Z', 4, 4],
      [2, 'X', 6, 6],
      [2, 'Y', 6, 6],
      [4, 'W', 12, 12],
    ]);
    expect(rows[1]?.tieBreak).toEqual({
      rule: 'unbroken',
      tiedWith: ['Y'],
      explanation: 'Tied on 6 net points with Y. Neither A8.1 nor A8.2 separates X from Y: they share rank 2.',
    });
    expect(rows[0]?.tieBreak).toBeUndefined();
  });

  it('a three-way tie split 1 + 2 by A8.1, then the pair by A8.2', () => {
    const { entries, legs } = sheet({ K: [2, 2, 2], L: [1, 3, 2], M: [3, 1, 2] });
    const rows = scoreRallySeries({ entries, legs });
    expect(rows.map((r) => [r.rank, r.entryId, r.tieBreak?.rule])).toEqual([
      [1, 'M', 'A8.2'],
      [2, 'L', 'A8.2'],
      [3, 'K', 'A8.1'],
    ]);
  });
});

describe('real published result sheets', () => {
  // RS Vareo National Championship 2020, Itchenor SC, 10–12 July 2020; results published by
  // SailWeb, 17 July 2020 ("Small but perfectly formed – RS Vareo National Championships",
  // https://www.sailweb.co.uk/2020/07/17/small-but-perfectly-formed-rs-vareo-national-championships/).
  // 5 boats, 11 races. The report says "five discards", but the sheet brackets four scores per boat
  // and 7 of 11 races count in every published total; four discards reproduce every total.
  // DNC and RET score 5 + 1 = 6 (A5.2). Sheet: 1 -2 1 1 1 1 -2 1 -3 -2 1 → 7 pts, etc.
  const vareo = sheet({
    '162 Crickmore': [1, 2, 1, 1, 1, 1, 2, 1, 3, 2, 1],
    '128 Ward': [4, 1, 2, 3, 2, 2, 1, [6, 'RET'], 2, 1, 2],
    '443 North': [2, 4, 4, 2, 3, 4, 4, 3, 4, 5, 4],
    '539 Dicker': [3, 3, 3, 4, 4, 3, 3, 4, 5, 4, 5],
    '147 Prior': [[6, 'DNC'], [6, 'DNC'], [6, 'DNC'], 5, 5, [6, 'DNC'], [6, 'DNC'], 2, 1, 3, 3],
  });

  it('RS Vareo Nationals 2020: published nets 7, 11, 22, 23, 25 and order', () => {
    const rows = scoreRallySeries({ ...vareo, discards: 4 });
    expect(rows.map((r) => [r.rank, r.entryId, r.net])).toEqual([
      [1, '162 Crickmore', 7],
      [2, '128 Ward', 11],
      [3, '443 North', 22],
      [4, '539 Dicker', 23],
      [5, '147 Prior', 25],
    ]);
  });

  it.each([
    // the bracketed (excluded) races on the published sheet; equal worst → earliest races first
    ['162 Crickmore', [2, 7, 9, 10]],
    ['128 Ward', [1, 3, 4, 8]], // -4, -2 (first of five 2s), -3 and the RET
    ['443 North', [2, 3, 6, 10]], // -4 -4 -4 are the three earliest of six 4s
    ['539 Dicker', [4, 5, 9, 11]], // both 5s and the two earliest of four 4s
    ['147 Prior', [1, 2, 3, 6]], // four of five DNCs, the earliest; race 7 DNC counts
  ])('RS Vareo Nationals 2020: %s excludes races %j', (entryId, races) => {
    const rows = scoreRallySeries({ ...vareo, discards: 4 });
    expect(discardedLegs(rows, entryId)).toEqual(races);
  });

  it('club series with a weighted, non-discardable pursuit race: tie on 11 broken by A8.1', () => {
    // Real club series posted to the Sailwave forum ("How does Sailwave calculate results?",
    // https://forum.sailingresults.co.uk/t/how-does-sailwave-calculate-results/5495): four handicap races
    // and a pursuit that counts double and cannot be discarded, one discard. Published outcome: both
    // boats on 11 nett, the boat with (2),2,1,2 + pursuit 3rd (6 pts) ahead of 3,3,(4),3 + pursuit 1st
    // (2 pts) "because it has more second places" — i.e. A8.1 at the first difference, 1 against 2.
    const { entries, legs } = sheet({ first: [2, 2, 1, 2, 6], second: [3, 3, 4, 3, 2] }, [5]);
    const rows = scoreRallySeries({ entries, legs, discards: 1 });
    expect(rows.map((r) => [r.rank, r.entryId, r.net, r.tieBreak?.rule])).toEqual([
      [1, 'first', 11, 'A8.1'],
      [2, 'second', 11, 'A8.1'],
    ]);
    expect(discardedLegs(rows, 'first')).toEqual([1]);
    expect(discardedLegs(rows, 'second')).toEqual([3]);
  });
});

describe('scoreRallySeries — validation', () => {
  const entries = [{ entryId: 'A' }, { entryId: 'B' }];
  it.each<[string, RallySeriesLegInput[], SailingScoringErrorKind, number?]>([
    ['missing score', [{ number: 1, scores: [{ entryId: 'A', points: 1 }] }], 'MISSING_SCORE'],
    [
      'unknown entry',
      [
        {
          number: 1,
          scores: [
            { entryId: 'A', points: 1 },
            { entryId: 'B', points: 2 },
            { entryId: 'C', points: 3 },
          ],
        },
      ],
      'UNKNOWN_ENTRY',
    ],
    [
      'duplicate score',
      [
        {
          number: 1,
          scores: [
            { entryId: 'A', points: 1 },
            { entryId: 'A', points: 2 },
            { entryId: 'B', points: 2 },
          ],
        },
      ],
      'DUPLICATE_RESULT',
    ],
    [
      'duplicate leg',
      [
        { number: 1, scores: [] },
        { number: 1, scores: [] },
      ],
      'DUPLICATE_LEG',
    ],
    ['leg number 0', [{ number: 0, scores: [] }], 'INVALID_LEG_NUMBER'],
    [
      'unknown code',
      [
        {
          number: 1,
          scores: [
            { entryId: 'A', points: 3, code: 'XYZ' },
            { entryId: 'B', points: 1 },
          ],
        },
      ],
      'UNKNOWN_CODE',
    ],
    [
      'zero points',
      [
        {
          number: 1,
          scores: [
            { entryId: 'A', points: 0 },
            { entryId: 'B', points: 1 },
          ],
        },
      ],
      'INVALID_POINTS',
    ],
    ['negative discards', [], 'INVALID_DISCARDS', -1],
    ['fractional discards', [], 'INVALID_DISCARDS', 1.5],
  ])('%s', (_name, legs, kind, discards) => {
    expect(() => scoreRallySeries({ entries, legs, ...(discards === undefined ? {} : { discards }) })).toThrow(
      expect.objectContaining({ kind }),
    );
  });

  it('duplicate entry', () => {
    expect(() => scoreRallySeries({ entries: [{ entryId: 'A' }, { entryId: 'A' }], legs: [] })).toThrow(
      expect.objectContaining({ kind: 'DUPLICATE_ENTRY' }),
    );
  });
});

describe('scoreRallySeries — properties', () => {
  const codeArb = fc.constantFrom<string | null>(null, null, null, null, 'DNF', 'DNE', 'RDG');
  /** boats × legs of points (with codes) */
  const seriesArb = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 7 })).chain(([boats, races]) =>
    fc.array(
      fc.array(
        fc.tuple(
          fc.integer({ min: 2, max: 2 * (boats + 1) }).map((n) => n / 2),
          codeArb,
        ),
        {
          minLength: races,
          maxLength: races,
        },
      ),
      { minLength: boats, maxLength: boats },
    ),
  );

  function toInput(matrix: readonly (readonly [number, string | null])[][]) {
    const entries = matrix.map((_, b) => ({ entryId: `E${b + 1}` }));
    const races = matrix[0]?.length ?? 0;
    const legs: RallySeriesLegInput[] = Array.from({ length: races }, (_, r) => ({
      number: r + 1,
      scores: matrix.map((row, b) => {
        const [points, code] = row[r] ?? [1, null];
        return { entryId: `E${b + 1}`, points, code };
      }),
    }));
    return { entries, legs };
  }

  it('every counted leg score is at least 1 and net = total − excluded', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 0, max: 4 }), (matrix, discards) => {
        const rows = scoreRallySeries({ ...toInput(matrix), discards });
        for (const row of rows) {
          const counted = row.legs.filter((l) => !l.discarded);
          expect(counted.length).toBeGreaterThanOrEqual(1);
          for (const leg of counted) expect(leg.points).toBeGreaterThanOrEqual(1);
          const excluded = row.legs.filter((l) => l.discarded).reduce((s, l) => s + l.points, 0);
          expect(row.net).toBeCloseTo(row.total - excluded, 9);
          expect(row.legs.filter((l) => l.discarded && l.code === 'DNE')).toEqual([]);
        }
      }),
    );
  });

  it('applying one more discard never raises a net score', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 0, max: 4 }), (matrix, discards) => {
        const input = toInput(matrix);
        const fewer = scoreRallySeries({ ...input, discards });
        const more = scoreRallySeries({ ...input, discards: discards + 1 });
        for (const row of more) {
          const before = fewer.find((r) => r.entryId === row.entryId);
          expect(row.net).toBeLessThanOrEqual(before?.net ?? Number.NaN);
          expect(row.net).toBeLessThanOrEqual(row.total);
        }
      }),
    );
  });

  it('the order of entries, legs and scores does not change the standings', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 0, max: 3 }), fc.integer(), (matrix, discards, seed) => {
        const input = toInput(matrix);
        const rng = mulberry32(seed);
        const shuffled = {
          entries: shuffle(input.entries, rng),
          legs: shuffle(
            input.legs.map((leg) => ({ ...leg, scores: shuffle(leg.scores, rng) })),
            rng,
          ),
        };
        expect(scoreRallySeries({ ...shuffled, discards })).toEqual(scoreRallySeries({ ...input, discards }));
      }),
    );
  });

  it('ranks follow net scores: a lower net never ranks behind a higher one', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 0, max: 3 }), (matrix, discards) => {
        const rows = scoreRallySeries({ ...toInput(matrix), discards });
        rows.forEach((row, i) => {
          const next = rows[i + 1];
          if (next === undefined) return;
          expect(row.net).toBeLessThanOrEqual(next.net);
          expect(row.rank).toBeLessThanOrEqual(next.rank);
          if (row.rank === next.rank) expect(next.tieBreak?.rule).toBe('unbroken');
        });
        expect(rows[0]?.rank).toBe(1);
      }),
    );
  });
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a !== undefined && b !== undefined) {
      out[i] = b;
      out[j] = a;
    }
  }
  return out;
}
