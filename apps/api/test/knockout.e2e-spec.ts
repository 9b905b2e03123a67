import { describe, expect, it } from 'vitest';
import type { Problem } from './support/problem.js';
import {
  addMatch,
  at,
  createLeague,
  enterResult,
  type League,
  listMatches,
  type MatchBody,
} from './support/competition-fixtures.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();

type Seed = { seed: number; teamId: string; group: string; groupRank: number };
type Pairing = { slot: string; home: Seed | null; away: Seed | null; sameGroup: boolean };
type Preview = {
  pattern: string;
  size: number;
  groupStageComplete: boolean;
  unfinishedGames: { matchId: string; group: string }[];
  bracketExists: boolean;
  seeds: Seed[];
  firstRound: Pairing[];
  nextPlacedRanking: {
    teamId: string;
    group: string;
    played: number;
    pointsDiff: number;
    pointsAverage: number | null;
    qualifies: boolean;
    aboveNextBy: string | null;
  }[];
  ruleset: string;
  sameGroupGames: number;
  drawKey: string;
};

const preview = (league: League, body: Record<string, unknown>) =>
  t.http.post(`/api/events/${league.eventId}/knockout/preview`).set(league.organizer).send(body);
const confirm = (league: League, body: Record<string, unknown>) =>
  t.http.post(`/api/events/${league.eventId}/knockout`).set(league.organizer).send(body);

/**
 * Three groups of three (teams 0–2 in A, 3–5 in B, 6–8 in C). In every group the first team beats both others and the
 * second beats the third; the thirds lose by 5+5 (A), 10+10 (B) and 20+20 (C), so A's and B's thirds are the best two.
 */
const MARGINS: Record<string, number> = { A: 5, B: 10, C: 20 };
async function threeGroups(): Promise<{ league: League; games: { match: MatchBody; score: [number, number] }[] }> {
  const league = await createLeague(t, { teams: 9, days: 10 });
  const games: { match: MatchBody; score: [number, number] }[] = [];
  const groups = ['A', 'B', 'C'];
  const times = ['14:00', '17:00', '19:30'];
  for (const [gi, group] of groups.entries()) {
    const [first, second, third] = [0, 1, 2].map((i) => league.teamIds[gi * 3 + i]!);
    const m = MARGINS[group]!;
    const pairings: [string, string, [number, number]][] = [
      [first!, second!, [80, 70]],
      [second!, third!, [70 + m, 70]],
      [first!, third!, [70 + m, 70]],
    ];
    for (const [day, [home, away, score]] of pairings.entries()) {
      const match = await addMatch(t, league, {
        homeTeamId: home,
        awayTeamId: away,
        startsAt: at(league, day, times[gi]!),
        group,
        round: day + 1,
      });
      games.push({ match, score });
    }
  }
  return { league, games };
}

