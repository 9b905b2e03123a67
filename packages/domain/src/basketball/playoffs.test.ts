import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BasketballRuleError } from './errors.js';
import {
  advanceBracket,
  createPlayoffBracket,
  playoffSeedsFromGroups,
  seedPlayoffsFromGroups,
  THIRD_PLACE_MATCH_ID,
  type PlayoffBracket,
  type PlayoffGroupStanding,
  type PlayoffMatch,
} from './playoffs.js';

const field = (n: number) => Array.from({ length: n }, (_, i) => `S${i + 1}`);
const match = (b: PlayoffBracket, id: string): PlayoffMatch => {
  const m = b.matches.find((x) => x.id === id);
  if (!m) throw new Error(`no match ${id}`);
  return m;
};
const firstRound = (b: PlayoffBracket) =>
  b.matches.filter((m) => m.round === 1).map((m) => `${m.home.teamId ?? 'bye'}–${m.away.teamId ?? 'bye'}`);
const group = (groupId: string, n = 4): PlayoffGroupStanding => ({
  groupId,
  rankedTeamIds: Array.from({ length: n }, (_, i) => `${groupId}${i + 1}`),
});
/** Lets the home side win every ready match until nothing is left to play. */
function playOut(b: PlayoffBracket, pick: (m: PlayoffMatch) => string | null = (m) => m.home.teamId): PlayoffBracket {
  let current = b;
  for (;;) {
    const ready = current.matches.filter((m) => m.status === 'ready');
    if (ready.length === 0) return current;
    current = advanceBracket(
      current,
      ready.map((m) => ({ matchId: m.id, winnerTeamId: pick(m) ?? '' })),
    );
  }
}

describe('createPlayoffBracket — standard seeding', () => {
  it.each([
    { n: 2, expected: ['S1–S2'] },
    { n: 4, expected: ['S1–S4', 'S2–S3'] },
    { n: 8, expected: ['S1–S8', 'S4–S5', 'S2–S7', 'S3–S6'] },
    { n: 6, expected: ['S1–bye', 'S4–S5', 'S2–bye', 'S3–S6'] },
    { n: 5, expected: ['S1–bye', 'S4–S5', 'S2–bye', 'S3–bye'] },
    { n: 3, expected: ['S1–bye', 'S2–S3'] },
  ])('$n teams: $expected', ({ n, expected }) => {
    expect(firstRound(createPlayoffBracket(field(n)))).toEqual(expected);
  });

  it('lays out 16 so that, when favourites win, every round pairs seeds summing to its size + 1', () => {
    const b = createPlayoffBracket(field(16));
    expect(firstRound(b)).toEqual(['S1–S16', 'S8–S9', 'S4–S13', 'S5–S12', 'S2–S15', 'S7–S10', 'S3–S14', 'S6–S11']);
    const seedOf = (t: string | null) => Number(t?.slice(1));
    const favourites = playOut(b, (m) =>
      seedOf(m.home.teamId) < seedOf(m.away.teamId) ? m.home.teamId : m.away.teamId,
    );
    const pairs = (round: number) =>
      favourites.matches.filter((m) => m.round === round).map((m) => `${m.home.teamId}–${m.away.teamId}`);
    expect(pairs(2)).toEqual(['S1–S8', 'S4–S5', 'S2–S7', 'S3–S6']);
    expect(pairs(3)).toEqual(['S1–S4', 'S2–S3']);
    expect(pairs(4)).toEqual(['S1–S2']);
    expect(b.matches.map((m) => [m.id, m.teamsInRound])).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((p) => [`R1-M${p}`, 16]),
      ...[1, 2, 3, 4].map((p) => [`R2-M${p}`, 8]),
      ['R3-M1', 4],
      ['R3-M2', 4],
      ['R4-M1', 2],
    ]);
  });

  it('walks byes straight into the next round', () => {
    const b = createPlayoffBracket(field(6));
    expect(match(b, 'R1-M1')).toMatchObject({ status: 'bye', winnerTeamId: 'S1', loserTeamId: null });
    expect(match(b, 'R2-M1')).toMatchObject({
      status: 'waiting',
      home: { teamId: 'S1' },
      away: { teamId: null, bye: false },
    });
    expect(match(b, 'R1-M2').status).toBe('ready');
  });

  it.each([
    { name: 'one team', teams: ['S1'] },
    { name: 'a team twice', teams: ['S1', 'S2', 'S1'] },
  ])('rejects $name', ({ teams }) => {
    expect(() => createPlayoffBracket(teams)).toThrow(BasketballRuleError);
  });
});

