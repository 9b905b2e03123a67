import { describe, expect, it } from 'vitest';
import { BasketballRuleError } from './errors.js';
import { drawKnockout, type KnockoutGameResult, type KnockoutGroup, rankAcrossGroups } from './knockout-draw.js';
import { advanceBracket, type PlayoffBracket } from './playoffs.js';

const g = (homeTeamId: string, homeScore: number, awayScore: number, awayTeamId: string): KnockoutGameResult => ({
  homeTeamId,
  awayTeamId,
  homeScore,
  awayScore,
});
const firstRound = (b: PlayoffBracket): string[] =>
  b.matches.filter((m) => m.round === 1).map((m) => `${m.home.teamId ?? 'bye'}–${m.away.teamId ?? 'bye'}`);
const sameGroupPairs = (b: PlayoffBracket, groupOf: (t: string) => string | undefined): string[] =>
  b.matches
    .filter(
      (m) =>
        m.round === 1 &&
        m.home.teamId !== null &&
        m.away.teamId !== null &&
        groupOf(m.home.teamId) === groupOf(m.away.teamId),
    )
    .map((m) => m.id);

describe('drawKnockout — crossover (two per group)', () => {
  // FIBA Basketball World Cup 2019, second round groups I–L (final standings, first two of each) and the
  // quarter-finals that followed: Argentina–Serbia, USA–France | Spain–Poland, Australia–Czech Republic;
  // semi-finals Argentina 80–66 France, Spain 95–88 Australia; final Spain 95–75 Argentina.
  // Source: FIBA, "FIBA Basketball World Cup 2019 — schedule and results" (fiba.basketball/basketballworldcup/2019).
  const groups: KnockoutGroup[] = [
    { groupId: 'I', rankedTeamIds: ['ARG', 'POL'], games: [] },
    { groupId: 'J', rankedTeamIds: ['ESP', 'SRB'], games: [] },
    { groupId: 'K', rankedTeamIds: ['USA', 'CZE'], games: [] },
    { groupId: 'L', rankedTeamIds: ['AUS', 'FRA'], games: [] },
  ];

  it('reproduces the World Cup 2019 quarter-finals, semi-finals and final', () => {
    const draw = drawKnockout({ ruleset: 'fiba', groups, qualifiersPerGroup: 2 });
    expect(draw.pattern).toBe('crossover');
    expect(firstRound(draw.bracket)).toEqual(['ARG–SRB', 'USA–FRA', 'ESP–POL', 'AUS–CZE']);
    const qf = advanceBracket(draw.bracket, [
      { matchId: 'R1-M1', winnerTeamId: 'ARG' },
      { matchId: 'R1-M2', winnerTeamId: 'FRA' },
      { matchId: 'R1-M3', winnerTeamId: 'ESP' },
      { matchId: 'R1-M4', winnerTeamId: 'AUS' },
    ]);
    const semis = qf.matches.filter((m) => m.round === 2).map((m) => `${m.home.teamId}–${m.away.teamId}`);
    expect(semis).toEqual(['ARG–FRA', 'ESP–AUS']);
    const sf = advanceBracket(qf, [
      { matchId: 'R2-M1', winnerTeamId: 'ARG' },
      { matchId: 'R2-M2', winnerTeamId: 'ESP' },
    ]);
    expect(sf.matches.find((m) => m.id === 'R3-M1')).toMatchObject({
      home: { teamId: 'ARG' },
      away: { teamId: 'ESP' },
    });
  });

  it('keeps a group’s winner and runner-up in opposite halves with eight groups', () => {
    const eight = 'ABCDEFGH'.split('').map((id) => ({ groupId: id, rankedTeamIds: [`${id}1`, `${id}2`], games: [] }));
    const draw = drawKnockout({ ruleset: 'fiba', groups: eight, qualifiersPerGroup: 2 });
    expect(firstRound(draw.bracket)).toEqual(['A1–B2', 'C1–D2', 'E1–F2', 'G1–H2', 'B1–A2', 'D1–C2', 'F1–E2', 'H1–G2']);
  });

  it('two groups: A1 v B2, B1 v A2, the pattern the issue names', () => {
    const two = ['A', 'B'].map((id) => ({ groupId: id, rankedTeamIds: [`${id}1`, `${id}2`, `${id}3`], games: [] }));
    expect(firstRound(drawKnockout({ ruleset: 'fiba', groups: two, qualifiersPerGroup: 2 }).bracket)).toEqual([
      'A1–B2',
      'B1–A2',
    ]);
  });
});