describe('group stage → knockout', () => {
  it('previews without storing, refuses to confirm before the groups are done, then confirms once', async () => {
    const { league, games } = await threeGroups();
    const groupOf = (teamId: string) => ['A', 'B', 'C'][Math.floor(league.teamIds.indexOf(teamId) / 3)];

    const early = await preview(league, { qualifiersPerGroup: 2, bestNextPlaced: 2 });
    expect(early.status, JSON.stringify(early.body)).toBe(200);
    expect((early.body as Preview).groupStageComplete).toBe(false);
    expect((early.body as Preview).unfinishedGames).toHaveLength(9);

    for (const g of games.slice(0, 8))
      await enterResult(t, league, g.match.id, { homeScore: g.score[0], awayScore: g.score[1] });
    const refused = await confirm(league, { qualifiersPerGroup: 2, bestNextPlaced: 2 });
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = refused.body as Problem;
    expect(problem.code).toBe('knockout.group-stage-incomplete');
    expect(problem.errors).toEqual([
      expect.objectContaining({
        field: `matches.${games[8]!.match.id}`,
        code: 'knockout.game-unfinished',
        params: { matchId: games[8]!.match.id, group: 'C' },
      }),
    ]);
    expect((await t.http.get(`/api/events/${league.eventId}/bracket`)).status).toBe(404);

    await enterResult(t, league, games[8]!.match.id, { homeScore: games[8]!.score[0], awayScore: games[8]!.score[1] });
    const shown = await preview(league, { qualifiersPerGroup: 2, bestNextPlaced: 2 });
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    const draw = shown.body as Preview;
    const [a1, a2, a3, b1, b2, b3, c1, c2, c3] = league.teamIds as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    expect(draw).toMatchObject({
      pattern: 'ranked',
      size: 8,
      groupStageComplete: true,
      unfinishedGames: [],
      bracketExists: false,
      sameGroupGames: 0,
    });
    expect(draw.nextPlacedRanking.map((r) => [r.teamId, r.pointsDiff, r.qualifies, r.aboveNextBy])).toEqual([
      [a3, -10, true, 'points-diff'],
      [b3, -20, true, 'points-diff'],
      [c3, -40, false, null],
    ]);
    // Winners by points difference: C1 (+30), B1 (+20), A1 (+15); runners-up: C2 (+10), B2 (0), A2 (−5); standard
    // seeding would pair A1 with A2 (3 v 6), so A2 and B2 trade places.
    expect(draw.seeds.map((s) => s.teamId)).toEqual([c1, b1, a1, c2, a2, b2, a3, b3]);
    for (const p of draw.firstRound) expect(groupOf(p.home!.teamId)).not.toBe(groupOf(p.away!.teamId));
    expect((await t.http.get(`/api/events/${league.eventId}/bracket`)).status).toBe(404);
    expect(await listMatches(t, league.eventId)).toHaveLength(9);

    // Bad input: named field, nothing stored.
    expect((await preview(league, { qualifiersPerGroup: 0 })).status).toBe(400);
    const tooMany = await preview(league, { qualifiersPerGroup: 2, bestNextPlaced: 4 });
    expect(tooMany.status).toBe(422);
    expect((tooMany.body as Problem).errors?.[0]?.field).toBe('bestNextPlaced');
    expect((await preview(league, { qualifiersPerGroup: 4 })).status).toBe(422);
    expect((await confirm(league, { qualifiersPerGroup: 2, surprise: true })).status).toBe(400);
    expect((await confirm(league, { drawKey: 'not-a-key' })).status).toBe(400);
    expect((await t.http.post(`/api/events/${league.eventId}/knockout`).send({})).status).toBe(401);
    expect((await t.http.get(`/api/events/${league.eventId}/bracket`)).status).toBe(404);

    // Two confirmations at once: one bracket.
    const body = { qualifiersPerGroup: 2, bestNextPlaced: 2, drawKey: draw.drawKey };
    const answers = await Promise.all([confirm(league, body), confirm(league, body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const lost = answers.find((r) => r.status === 409)!;
    expect((lost.body as Problem).code).toBe('knockout.bracket-exists');
    const bracket = answers.find((r) => r.status === 201)!.body as {
      seeds: Seed[];
      bestNextPlaced: number;
      drawnBeforeGroupsComplete: boolean;
      matches: { slot: string; matchId: string | null }[];
    };
    expect(bracket).toMatchObject({ bestNextPlaced: 2, drawnBeforeGroupsComplete: false, divisionId: null });
    expect(bracket.seeds.map((s) => s.teamId)).toEqual(draw.seeds.map((s) => s.teamId));
    const playoffGames = (await listMatches(t, league.eventId)).filter((m) => m.playoffSlot);
    expect(playoffGames.map((m) => m.playoffSlot).sort()).toEqual(['R1-M1', 'R1-M2', 'R1-M3', 'R1-M4']);
    expect((await confirm(league, body)).status).toBe(409);
    expect((await preview(league, { qualifiersPerGroup: 2, bestNextPlaced: 2 })).body).toMatchObject({
      bracketExists: true,
    });
  });

  it('draws two groups crossed over, early only when the organizer says so, and only the draw previewed', async () => {
    const league = await createLeague(t, { teams: 4, days: 10 });
    const [a1, a2, b1, b2] = league.teamIds as [string, string, string, string];
    const gameA = await addMatch(t, league, {
      homeTeamId: a2,
      awayTeamId: a1,
      startsAt: at(league, 0, '17:00'),
      group: 'A',
    });
    await addMatch(t, league, { homeTeamId: b1, awayTeamId: b2, startsAt: at(league, 0, '19:30'), group: 'B' });

    expect(((await preview(league, {})).body as Preview).pattern).toBe('crossover');
    await enterResult(t, league, gameA.id, { homeScore: 60, awayScore: 75 }); // a1 wins group A
    const after = (await preview(league, {})).body as Preview;
    expect(after.firstRound.map((p) => [p.home?.teamId, p.away?.teamId])).toEqual([
      [a1, after.seeds.find((s) => s.group === 'B' && s.groupRank === 2)!.teamId],
      [after.seeds.find((s) => s.group === 'B' && s.groupRank === 1)!.teamId, a2],
    ]);
    expect(after.unfinishedGames).toHaveLength(1);
    const incomplete = await confirm(league, {});
    expect(incomplete.status).toBe(409);
    expect((incomplete.body as Problem).code).toBe('knockout.group-stage-incomplete');

    // The key names the draw previewed: asking for another one (here with a third-place game) is refused.
    const stale = await confirm(league, { allowIncomplete: true, thirdPlaceGame: true, drawKey: after.drawKey });
    expect(stale.status).toBe(409);
    expect((stale.body as Problem).code).toBe('knockout.draw-changed');
    const early = await confirm(league, { allowIncomplete: true, drawKey: after.drawKey });
    expect(early.status, JSON.stringify(early.body)).toBe(201);
    expect(early.body).toMatchObject({ drawnBeforeGroupsComplete: true, size: 4 });
  });
  it('ranks 3x3 runners-up across pools by points per game, a forfeit win left out of the average', async () => {
    const league = await createLeague(t, { teams: 9, days: 10, ruleset: 'fiba-3x3' });
    const ids = league.teamIds;
    // Pool → [first, second, third] and the results: first beats both, second beats third (A's third forfeits).
    const pools: [string, number, number, [number, number], [number, number] | 'forfeit', [number, number]][] = [
      ['A', 0, 3, [21, 15], 'forfeit', [21, 10]],
      ['B', 3, 6, [21, 19], [20, 18], [21, 12]],
      ['C', 6, 9, [21, 19], [21, 18], [21, 12]],
    ];
    const times = ['14:00', '16:00', '18:00'];
    for (const [pi, [group, from, , firstSecond, secondThird, firstThird]] of pools.entries()) {
      const [first, second, third] = ids.slice(from, from + 3) as [string, string, string];
      const games: [string, string, [number, number] | 'forfeit'][] = [
        [first, second, firstSecond],
        [second, third, secondThird],
        [first, third, firstThird],
      ];
      for (const [day, [home, away, result]] of games.entries()) {
        const match = await addMatch(t, league, {
          homeTeamId: home,
          awayTeamId: away,
          startsAt: at(league, day, times[pi]!),
          group,
        });
        await enterResult(
          t,
          league,
          match.id,
          result === 'forfeit' ? { forfeitedBy: away } : { homeScore: result[0], awayScore: result[1] },
        );
      }
    }
    const res = await preview(league, { qualifiersPerGroup: 1, bestNextPlaced: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const draw = res.body as Preview;
    expect(draw.ruleset).toBe('fiba-3x3');
    expect(
      draw.nextPlacedRanking.map((r) => [r.teamId, r.played, r.pointsAverage, r.aboveNextBy, r.qualifies]),
    ).toEqual([
      [ids[7], 2, 20, 'points-average', true],
      [ids[4], 2, 19.5, 'points-average', false],
      [ids[1], 2, 15, null, false],
    ]);
    expect(draw.seeds).toHaveLength(4);
  });
});