describe('seedPlayoffsFromGroups — cross-over', () => {
  it.each([
    { name: 'two groups, top two: A1–B2, B1–A2', groups: ['A', 'B'], k: 2, expected: ['A1–B2', 'B1–A2'] },
    { name: 'two groups, top four', groups: ['A', 'B'], k: 4, expected: ['A1–B4', 'B2–A3', 'B1–A4', 'A2–B3'] },
    {
      name: 'two groups, top three (winners get byes)',
      groups: ['A', 'B'],
      k: 3,
      expected: ['A1–bye', 'B2–A3', 'B1–bye', 'A2–B3'],
    },
    {
      name: 'four groups, top two',
      groups: ['A', 'B', 'C', 'D'],
      k: 2,
      expected: ['A1–B2', 'D1–C2', 'B1–A2', 'C1–D2'],
    },
    {
      name: 'one group, top eight: 1v8, 4v5, 2v7, 3v6',
      groups: ['A'],
      k: 8,
      expected: ['A1–A8', 'A4–A5', 'A2–A7', 'A3–A6'],
    },
  ])('$name', ({ groups, k, expected }) => {
    const b = seedPlayoffsFromGroups(
      groups.map((g) => group(g, 8)),
      k,
    );
    expect(firstRound(b)).toEqual(expected);
  });

  it('records where each seed came from', () => {
    expect(playoffSeedsFromGroups([group('A'), group('B')], 2)).toEqual([
      { seed: 1, teamId: 'A1', groupId: 'A', groupRank: 1 },
      { seed: 2, teamId: 'B1', groupId: 'B', groupRank: 1 },
      { seed: 3, teamId: 'A2', groupId: 'A', groupRank: 2 },
      { seed: 4, teamId: 'B2', groupId: 'B', groupRank: 2 },
    ]);
  });

  it('keeps the two teams of a group in opposite halves (four groups, top two)', () => {
    const b = seedPlayoffsFromGroups([group('A'), group('B'), group('C'), group('D')], 2);
    const topHalf = b.matches
      .filter((m) => m.round === 1 && m.position <= 2)
      .flatMap((m) => [m.home.teamId, m.away.teamId]);
    expect(topHalf.sort()).toEqual(['A1', 'B2', 'C2', 'D1']);
  });

  it('never pairs two teams of one group in the first round', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 4 }), (groups, k) => {
        const standings = Array.from({ length: groups }, (_, i) => group(String.fromCharCode(65 + i), k));
        const b = seedPlayoffsFromGroups(standings, k);
        for (const m of b.matches.filter((x) => x.round === 1 && x.status !== 'bye')) {
          expect(m.home.teamId?.charAt(0)).not.toBe(m.away.teamId?.charAt(0));
        }
      }),
    );
  });

  it.each([
    { name: 'no groups', groups: [], k: 2 },
    { name: 'group smaller than the qualifiers', groups: [group('A', 2), group('B', 1)], k: 2 },
    { name: 'zero qualifiers', groups: [group('A')], k: 0 },
  ])('rejects $name', ({ groups, k }) => {
    expect(() => seedPlayoffsFromGroups(groups, k)).toThrow(BasketballRuleError);
  });
});

