import { describe, expect, it } from 'vitest';
import { rankRallyByCumulativeTime, type RallyCumulativeTimeLegInput } from './cumulative-time.js';
import type { SailingScoringErrorKind } from './errors.js';

const row = (
  entryId: string,
  correctedSeconds: number | null,
  place: number | null = correctedSeconds === null ? null : 1,
) => ({
  entryId,
  place,
  correctedSeconds,
});

describe('rankRallyByCumulativeTime', () => {
  it.each<{
    name: string;
    ids: string[];
    legs: RallyCumulativeTimeLegInput[];
    expected: [number, string, boolean, number, number][];
  }>([
    {
      name: 'complete boats by total corrected time',
      ids: ['A', 'B', 'C'],
      legs: [
        { number: 1, rows: [row('A', 1000), row('B', 900), row('C', 1100)] },
        { number: 2, rows: [row('A', 500), row('B', 700), row('C', 450)] },
      ],
      expected: [
        [1, 'A', true, 2, 1500],
        [2, 'C', true, 2, 1550],
        [3, 'B', true, 2, 1600],
      ],
    },
    {
      name: 'a boat missing a leg ranks after every complete boat, even with a smaller partial time',
      ids: ['A', 'B', 'C'],
      legs: [
        { number: 1, rows: [row('A', 1000), row('B', 900), row('C', 1100)] },
        { number: 2, rows: [row('A', 500), row('B', null), row('C', 600)] },
      ],
      expected: [
        [1, 'A', true, 2, 1500],
        [2, 'C', true, 2, 1700],
        [3, 'B', false, 1, 900],
      ],
    },
    {
      name: 'incomplete boats: more legs first, then partial time; no row at all = not completed',
      ids: ['A', 'B', 'C', 'D'],
      legs: [
        { number: 1, rows: [row('A', 100), row('B', 50), row('C', 300)] },
        { number: 2, rows: [row('A', 100), row('C', 300)] },
        { number: 3, rows: [row('A', 100), row('C', null)] },
      ],
      expected: [
        [1, 'A', true, 3, 300],
        [2, 'C', false, 2, 600],
        [3, 'B', false, 1, 50],
        [4, 'D', false, 0, 0],
      ],
    },
    {
      name: 'a disqualified finisher (no place) does not count her time; equal totals share the rank',
      ids: ['A', 'B', 'C'],
      legs: [
        { number: 1, rows: [row('A', 100), row('B', 120), row('C', 90, null)] },
        { number: 2, rows: [row('A', 120), row('B', 100), row('C', 90)] },
      ],
      expected: [
        [1, 'A', true, 2, 220],
        [1, 'B', true, 2, 220],
        [3, 'C', false, 1, 90],
      ],
    },
  ])('$name', ({ ids, legs, expected }) => {
    const rows = rankRallyByCumulativeTime({ entries: ids.map((entryId) => ({ entryId })), legs });
    expect(rows.map((r) => [r.rank, r.entryId, r.complete, r.legsCompleted, r.totalCorrectedSeconds])).toEqual(
      expected,
    );
  });

  it('reports per-leg times in leg order whatever the input order', () => {
    const rows = rankRallyByCumulativeTime({
      entries: [{ entryId: 'A' }],
      legs: [
        { number: 2, rows: [row('A', 20)] },
        { number: 1, rows: [row('A', 10)] },
      ],
    });
    expect(rows[0]?.legs).toEqual([
      { number: 1, correctedSeconds: 10 },
      { number: 2, correctedSeconds: 20 },
    ]);
  });

  it.each<[string, RallyCumulativeTimeLegInput[], SailingScoringErrorKind]>([
    ['unknown entry', [{ number: 1, rows: [row('Z', 1)] }], 'UNKNOWN_ENTRY'],
    ['duplicate row', [{ number: 1, rows: [row('A', 1), row('A', 2)] }], 'DUPLICATE_RESULT'],
    [
      'duplicate leg',
      [
        { number: 1, rows: [] },
        { number: 1, rows: [] },
      ],
      'DUPLICATE_LEG',
    ],
  ])('refuses %s', (_name, legs, kind) => {
    expect(() => rankRallyByCumulativeTime({ entries: [{ entryId: 'A' }], legs })).toThrow(
      expect.objectContaining({ kind }),
    );
  });
});
