import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyFibaGroup, type FibaGameResult, type FibaStandingRow } from './classification.js';
import { BasketballRuleError } from './errors.js';

/** 'A-B 100-55' → A home 100, B away 55. */
function g(spec: string): FibaGameResult {
  const m = /^(\w+)-(\w+) (\d+)-(\d+)$/.exec(spec);
  if (!m) throw new Error(`bad spec ${spec}`);
  const [, homeTeamId = '', awayTeamId = '', hs = '', as = ''] = m;
  return { homeTeamId, awayTeamId, homeScore: Number(hs), awayScore: Number(as) };
}

const summary = (rows: FibaStandingRow[]) =>
  rows.map(
    (r) => `${r.rank} ${r.teamId} ${r.won}-${r.lost} ${r.classificationPoints} ${r.pointsFor}:${r.pointsAgainst}`,
  );
const byTeam = (rows: FibaStandingRow[], id: string) => rows.find((r) => r.teamId === id);

describe('classifyFibaGroup — Appendix D worked examples', () => {
  it('D.2.1 Example 1: two pairs tied, each decided by the game between them', () => {
    const rows = classifyFibaGroup({
      teamIds: ['A', 'B', 'C', 'D'],
      games: ['A-B 100-55', 'A-C 90-85', 'A-D 75-80', 'B-C 100-95', 'B-D 80-75', 'C-D 60-55'].map(g),
      groupComplete: true,
    });
    // Published table: A 5 pts 265:220 +45, B 5 235:270 -35, C 4 240:245 -5, D 4 210:215 -5.
    expect(summary(rows)).toEqual(['1 A 2-1 5 265:220', '2 B 2-1 5 235:270', '3 C 1-2 4 240:245', '4 D 1-2 4 210:215']);
    expect(rows.map((r) => r.pointsDiff)).toEqual([45, -35, -5, -5]);
    expect(byTeam(rows, 'A')?.tieBreak).toEqual({
      criterion: 'head-to-head-points',
      tiedWith: ['B'],
      values: [
        { teamId: 'A', value: 2 },
        { teamId: 'B', value: 1 },
      ],
      explanation: 'Ahead of B on head-to-head classification points (2 vs 1)',
    });
    expect(byTeam(rows, 'D')?.tieBreak?.explanation).toBe('Behind C on head-to-head classification points (1 vs 2)');
  });

  it('D.2.2 Example 2: 3-way tie, B separated on h2h difference, then C–D restarted (D.1.4)', () => {
    const rows = classifyFibaGroup({
      teamIds: ['A', 'B', 'C', 'D'],
      games: ['A-B 100-55', 'A-C 90-85', 'A-D 120-75', 'B-C 100-85', 'B-D 75-80', 'C-D 65-55'].map(g),
      groupComplete: true,
    });
    // Published table: A 6 310:215 +95, B 4 230:265 -35, C 4 235:245 -10, D 4 210:260 -50.
    expect(summary(rows)).toEqual(['1 A 3-0 6 310:215', '2 B 1-2 4 230:265', '3 C 1-2 4 235:245', '4 D 1-2 4 210:260']);
    expect(byTeam(rows, 'A')?.tieBreak).toBeUndefined();
    expect(byTeam(rows, 'B')?.tieBreak).toMatchObject({
      criterion: 'head-to-head-diff',
      tiedWith: ['C', 'D'],
      values: [
        { teamId: 'B', value: 10 },
        { teamId: 'C', value: -5 },
        { teamId: 'D', value: -5 },
      ],
      explanation: 'Ahead of C and D on head-to-head points difference (+10 vs -5, -5)',
    });
    // C and D are level (-5) among B, C, D; restarting with only their game puts C first.
    expect(byTeam(rows, 'C')?.tieBreak).toMatchObject({ criterion: 'head-to-head-points', tiedWith: ['D'] });
  });
});