describe('advanceBracket', () => {
  it('fills winners forward and semi-final losers into the third-place game', () => {
    let b = createPlayoffBracket(field(4), { thirdPlaceGame: true });
    expect(match(b, THIRD_PLACE_MATCH_ID)).toMatchObject({
      kind: 'third-place',
      round: 2,
      teamsInRound: 2,
      status: 'waiting',
    });

    b = advanceBracket(b, [{ matchId: 'R1-M1', winnerTeamId: 'S4' }]);
    expect(match(b, 'R2-M1')).toMatchObject({ status: 'waiting', home: { teamId: 'S4' } });
    expect(match(b, THIRD_PLACE_MATCH_ID)).toMatchObject({ home: { teamId: 'S1' }, away: { teamId: null } });

    b = advanceBracket(b, [{ matchId: 'R1-M2', winnerTeamId: 'S2' }]);
    expect(match(b, 'R2-M1')).toMatchObject({ status: 'ready', home: { teamId: 'S4' }, away: { teamId: 'S2' } });
    expect(match(b, THIRD_PLACE_MATCH_ID)).toMatchObject({
      status: 'ready',
      home: { teamId: 'S1' },
      away: { teamId: 'S3' },
    });

    b = advanceBracket(b, [
      { matchId: 'R2-M1', winnerTeamId: 'S2' },
      { matchId: THIRD_PLACE_MATCH_ID, winnerTeamId: 'S1' },
    ]);
    expect(match(b, 'R2-M1')).toMatchObject({ status: 'decided', winnerTeamId: 'S2', loserTeamId: 'S4' });
    expect(match(b, THIRD_PLACE_MATCH_ID)).toMatchObject({ winnerTeamId: 'S1', loserTeamId: 'S3' });
  });

  it('gives third place to the only semi-final loser when the other semi was a bye', () => {
    let b = createPlayoffBracket(field(3), { thirdPlaceGame: true });
    b = advanceBracket(b, [{ matchId: 'R1-M2', winnerTeamId: 'S3' }]);
    expect(match(b, THIRD_PLACE_MATCH_ID)).toMatchObject({ status: 'bye', winnerTeamId: 'S2' });
    expect(match(b, 'R2-M1')).toMatchObject({ status: 'ready', home: { teamId: 'S1' }, away: { teamId: 'S3' } });
  });

  it('has no third-place game for a two-team playoff', () => {
    expect(createPlayoffBracket(field(2), { thirdPlaceGame: true }).matches.map((m) => m.id)).toEqual(['R1-M1']);
  });

  it('clears later results when an earlier one is corrected', () => {
    let b = playOut(createPlayoffBracket(field(4)));
    expect(match(b, 'R2-M1')).toMatchObject({ status: 'decided', winnerTeamId: 'S1' });
    b = advanceBracket(b, [{ matchId: 'R1-M1', winnerTeamId: 'S4' }]);
    expect(match(b, 'R2-M1')).toMatchObject({ status: 'ready', home: { teamId: 'S4' }, winnerTeamId: null });
    expect(match(b, 'R1-M2')).toMatchObject({ status: 'decided', winnerTeamId: 'S2' });
  });

  it('is pure: the bracket passed in is not changed', () => {
    const b = createPlayoffBracket(field(4));
    const copy: unknown = JSON.parse(JSON.stringify(b));
    advanceBracket(b, [{ matchId: 'R1-M1', winnerTeamId: 'S1' }]);
    expect(b).toEqual(copy);
  });

  it.each([
    { name: 'unknown match', result: { matchId: 'R9-M9', winnerTeamId: 'S1' } },
    { name: 'winner not in the match', result: { matchId: 'R1-M1', winnerTeamId: 'S2' } },
    { name: 'match without two teams yet', result: { matchId: 'R2-M1', winnerTeamId: 'S1' } },
    { name: 'a bye', result: { matchId: 'R1-M3', winnerTeamId: 'S2' } },
  ])('rejects a result for $name', ({ result }) => {
    expect(() => advanceBracket(createPlayoffBracket(field(6)), [result])).toThrow(BasketballRuleError);
  });

  it('crowns exactly one champion for any field and any results', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.boolean(), fc.infiniteStream(fc.boolean()), (n, third, coins) => {
        const iterator = coins[Symbol.iterator]();
        const b = playOut(createPlayoffBracket(field(n), { thirdPlaceGame: third }), (m) =>
          iterator.next().value ? m.home.teamId : m.away.teamId,
        );
        const main = b.matches.filter((m) => m.kind === 'main');
        expect(b.matches.every((m) => m.status === 'decided' || m.status === 'bye')).toBe(true);
        const firstRoundTeams = main
          .filter((m) => m.round === 1)
          .flatMap((m) => [m.home.teamId, m.away.teamId])
          .filter((t) => t !== null);
        expect([...firstRoundTeams].sort()).toEqual(field(n).sort());
        const losers = main.flatMap((m) => (m.loserTeamId === null ? [] : [m.loserTeamId]));
        expect(new Set(losers).size).toBe(n - 1);
        const champion = main[main.length - 1]?.winnerTeamId;
        expect(field(n)).toContain(champion);
        expect(losers).not.toContain(champion);
      }),
    );
  });
});
