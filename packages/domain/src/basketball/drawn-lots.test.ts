import { describe, expect, it } from 'vitest';
import { classifyFiba3x3Group, type Fiba3x3GameResult } from './classification-3x3.js';
import { classifyFibaGroup, type FibaGameResult } from './classification.js';
import { checkDrawnOrder, type DrawnLot, tiesForLots } from './drawn-lots.js';
import { BasketballRuleError } from './errors.js';

// Five-a-side: FIBA Official Basketball Rules 2024, Appendix D.1.3 — teams still level after every criterion, with the
// group complete, are separated by drawing lots. 3x3: FIBA 3x3 ranking procedure — after wins, head-to-head and points
// average, the higher seed wins; a pool without seeding leaves the lot to the organizer.

/** 'A-B 80-70' → A home 80, B away 70. */
function g(spec: string): FibaGameResult {
  const [teams = '', score = ''] = spec.split(' ');
  const [homeTeamId = '', awayTeamId = ''] = teams.split('-');
  const [home = '', away = ''] = score.split('-');
  return { homeTeamId, awayTeamId, homeScore: Number(home), awayScore: Number(away) };
}

const lot = (teamIds: string[], recordedBy = 'Organizer Wang', recordedAt = '2023-08-05T20:15:00+08:00'): DrawnLot => ({
  teamIds,
  recordedBy,
  recordedAt,
});

// A and B split their two games 80–70 each way: level on points, head-to-head and overall (D.1.3 a–e).
const LEVEL_PAIR = ['A-B 80-70', 'B-A 80-70'].map(g);
// A three-way circle, every game 80–70: each team 1–1, +0, 150 scored; nothing but lots separates them.
const LEVEL_CIRCLE = ['A-B 80-70', 'B-C 80-70', 'C-A 80-70'].map(g);

describe('five-a-side: a recorded lot decides a tie D.1.3 leaves to lots', () => {
  const cases: {
    name: string;
    teams: string[];
    games: FibaGameResult[];
    complete: boolean;
    lots: DrawnLot[];
    expected: [number, string, string | undefined][];
  }[] = [
    {
      name: 'no lot recorded yet: the rank stays shared and the tie is flagged',
      teams: ['A', 'B'],
      games: LEVEL_PAIR,
      complete: true,
      lots: [],
      expected: [
        [1, 'A', 'lot'],
        [1, 'B', 'lot'],
      ],
    },
    {
      name: 'a lot drawn B first: B ranks 1, A 2',
      teams: ['A', 'B'],
      games: LEVEL_PAIR,
      complete: true,
      lots: [lot(['B', 'A'])],
      expected: [
        [1, 'B', 'lot'],
        [2, 'A', 'lot'],
      ],
    },
    {
      name: 'a three-way tie in the order drawn',
      teams: ['A', 'B', 'C'],
      games: LEVEL_CIRCLE,
      complete: true,
      lots: [lot(['C', 'A', 'B'])],
      expected: [
        [1, 'C', 'lot'],
        [2, 'A', 'lot'],
        [3, 'B', 'lot'],
      ],
    },
    {
      name: 'the lot recorded last counts',
      teams: ['A', 'B'],
      games: LEVEL_PAIR,
      complete: true,
      lots: [lot(['B', 'A']), lot(['A', 'B'])],
      expected: [
        [1, 'A', 'lot'],
        [2, 'B', 'lot'],
      ],
    },
    {
      name: 'while games remain no lot applies (D.1.3 draws lots only in a complete group)',
      teams: ['A', 'B', 'C'],
      games: LEVEL_PAIR,
      complete: false,
      lots: [lot(['B', 'A'])],
      expected: [
        [1, 'A', 'level'],
        [1, 'B', 'level'],
        [3, 'C', undefined],
      ],
    },
    {
      name: 'a lot drawn for other teams (the tie changed after a corrected result) is ignored',
      teams: ['A', 'B', 'C'],
      games: LEVEL_CIRCLE,
      complete: true,
      lots: [lot(['B', 'A'])],
      expected: [
        [1, 'A', 'lot'],
        [1, 'B', 'lot'],
        [1, 'C', 'lot'],
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const rows = classifyFibaGroup({ teamIds: c.teams, games: c.games, groupComplete: c.complete, lots: c.lots });
      expect(rows.map((r) => [r.rank, r.teamId, r.tieBreak?.criterion])).toEqual(c.expected);
    });
  }

  it('explains the lot with who recorded it and when', () => {
    const rows = classifyFibaGroup({
      teamIds: ['A', 'B'],
      games: LEVEL_PAIR,
      groupComplete: true,
      lots: [lot(['B', 'A'])],
    });
    expect(rows[1]).toMatchObject({ teamId: 'A', decidedByLot: true });
    expect(rows[1]?.tieBreak).toEqual({
      criterion: 'lot',
      tiedWith: ['B'],
      values: [
        { teamId: 'B', value: 1 },
        { teamId: 'A', value: 2 },
      ],
      explanation:
        'Level with B on every criterion; decided by lot (recorded by Organizer Wang, at 2023-08-05T20:15:00+08:00): drawn 2 of 2',
      lot: { recordedBy: 'Organizer Wang', recordedAt: '2023-08-05T20:15:00+08:00', drawn: 2 },
    });
  });

  it('leaves ties a criterion decides alone (D.2.1 Example 1: pairs decided by their game)', () => {
    const games = ['A-B 100-55', 'A-C 90-85', 'A-D 75-80', 'B-C 100-95', 'B-D 80-75', 'C-D 60-55'].map(g);
    const rows = classifyFibaGroup({
      teamIds: ['A', 'B', 'C', 'D'],
      games,
      groupComplete: true,
      lots: [lot(['B', 'A'])],
    });
    expect(rows.map((r) => [r.rank, r.teamId])).toEqual([
      [1, 'A'],
      [2, 'B'],
      [3, 'C'],
      [4, 'D'],
    ]);
    expect(tiesForLots(rows, true)).toEqual([]);
  });
});