describe('classifyFibaGroup — tie-break cases', () => {
  const cases: {
    name: string;
    teams: string[];
    games: string[];
    order: string[];
    decided: Record<string, string>;
  }[] = [
    {
      name: '2-way ties decided by the game between them, not by overall difference',
      teams: ['A', 'B', 'C', 'D'],
      games: ['A-B 71-70', 'A-C 60-58', 'A-D 50-80', 'B-C 100-60', 'B-D 90-70', 'C-D 70-69'],
      // A 5 pts (-27) beat B 5 pts (+59); C 4 pts (-41) beat D 4 pts (+9).
      order: ['A', 'B', 'C', 'D'],
      decided: {
        A: 'head-to-head-points',
        B: 'head-to-head-points',
        C: 'head-to-head-points',
        D: 'head-to-head-points',
      },
    },
    {
      name: '3-way circular tie decided on head-to-head difference',
      teams: ['A', 'B', 'C'],
      games: ['A-B 80-70', 'B-C 75-70', 'C-A 72-70'],
      // h2h diff: A +10-2 = +8, B -10+5 = -5, C -5+2 = -3.
      order: ['A', 'C', 'B'],
      decided: { A: 'head-to-head-diff', C: 'head-to-head-diff', B: 'head-to-head-diff' },
    },
    {
      name: '3-way circular tie, equal differences → head-to-head points scored',
      teams: ['A', 'B', 'C'],
      games: ['A-B 80-70', 'B-C 90-80', 'C-A 100-90'],
      // Every h2h diff is 0; scored among the three: C 180, A 170, B 160.
      order: ['C', 'A', 'B'],
      decided: { C: 'head-to-head-scored', A: 'head-to-head-scored', B: 'head-to-head-scored' },
    },
    {
      name: 'restart: X separated, then Z ahead of Y by their own game though Y scored more among the three',
      teams: ['X', 'Y', 'Z'],
      games: ['Z-Y 70-65', 'Y-X 100-97', 'X-Z 60-53'],
      // Trio diff: X +4, Y -2, Z -2. Trio scored would put Y (165) over Z (123); D.1.4 restarts instead.
      order: ['X', 'Z', 'Y'],
      decided: { X: 'head-to-head-diff', Z: 'head-to-head-points', Y: 'head-to-head-points' },
    },
    {
      name: 'one win each (double round robin) → head-to-head difference',
      teams: ['A', 'B'],
      games: ['A-B 80-70', 'B-A 75-70'],
      order: ['A', 'B'],
      decided: { A: 'head-to-head-diff', B: 'head-to-head-diff' },
    },
    {
      name: 'teams that never met → overall points difference',
      teams: ['A', 'B', 'X', 'Y'],
      games: ['A-X 80-60', 'B-Y 80-70'],
      order: ['A', 'B', 'Y', 'X'],
      decided: { A: 'overall-diff', B: 'overall-diff', Y: 'overall-diff', X: 'overall-diff' },
    },
    {
      name: 'teams that never met, same difference → overall points scored',
      teams: ['A', 'B', 'X', 'Y'],
      games: ['A-X 80-70', 'B-Y 90-80'],
      order: ['B', 'A', 'Y', 'X'],
      decided: { B: 'overall-scored', A: 'overall-scored', Y: 'overall-scored', X: 'overall-scored' },
    },
  ];

  it.each(cases)('$name', ({ teams, games, order, decided }) => {
    const rows = classifyFibaGroup({ teamIds: teams, games: games.map(g), groupComplete: true });
    expect(rows.map((r) => r.teamId)).toEqual(order);
    expect(rows.map((r) => r.rank)).toEqual(order.map((_, i) => i + 1));
    for (const [team, criterion] of Object.entries(decided)) {
      expect(byTeam(rows, team)?.tieBreak?.criterion).toBe(criterion);
    }
  });

  it('renders the head-to-head difference sentence', () => {
    const rows = classifyFibaGroup({
      teamIds: ['A', 'B'],
      games: ['A-B 80-70', 'B-A 75-70'].map(g),
      groupComplete: true,
    });
    expect(rows[0]?.tieBreak?.explanation).toBe('Ahead of B on head-to-head points difference (+5 vs -5)');
    expect(rows[1]?.tieBreak?.explanation).toBe('Behind A on head-to-head points difference (-5 vs +5)');
  });

  it('names the middle team of a three-way split on both sides', () => {
    const rows = classifyFibaGroup({ teamIds: ['A', 'B', 'C'], games: ['A-B 80-70', 'B-C 75-70', 'C-A 72-70'].map(g) });
    expect(byTeam(rows, 'C')?.tieBreak?.explanation).toBe(
      'Behind A and ahead of B on head-to-head points difference (-3 vs +8, -5)',
    );
  });
});

