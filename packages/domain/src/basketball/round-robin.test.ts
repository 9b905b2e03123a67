import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BasketballRuleError } from './errors.js';
import { generateRoundRobin, snakeGroups, type RoundRobinRound } from './round-robin.js';

const teams = (n: number) => Array.from({ length: n }, (_, i) => `T${i + 1}`);
const key = (a: string, b: string) => [a, b].sort().join('|');

function homeAwayStrings(rounds: readonly RoundRobinRound[], ids: readonly string[]): Map<string, string> {
  const seq = new Map(ids.map((t) => [t, '']));
  for (const r of rounds) {
    for (const p of r.pairings) {
      seq.set(p.homeTeamId, `${seq.get(p.homeTeamId) ?? ''}H`);
      seq.set(p.awayTeamId, `${seq.get(p.awayTeamId) ?? ''}A`);
    }
  }
  return seq;
}

describe('generateRoundRobin — shape', () => {
  it.each([
    { n: 2, rounds: 1, perRound: 1, bye: false },
    { n: 3, rounds: 3, perRound: 1, bye: true },
    { n: 4, rounds: 3, perRound: 2, bye: false },
    { n: 5, rounds: 5, perRound: 2, bye: true },
    { n: 10, rounds: 9, perRound: 5, bye: false },
  ])('$n teams: $rounds rounds of $perRound games', ({ n, rounds, perRound, bye }) => {
    const schedule = generateRoundRobin(teams(n));
    expect(schedule).toHaveLength(rounds);
    for (const r of schedule) {
      expect(r.pairings).toHaveLength(perRound);
      expect(r.byeTeamId !== undefined).toBe(bye);
    }
  });

  it('returns no rounds for fewer than two teams', () => {
    expect(generateRoundRobin([])).toEqual([]);
    expect(generateRoundRobin(['solo'])).toEqual([]);
  });

  it('gives 4 teams the canonical circle-method rounds', () => {
    const schedule = generateRoundRobin(['A', 'B', 'C', 'D']);
    expect(schedule.map((r) => r.pairings.map((p) => `${p.homeTeamId}-${p.awayTeamId}`))).toEqual([
      ['A-D', 'B-C'],
      ['D-B', 'C-A'],
      ['C-D', 'A-B'],
    ]);
  });

  it('double round robin mirrors the first cycle with home and away swapped', () => {
    const schedule = generateRoundRobin(teams(5), { double: true });
    expect(schedule).toHaveLength(10);
    for (let i = 0; i < 5; i++) {
      const first = schedule[i];
      const second = schedule[i + 5];
      expect(first?.cycle).toBe(1);
      expect(second?.cycle).toBe(2);
      expect(second?.round).toBe(i + 6);
      expect(second?.byeTeamId).toBe(first?.byeTeamId);
      expect(second?.pairings.map((p) => [p.awayTeamId, p.homeTeamId, p.round])).toEqual(
        first?.pairings.map((p) => [p.homeTeamId, p.awayTeamId, i + 6]),
      );
    }
  });

  it('rejects duplicate team ids', () => {
    expect(() => generateRoundRobin(['A', 'B', 'A'])).toThrow(BasketballRuleError);
  });
});

describe('generateRoundRobin — properties', () => {
  const arb = fc.record({ n: fc.integer({ min: 2, max: 20 }), double: fc.boolean() });

  it('every pair meets exactly once per cycle and no team plays twice in a round', () => {
    fc.assert(
      // Plain checks rather than expect() in the loops: a 20-team double round robin has 380 pairings per run.
      fc.property(arb, ({ n, double }) => {
        const ids = teams(n);
        const schedule = generateRoundRobin(ids, { double });
        for (const cycle of double ? [1, 2] : [1]) {
          const met = new Map<string, number>();
          for (const r of schedule.filter((x) => x.cycle === cycle)) {
            const seen = new Set<string>();
            for (const p of r.pairings) {
              if (p.round !== r.round || p.homeTeamId === p.awayTeamId) return false;
              for (const t of [p.homeTeamId, p.awayTeamId]) {
                if (seen.has(t)) return false;
                seen.add(t);
              }
              met.set(key(p.homeTeamId, p.awayTeamId), (met.get(key(p.homeTeamId, p.awayTeamId)) ?? 0) + 1);
            }
            if (r.byeTeamId !== undefined && seen.has(r.byeTeamId)) return false;
            if (seen.size + (r.byeTeamId === undefined ? 0 : 1) !== n) return false;
          }
          if (met.size !== (n * (n - 1)) / 2 || ![...met.values()].every((c) => c === 1)) return false;
        }
        return schedule.every((r, i) => r.round === i + 1);
      }),
    );
  });

  it('balances home and away: at most one apart per cycle, exactly equal for odd counts, no 3-streak', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), (n) => {
        const ids = teams(n);
        for (const seq of homeAwayStrings(generateRoundRobin(ids), ids).values()) {
          const home = [...seq].filter((c) => c === 'H').length;
          const away = seq.length - home;
          expect(Math.abs(home - away)).toBeLessThanOrEqual(n % 2 === 1 ? 0 : 1);
          expect(seq).not.toMatch(/HHH|AAA/);
        }
        // Over both cycles every team is home exactly as often as away.
        for (const seq of homeAwayStrings(generateRoundRobin(ids, { double: true }), ids).values()) {
          expect([...seq].filter((c) => c === 'H').length * 2).toBe(seq.length);
        }
      }),
    );
  });
});

describe('snakeGroups', () => {
  it.each([
    {
      seeds: 8,
      groups: 2,
      expected: [
        ['1', '4', '5', '8'],
        ['2', '3', '6', '7'],
      ],
    },
    {
      seeds: 6,
      groups: 3,
      expected: [
        ['1', '6'],
        ['2', '5'],
        ['3', '4'],
      ],
    },
    {
      seeds: 7,
      groups: 3,
      expected: [
        ['1', '6', '7'],
        ['2', '5'],
        ['3', '4'],
      ],
    },
    {
      seeds: 10,
      groups: 4,
      expected: [
        ['1', '8', '9'],
        ['2', '7', '10'],
        ['3', '6'],
        ['4', '5'],
      ],
    },
    { seeds: 3, groups: 1, expected: [['1', '2', '3']] },
    { seeds: 2, groups: 3, expected: [['1'], ['2'], []] },
  ])('$seeds seeds into $groups groups', ({ seeds, groups, expected }) => {
    const seeded = Array.from({ length: seeds }, (_, i) => String(i + 1));
    expect(snakeGroups(seeded, groups)).toEqual(expected);
  });

  it('keeps the seeds objects and their order within a group', () => {
    const seeded = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const [first, second] = snakeGroups(seeded, 2);
    expect(first?.map((t) => t.id)).toEqual(['a', 'd']);
    expect(second?.[0]).toBe(seeded[1]);
  });

  it.each([0, -1, 1.5])('rejects groupCount %s', (count) => {
    expect(() => snakeGroups(['a'], count)).toThrow(BasketballRuleError);
  });
});
