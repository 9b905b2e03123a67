import { describe, expect, it } from 'vitest';
import {
  addMatch,
  at,
  createLeague,
  enterResult,
  type League,
  type MatchBody,
} from './support/competition-fixtures.js';
import { expectProblem } from './support/problem.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();

type TieBreak = {
  criterion: string;
  tiedWith: string[];
  values: { teamId: string; value: number }[];
  explanation: string;
  explanationEn: string;
};
type Row = {
  rank: number;
  teamId: string;
  teamName: string;
  won: number;
  lost: number;
  forfeits: number;
  classificationPoints: number;
  pointsFor: number;
  pointsAverage?: number | null;
  gamesCounted?: number;
  tieBreak?: unknown;
  tieBreak3x3?: TieBreak;
};
type Standings = { ruleset: string; groups: { name: string; complete: boolean; rows: Row[] }[] };

const standings = async (eventId: string): Promise<Standings> =>
  (await t.http.get(`/api/events/${eventId}/standings`).expect(200)).body as Standings;

async function games(league: League, pairs: [number, number][]): Promise<MatchBody[]> {
  const out: MatchBody[] = [];
  for (const [i, [home, away]] of pairs.entries()) {
    out.push(
      await addMatch(t, league, {
        homeTeamId: league.teamIds[home],
        awayTeamId: league.teamIds[away],
        startsAt: at(league, i, '10:00'),
      }),
    );
  }
  return out;
}

describe('event ruleset', () => {
  it('defaults to fiba, takes fiba-3x3 on POST /events, shows it on GET, and refuses an unknown one (400 naming ruleset)', async () => {
    const five = await createLeague(t, { teams: 2 });
    expect((await t.http.get(`/api/events/${five.eventId}`).expect(200)).body.ruleset).toBe('fiba');
    const three = await createLeague(t, { teams: 2, ruleset: 'fiba-3x3' });
    expect((await t.http.get(`/api/events/${three.eventId}`).expect(200)).body.ruleset).toBe('fiba-3x3');
    const season = (await t.http.get('/api/seasons/qingdao-basketball-2023').expect(200)).body as { id: string };
    const bad = await t.http.post('/api/events').set(five.organizer).send({
      seasonId: season.id,
      name: '坏',
      kind: 'tournament',
      startDate: '2023-07-20',
      endDate: '2023-07-21',
      ruleset: 'nba',
    });
    expectProblem(bad, 400, 'ruleset');
  });

  it('PATCH /events/:id changes the ruleset (standings follow at once) until a game has a result, then 409 and nothing changes', async () => {
    const league = await createLeague(t, { teams: 2 });
    expect((await standings(league.eventId)).ruleset).toBe('fiba');
    const patched = await t.http
      .patch(`/api/events/${league.eventId}`)
      .set(league.organizer)
      .send({ ruleset: 'fiba-3x3' });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.ruleset).toBe('fiba-3x3');
    // The standings feed is cached per version: a ruleset change must be a new version.
    expect((await standings(league.eventId)).ruleset).toBe('fiba-3x3');

    const [game] = await games(league, [[0, 1]]);
    await enterResult(t, league, game!.id, { homeScore: 21, awayScore: 15 });
    expectProblem(
      await t.http.patch(`/api/events/${league.eventId}`).set(league.organizer).send({ ruleset: 'fiba' }),
      409,
      'ruleset',
    );
    expectProblem(
      await t.http.patch(`/api/events/${league.eventId}`).set(league.organizer).send({ ruleset: 'five' }),
      400,
      'ruleset',
    );
    expect((await t.http.get(`/api/events/${league.eventId}`).expect(200)).body.ruleset).toBe('fiba-3x3');
  });
});