// Olympic Games Tokyo 2020, men's basketball tournament: three groups of four; the group winners, the runners-up and the
// two best third-placed teams reached the quarter-finals. Results as published by FIBA
// (fiba.basketball/olympics/men/2020, "Games"): the thirds were ranked Argentina (−8), Germany (−16), Czech Republic (−49);
// Argentina and Germany went through. The quarter-final pairings were then drawn by lot (no two teams of one group).
const tokyo: KnockoutGroup[] = [
  {
    groupId: 'A',
    rankedTeamIds: ['FRA', 'USA', 'CZE', 'IRI'],
    games: [
      g('USA', 76, 83, 'FRA'),
      g('IRI', 78, 84, 'CZE'),
      g('USA', 120, 66, 'IRI'),
      g('CZE', 77, 97, 'FRA'),
      g('FRA', 79, 62, 'IRI'),
      g('CZE', 84, 119, 'USA'),
    ],
  },
  {
    groupId: 'B',
    rankedTeamIds: ['AUS', 'ITA', 'GER', 'NGR'],
    games: [
      g('NGR', 67, 84, 'AUS'),
      g('GER', 82, 92, 'ITA'),
      g('AUS', 86, 83, 'ITA'),
      g('NGR', 92, 99, 'GER'),
      g('ITA', 80, 71, 'NGR'),
      g('AUS', 89, 76, 'GER'),
    ],
  },
  {
    groupId: 'C',
    rankedTeamIds: ['SLO', 'ESP', 'ARG', 'JPN'],
    games: [
      g('ARG', 100, 118, 'SLO'),
      g('JPN', 77, 88, 'ESP'),
      g('ARG', 71, 81, 'ESP'),
      g('SLO', 116, 81, 'JPN'),
      g('ESP', 87, 95, 'SLO'),
      g('JPN', 77, 97, 'ARG'),
    ],
  },
];
const tokyoGroupOf = (t: string): string | undefined => tokyo.find((x) => x.rankedTeamIds.includes(t))?.groupId;

describe('rankAcrossGroups — FIBA', () => {
  it('ranks the Tokyo 2020 third-placed teams by record, then points difference', () => {
    const rows = rankAcrossGroups('fiba', tokyo, 3);
    expect(rows.map((r) => [r.teamId, r.won, r.pointsDiff, r.aboveNextBy])).toEqual([
      ['ARG', 1, -8, 'points-diff'],
      ['GER', 1, -16, 'points-diff'],
      ['CZE', 1, -49, null],
    ]);
  });

  it('ranks the Tokyo 2020 runners-up: USA first (FIBA put the USA in the group winners’ pot)', () => {
    expect(rankAcrossGroups('fiba', tokyo, 2).map((r) => [r.teamId, r.pointsDiff])).toEqual([
      ['USA', 82],
      ['ITA', 16],
      ['ESP', 13],
    ]);
  });

  it('groups of unequal size: only games against the teams placed 1st…N (N = the smallest group) count', () => {
    // X has five teams: X3's win over X5 is disregarded; Y has four. Without that rule X3 (2–2) would lead Y3 (1–2).
    const groups: KnockoutGroup[] = [
      {
        groupId: 'X',
        rankedTeamIds: ['X1', 'X2', 'X3', 'X4', 'X5'],
        games: [g('X3', 50, 60, 'X1'), g('X3', 55, 60, 'X2'), g('X3', 70, 60, 'X4'), g('X3', 90, 40, 'X5')],
      },
      {
        groupId: 'Y',
        rankedTeamIds: ['Y1', 'Y2', 'Y3', 'Y4'],
        games: [g('Y3', 60, 62, 'Y1'), g('Y3', 61, 63, 'Y2'), g('Y3', 80, 60, 'Y4')],
      },
    ];
    const rows = rankAcrossGroups('fiba', groups, 3);
    expect(rows.map((r) => [r.teamId, r.played, r.won, r.pointsDiff, r.gamesDisregarded])).toEqual([
      ['Y3', 3, 1, 16, 0],
      ['X3', 3, 1, -5, 1],
    ]);
  });

  it('counts a five-a-side forfeit 20–0 and marks teams nothing separates as group order (lots are the organizer’s)', () => {
    const groups: KnockoutGroup[] = [
      {
        groupId: 'A',
        rankedTeamIds: ['A1', 'A2'],
        games: [{ homeTeamId: 'A1', awayTeamId: 'A2', homeScore: null, awayScore: null, forfeitedBy: 'A1' }],
      },
      { groupId: 'B', rankedTeamIds: ['B1', 'B2'], games: [g('B2', 20, 0, 'B1')] },
    ];
    const rows = rankAcrossGroups('fiba', groups, 1);
    expect(rows.map((r) => [r.teamId, r.won, r.pointsFor, r.pointsAgainst, r.aboveNextBy])).toEqual([
      ['A1', 0, 0, 20, 'group-order'],
      ['B1', 0, 0, 20, null],
    ]);
  });
});