describe('classifyFibaGroup — forfeits', () => {
  it('scores a forfeit 20–0 for the opponent and 0 classification points for the forfeiting team', () => {
    const rows = classifyFibaGroup({
      teamIds: ['A', 'B', 'C'],
      // Typed scores of a forfeited game are ignored (Art. 20 awards 20–0).
      games: [
        { homeTeamId: 'B', awayTeamId: 'A', homeScore: 0, awayScore: 0, forfeitedBy: 'A' },
        g('A-C 80-70'),
        g('B-C 90-60'),
      ],
      groupComplete: true,
    });
    expect(summary(rows)).toEqual(['1 B 2-0 4 110:60', '2 A 1-1 2 80:90', '3 C 0-2 2 130:170']);
    expect(byTeam(rows, 'A')).toMatchObject({ forfeits: 1, lost: 1, classificationPoints: 2 });
    expect(byTeam(rows, 'C')).toMatchObject({ forfeits: 0, lost: 2, classificationPoints: 2 });
    expect(byTeam(rows, 'A')?.tieBreak?.criterion).toBe('head-to-head-points');
  });

  it('counts a forfeit 20–0 inside head-to-head too', () => {
    // A and B split their games: B won 90–60, A won by B's forfeit (recorded 20–0, not the typed 99–98).
    const rows = classifyFibaGroup({
      teamIds: ['A', 'B'],
      games: [g('B-A 90-60'), { homeTeamId: 'A', awayTeamId: 'B', homeScore: 99, awayScore: 98, forfeitedBy: 'B' }],
      groupComplete: true,
    });
    // A: 2 + 1 = 3 pts, B: 2 + 0 = 2 pts — the forfeit costs B the classification point outright.
    expect(rows.map((r) => [r.teamId, r.classificationPoints])).toEqual([
      ['A', 3],
      ['B', 2],
    ]);
    expect(byTeam(rows, 'A')).toMatchObject({ pointsFor: 80, pointsAgainst: 90 });
  });
});

describe('classifyFibaGroup — completeness', () => {
  const games = ['A-B 80-70', 'B-A 80-70'].map(g);

  it('shares a rank while games remain, without calling it a draw', () => {
    const rows = classifyFibaGroup({ teamIds: ['A', 'B', 'C'], games, totalGamesScheduled: 6 });
    expect(rows.map((r) => [r.rank, r.teamId])).toEqual([
      [1, 'A'],
      [1, 'B'],
      [3, 'C'],
    ]);
    expect(rows[0]?.tieBreak).toEqual({
      criterion: 'level',
      tiedWith: ['B'],
      values: [],
      explanation: 'Level with B on every criterion so far; shares rank 1 while group games remain',
    });
    expect(rows.some((r) => r.decidedByLot)).toBe(false);
    expect(byTeam(rows, 'C')).toMatchObject({ played: 0, classificationPoints: 0, pointsDiff: 0 });
  });

  it('flags a lot once the group is complete and keeps the shared rank', () => {
    for (const input of [{ totalGamesScheduled: 2 }, { groupComplete: true }]) {
      const rows = classifyFibaGroup({ teamIds: ['B', 'A'], games, ...input });
      expect(rows.map((r) => [r.rank, r.teamId, r.decidedByLot])).toEqual([
        [1, 'A', true],
        [1, 'B', true],
      ]);
      expect(rows[1]?.tieBreak?.criterion).toBe('lot');
    }
  });

  it('treats a group with no scheduled total and no flag as unfinished', () => {
    const rows = classifyFibaGroup({ teamIds: ['A', 'B'], games });
    expect(rows[0]?.tieBreak?.criterion).toBe('level');
  });
});

describe('classifyFibaGroup — input validation', () => {
  const cases: { name: string; teamIds: string[]; games: FibaGameResult[]; code: string; extra?: object }[] = [
    { name: 'duplicate team', teamIds: ['A', 'A'], games: [], code: 'duplicate-team' },
    { name: 'unknown team', teamIds: ['A', 'B'], games: [g('A-Z 80-70')], code: 'unknown-team' },
    { name: 'draw', teamIds: ['A', 'B'], games: [g('A-B 70-70')], code: 'invalid-game' },
    { name: 'team plays itself', teamIds: ['A'], games: [g('A-A 70-60')], code: 'invalid-game' },
    {
      name: 'negative score',
      teamIds: ['A', 'B'],
      games: [{ ...g('A-B 70-60'), awayScore: -1 }],
      code: 'invalid-game',
    },
    {
      name: 'forfeit by a team not in the game',
      teamIds: ['A', 'B', 'C'],
      games: [{ ...g('A-B 70-60'), forfeitedBy: 'C' }],
      code: 'invalid-game',
    },
    {
      name: 'more games than scheduled',
      teamIds: ['A', 'B'],
      games: [g('A-B 70-60'), g('B-A 70-60')],
      code: 'invalid-argument',
      extra: { totalGamesScheduled: 1 },
    },
  ];
  it.each(cases)('rejects $name', ({ teamIds, games, code, extra }) => {
    const run = () => classifyFibaGroup({ teamIds, games, ...extra });
    expect(run).toThrow(BasketballRuleError);
    expect(run).toThrow(expect.objectContaining({ code }));
  });
});