describe('PUT /matches/:id/result under fiba-3x3', () => {
  it('takes early wins at 21 or 22 and overtime results; refuses impossible ones (422 naming the field) and changes nothing', async () => {
    const league = await createLeague(t, { teams: 2, ruleset: 'fiba-3x3' });
    const [game] = await games(league, [[0, 1]]);
    const id = game!.id;
    const put = (body: Record<string, unknown>) =>
      t.http.put(`/api/matches/${id}/result`).set(league.organizer).send(body);

    expectProblem(await put({ homeScore: 23, awayScore: 10 }), 422, 'homeScore');
    expectProblem(await put({ homeScore: 21, awayScore: 22 }), 422, 'homeScore');
    expectProblem(await put({ homeScore: 24, awayScore: 20, overtime: true }), 422, 'homeScore');
    expectProblem(await put({ homeScore: 22, awayScore: 22, overtime: true }), 422, 'homeScore');
    expectProblem(await put({ forfeitedBy: league.teamIds[0], overtime: true }), 400, 'overtime');
    expectProblem(await put({ homeScore: 21, awayScore: 19, overtime: 'yes' }), 400, 'overtime');
    const untouched = (await t.http.get(`/api/matches/${id}`).expect(200)).body as MatchBody;
    expect([untouched.status, untouched.homeScore, untouched.version]).toEqual(['scheduled', null, game!.version]);

    const early = await enterResult(t, league, id, { homeScore: 22, awayScore: 4 });
    expect([early.homeScore, early.awayScore, early.overtime, early.winnerTeamId]).toEqual([
      22,
      4,
      false,
      league.teamIds[0],
    ]);
    const ot = await enterResult(t, league, id, { homeScore: 20, awayScore: 22, overtime: true });
    expect([ot.homeScore, ot.awayScore, ot.overtime, ot.winnerTeamId]).toEqual([20, 22, true, league.teamIds[1]]);
  });

  it('records a forfeit as w-0: status forfeit, no scores, the other team wins', async () => {
    const league = await createLeague(t, { teams: 2, ruleset: 'fiba-3x3' });
    const [game] = await games(league, [[0, 1]]);
    const res = await enterResult(t, league, game!.id, { forfeitedBy: league.teamIds[0] });
    expect([res.status, res.homeScore, res.awayScore, res.forfeitedBy, res.winnerTeamId, res.overtime]).toEqual([
      'forfeit',
      null,
      null,
      league.teamIds[0],
      league.teamIds[1],
      false,
    ]);
  });

  it('five-a-side is unchanged: 102–74 is a result there, and a forfeit still counts 20–0', async () => {
    const league = await createLeague(t, { teams: 2 });
    const [a, b] = await games(league, [
      [0, 1],
      [1, 0],
    ]);
    expect((await enterResult(t, league, a!.id, { homeScore: 102, awayScore: 74 })).homeScore).toBe(102);
    const forfeit = await enterResult(t, league, b!.id, { forfeitedBy: league.teamIds[1] });
    expect([forfeit.homeScore, forfeit.awayScore]).toEqual([0, 20]);
  });
});

describe('GET /events/:id/standings under fiba-3x3', () => {
  it('ranks a three-way tie on wins by points average, leaving the w of a forfeit win out, and explains each place', async () => {
    // A, B, C 2–1 in a circle, all beat D, D forfeited to A (the domain's forfeit case, through HTTP and PostgreSQL).
    const league = await createLeague(t, { teams: 4, ruleset: 'fiba-3x3' });
    const pairs: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 0],
      [0, 3],
      [1, 3],
      [2, 3],
    ];
    const scores: (Record<string, unknown> | 'forfeit')[] = [
      { homeScore: 20, awayScore: 18 },
      { homeScore: 21, awayScore: 19 },
      { homeScore: 17, awayScore: 15 },
      'forfeit',
      { homeScore: 21, awayScore: 16 },
      { homeScore: 18, awayScore: 10 },
    ];
    const created = await games(league, pairs);
    for (const [i, game] of created.entries()) {
      const score = scores[i]!;
      await enterResult(t, league, game.id, score === 'forfeit' ? { forfeitedBy: league.teamIds[3] } : score);
    }
    const result = await standings(league.eventId);
    expect(result.ruleset).toBe('fiba-3x3');
    const rows = result.groups[0]!.rows;
    expect(
      rows.map((r) => [
        r.rank,
        r.teamName,
        r.won,
        r.lost,
        r.forfeits,
        r.classificationPoints,
        r.pointsFor,
        r.gamesCounted,
        r.pointsAverage,
      ]),
    ).toEqual([
      [1, '队B', 2, 1, 0, 2, 60, 3, 20],
      [2, '队C', 2, 1, 0, 2, 54, 3, 18],
      [3, '队A', 2, 1, 0, 2, 35, 2, 17.5],
      [4, '队D', 0, 3, 1, 0, 26, 3, 8.67],
    ]);
    expect(rows.every((r) => r.tieBreak === undefined)).toBe(true);
    expect(rows[0]!.tieBreak3x3).toMatchObject({
      criterion: 'points-average',
      tiedWith: [league.teamIds[2], league.teamIds[0]],
      explanation: 'Ahead of 队C and 队A on points scored per game (forfeit wins left out) (20 vs 18, 17.5)',
      explanationEn:
        'Ahead of Team 队C and Team 队A on points scored per game (forfeit wins left out) (20 vs 18, 17.5)',
    });
    expect(rows[3]!.tieBreak3x3).toBeUndefined();
  });
});