describe('rankAcrossGroups — FIBA 3x3 (wins or win ratio, points average without forfeit wins, seeding)', () => {
  const pools: KnockoutGroup[] = [
    // A2 won one game by forfeit: its w is not averaged (15 from one game); A3's forfeited 0 counts in its own average.
    {
      groupId: 'A',
      rankedTeamIds: ['A1', 'A2', 'A3'],
      games: [
        g('A1', 21, 15, 'A2'),
        { homeTeamId: 'A2', awayTeamId: 'A3', homeScore: null, awayScore: null, forfeitedBy: 'A3' },
        g('A1', 21, 10, 'A3'),
      ],
    },
    {
      groupId: 'B',
      rankedTeamIds: ['B1', 'B2', 'B3'],
      games: [g('B1', 21, 19, 'B2'), g('B2', 20, 18, 'B3'), g('B1', 21, 12, 'B3')],
    },
    {
      groupId: 'C',
      rankedTeamIds: ['C1', 'C2', 'C3'],
      games: [g('C1', 21, 19, 'C2'), g('C2', 20, 18, 'C3'), g('C1', 21, 12, 'C3')],
    },
  ];

  it('orders runners-up by points average, and teams level on it by seeding', () => {
    const rows = rankAcrossGroups('fiba-3x3', pools, 2, { B2: 7, C2: 3 });
    expect(rows.map((r) => [r.teamId, r.won, r.pointsAverage, r.aboveNextBy])).toEqual([
      ['C2', 1, 19.5, 'seeding'],
      ['B2', 1, 19.5, 'points-average'],
      ['A2', 1, 15, null],
    ]);
  });

  it('leaves teams level on every step in group order, marked so (no seeding given)', () => {
    const rows = rankAcrossGroups('fiba-3x3', pools, 3);
    expect(rows.map((r) => [r.teamId, r.played, r.winRatio, r.pointsAverage])).toEqual([
      ['B3', 2, 0, 15],
      ['C3', 2, 0, 15],
      ['A3', 2, 0, 5],
    ]);
    expect(rows[0]?.aboveNextBy).toBe('group-order');
  });
});

describe('drawKnockout — ranked with best next-placed teams', () => {
  it('Tokyo 2020: the eight quarter-finalists, winners meet thirds, no two teams of one group', () => {
    const draw = drawKnockout({ ruleset: 'fiba', groups: tokyo, qualifiersPerGroup: 2, bestNextPlaced: 2 });
    expect(draw.pattern).toBe('ranked');
    expect(draw.seeds.map((s) => s.teamId)).toEqual(['SLO', 'FRA', 'AUS', 'USA', 'ITA', 'ESP', 'ARG', 'GER']);
    expect(firstRound(draw.bracket)).toEqual(['SLO–GER', 'USA–ITA', 'FRA–ARG', 'AUS–ESP']);
    expect(sameGroupPairs(draw.bracket, tokyoGroupOf)).toEqual([]);
    expect(draw.sameGroupGames).toBe(0);
    expect(draw.nextPlacedRanking.map((r) => r.teamId)).toEqual(['ARG', 'GER', 'CZE']);
  });

  it('swaps a lower team with the nearest of its tier when standard seeding pairs one group', () => {
    // Winners ranked A1 (+20), B1 (+10), C1 (+2); runners-up B2 (+15), A2 (+10), C2 (0): standard seeding would give
    // 3 v 6 = C1–C2, so C2 trades places with A2 (the nearest runner-up whose move keeps both games mixed).
    const groups: KnockoutGroup[] = [
      {
        groupId: 'A',
        rankedTeamIds: ['A1', 'A2', 'A3'],
        games: [g('A1', 60, 50, 'A2'), g('A1', 60, 50, 'A3'), g('A2', 70, 50, 'A3')],
      },
      {
        groupId: 'B',
        rankedTeamIds: ['B1', 'B2', 'B3'],
        games: [g('B1', 60, 55, 'B2'), g('B1', 60, 55, 'B3'), g('B2', 70, 50, 'B3')],
      },
      {
        groupId: 'C',
        rankedTeamIds: ['C1', 'C2', 'C3'],
        games: [g('C1', 60, 59, 'C2'), g('C1', 60, 59, 'C3'), g('C2', 60, 59, 'C3')],
      },
    ];
    const draw = drawKnockout({ ruleset: 'fiba', groups, qualifiersPerGroup: 2 });
    expect(firstRound(draw.bracket)).toEqual(['A1–bye', 'B2–C2', 'B1–bye', 'C1–A2']);
    expect(draw.sameGroupGames).toBe(0);
  });

  it('counts what cannot be kept apart (one group of four, everyone qualifies)', () => {
    const one: KnockoutGroup[] = [{ groupId: 'A', rankedTeamIds: ['A1', 'A2', 'A3', 'A4'], games: [] }];
    const draw = drawKnockout({ ruleset: 'fiba', groups: one, qualifiersPerGroup: 4 });
    expect(firstRound(draw.bracket)).toEqual(['A1–A4', 'A2–A3']);
    expect(draw.sameGroupGames).toBe(2);
  });

  it.each([
    { name: 'no groups', input: { groups: [], qualifiersPerGroup: 2 } },
    { name: 'zero qualifiers', input: { groups: tokyo, qualifiersPerGroup: 0 } },
    { name: 'more best thirds than thirds', input: { groups: tokyo, qualifiersPerGroup: 2, bestNextPlaced: 4 } },
    { name: 'a group too small', input: { groups: tokyo, qualifiersPerGroup: 5 } },
    {
      name: 'a team in two groups',
      input: { groups: [...tokyo, { groupId: 'D', rankedTeamIds: ['FRA', 'X'], games: [] }], qualifiersPerGroup: 1 },
    },
  ])('refuses $name', ({ input }) => {
    expect(() => drawKnockout({ ruleset: 'fiba', ...input })).toThrow(BasketballRuleError);
  });
});