describe('classifyFibaGroup — properties', () => {
  const groupArb = fc
    .integer({ min: 2, max: 6 })
    .chain((n) =>
      fc.record({
        teamIds: fc.constant(Array.from({ length: n }, (_, i) => `T${i}`)),
        games: fc.array(
          fc.record({
            home: fc.nat({ max: n - 1 }),
            offset: fc.integer({ min: 1, max: n - 1 }),
            homeScore: fc.integer({ min: 40, max: 110 }),
            margin: fc.integer({ min: -20, max: 20 }),
            forfeit: fc.constantFrom<'none' | 'home' | 'away'>('none', 'none', 'none', 'home', 'away'),
          }),
          { maxLength: 16 },
        ),
        teamKeys: fc.array(fc.double({ noNaN: true }), { minLength: n, maxLength: n }),
        gameKeys: fc.array(fc.double({ noNaN: true }), { minLength: 16, maxLength: 16 }),
        complete: fc.boolean(),
      }),
    )
    .map(({ teamIds, games, teamKeys, gameKeys, complete }) => {
      const n = teamIds.length;
      const results: FibaGameResult[] = games.map((x) => {
        const homeTeamId = teamIds[x.home] ?? '';
        const awayTeamId = teamIds[(x.home + x.offset) % n] ?? '';
        const awayScore = x.homeScore + (x.margin === 0 ? 1 : x.margin);
        const forfeitedBy = x.forfeit === 'home' ? homeTeamId : x.forfeit === 'away' ? awayTeamId : undefined;
        return { homeTeamId, awayTeamId, homeScore: x.homeScore, awayScore, ...(forfeitedBy ? { forfeitedBy } : {}) };
      });
      const shuffle = <T>(xs: readonly T[], keys: readonly number[]) =>
        xs
          .map((x, i) => [x, keys[i] ?? 0] as const)
          .sort((a, b) => a[1] - b[1])
          .map(([x]) => x);
      return {
        input: { teamIds, games: results, groupComplete: complete },
        shuffled: {
          teamIds: shuffle(teamIds, teamKeys),
          // Also swap home/away: the same game seen from the other bench.
          games: shuffle(results, gameKeys).map((r) => ({
            ...r,
            homeTeamId: r.awayTeamId,
            awayTeamId: r.homeTeamId,
            homeScore: r.awayScore,
            awayScore: r.homeScore,
          })),
          groupComplete: complete,
        },
      };
    });

  it('ranks every team exactly once, best classification points first', () => {
    fc.assert(
      fc.property(groupArb, ({ input }) => {
        const rows = classifyFibaGroup(input);
        expect(rows.map((r) => r.teamId).sort()).toEqual([...input.teamIds].sort());
        for (let i = 1; i < rows.length; i++) {
          const prev = rows[i - 1];
          const cur = rows[i];
          if (!prev || !cur) continue;
          expect(cur.rank).toBeGreaterThanOrEqual(prev.rank);
          expect(cur.classificationPoints).toBeLessThanOrEqual(prev.classificationPoints);
        }
        expect(rows[0]?.rank).toBe(1);
      }),
    );
  });

  it('does not depend on the order of teams or games, nor on which side is home', () => {
    fc.assert(
      fc.property(groupArb, ({ input, shuffled }) => {
        expect(classifyFibaGroup(shuffled)).toEqual(classifyFibaGroup(input));
      }),
    );
  });

  it('keeps the books: wins equal losses and points for equal points against', () => {
    fc.assert(
      fc.property(groupArb, ({ input }) => {
        const rows = classifyFibaGroup(input);
        const sum = (f: (r: FibaStandingRow) => number) => rows.reduce((s, r) => s + f(r), 0);
        expect(sum((r) => r.won)).toBe(input.games.length);
        expect(sum((r) => r.lost)).toBe(input.games.length);
        expect(sum((r) => r.pointsFor)).toBe(sum((r) => r.pointsAgainst));
        expect(sum((r) => r.classificationPoints)).toBe(
          3 * input.games.length - input.games.filter((x) => x.forfeitedBy !== undefined).length,
        );
      }),
    );
  });
});