describe('3x3: a recorded lot stands in for seeding in an unseeded pool', () => {
  // A beat B, B beat C, C beat A, every team 19 + 21 = 40 points: level on wins and average (the rules' own example shape).
  const circle: Fiba3x3GameResult[] = [
    { homeTeamId: 'A', awayTeamId: 'B', homeScore: 21, awayScore: 19 },
    { homeTeamId: 'B', awayTeamId: 'C', homeScore: 21, awayScore: 19 },
    { homeTeamId: 'C', awayTeamId: 'A', homeScore: 21, awayScore: 19 },
  ];
  const cases: {
    name: string;
    complete: boolean;
    seeds?: Record<string, number>;
    lots: DrawnLot[];
    expected: [number, string, string | undefined][];
  }[] = [
    {
      name: 'unseeded, no lot: the rank is shared',
      complete: true,
      lots: [],
      expected: [
        [1, 'A', 'level'],
        [1, 'B', 'level'],
        [1, 'C', 'level'],
      ],
    },
    {
      name: 'unseeded, lot recorded: the order drawn',
      complete: true,
      lots: [lot(['B', 'C', 'A'])],
      expected: [
        [1, 'B', 'lot'],
        [2, 'C', 'lot'],
        [3, 'A', 'lot'],
      ],
    },
    {
      name: 'seeded: seeding decides and a lot is never needed',
      complete: true,
      seeds: { A: 3, B: 1, C: 2 },
      lots: [lot(['A', 'C', 'B'])],
      expected: [
        [1, 'B', 'seeding'],
        [2, 'C', 'seeding'],
        [3, 'A', 'seeding'],
      ],
    },
    {
      name: 'pool still being played: no lot applies',
      complete: false,
      lots: [lot(['B', 'C', 'A'])],
      expected: [
        [1, 'A', 'level'],
        [1, 'B', 'level'],
        [1, 'C', 'level'],
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const rows = classifyFiba3x3Group({
        teamIds: ['A', 'B', 'C'],
        games: circle,
        groupComplete: c.complete,
        lots: c.lots,
        ...(c.seeds ? { seeds: c.seeds } : {}),
      });
      expect(rows.map((r) => [r.rank, r.teamId, r.tieBreak?.criterion])).toEqual(c.expected);
    });
  }

  it('explains the lot', () => {
    const rows = classifyFiba3x3Group({
      teamIds: ['A', 'B', 'C'],
      games: circle,
      groupComplete: true,
      lots: [lot(['B', 'C', 'A'], 'Li Na', '2023-07-30T18:00:00+08:00')],
    });
    expect(rows[0]?.tieBreak?.explanation).toBe(
      'Level with C and A on wins, head-to-head and points average, with no seeding; decided by lot (recorded by Li Na, at 2023-07-30T18:00:00+08:00): drawn 1 of 3',
    );
  });
});

describe('checking an order drawn against the open ties', () => {
  const open = tiesForLots(
    classifyFibaGroup({ teamIds: ['A', 'B', 'C'], games: LEVEL_CIRCLE, groupComplete: true }),
    true,
  );
  const cases: { name: string; order: string[]; code: string | null }[] = [
    { name: 'the whole tie, in any order', order: ['C', 'B', 'A'], code: null },
    { name: 'part of the tie', order: ['A', 'B'], code: 'lot-not-needed' },
    { name: 'a team outside the tie', order: ['A', 'B', 'C', 'D'], code: 'lot-not-needed' },
    { name: 'a team twice', order: ['A', 'B', 'B'], code: 'duplicate-team' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const check = () => checkDrawnOrder(c.order, open);
      if (c.code === null) expect(check).not.toThrow();
      else {
        expect(check).toThrow(BasketballRuleError);
        try {
          check();
        } catch (error) {
          expect((error as BasketballRuleError).code).toBe(c.code);
        }
      }
    });
  }

  it('finds no open tie while the group is unfinished', () => {
    const rows = classifyFibaGroup({ teamIds: ['A', 'B', 'C'], games: LEVEL_CIRCLE, groupComplete: false });
    expect(tiesForLots(rows, false)).toEqual([]);
    expect(() => checkDrawnOrder(['A', 'B', 'C'], [])).toThrow(/No teams of this group are level/);
  });
});
