import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMatch, at, createLeague, enterResult, type League } from './support/competition-fixtures.js';
import { expectProblem } from './support/problem.js';
import { queryDatabase, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

type Row = {
  rank: number;
  teamId: string;
  decidedByLot?: true;
  tieBreak?: {
    criterion: string;
    explanation: string;
    explanationEn: string;
    lot?: { recordedBy: string; recordedAt: string; drawn: number };
  };
  tieBreak3x3?: { criterion: string; explanation: string; lot?: { drawn: number } };
};
type Standings = { groups: { name: string; complete: boolean; rows: Row[] }[] };
type Lot = { id: string; teamIds: string[]; recordedBy: string; recordedAt: string; group: string };

const record = (league: League, body: Record<string, unknown>) =>
  t.http.post(`/api/events/${league.eventId}/standings/lots`).set(league.organizer).send(body);
const standings = async (league: League): Promise<{ body: Standings; etag: string }> => {
  const res = await t.http.get(`/api/events/${league.eventId}/standings`).expect(200);
  return { body: res.body as Standings, etag: String(res.headers.etag) };
};

/**
 * Three teams in a circle, every game won 80–70 (five-a-side) or 21–19 (3x3): level on every criterion, so only lots
 * separate them once the last game is in. Returns the last game, left unplayed.
 */
async function circle(league: League): Promise<{ lastGameId: string; score: [number, number] }> {
  const [a, b, c] = league.teamIds as [string, string, string];
  const score: [number, number] = [80, 70];
  const pairs: [string, string][] = [
    [a, b],
    [b, c],
    [c, a],
  ];
  let lastGameId = '';
  for (const [day, [home, away]] of pairs.entries()) {
    const game = await addMatch(t, league, { homeTeamId: home, awayTeamId: away, startsAt: at(league, day, '19:30') });
    if (day < 2) await enterResult(t, league, game.id, { homeScore: score[0], awayScore: score[1] });
    else lastGameId = game.id;
  }
  return { lastGameId, score };
}

describe('ties decided by lot', () => {
  it('records the order drawn for a five-a-side tie (D.1.3), and the standings apply and explain it', async () => {
    const league = await createLeague(t, { teams: 3 });
    const [a, b, c] = league.teamIds as [string, string, string];
    const { lastGameId, score } = await circle(league);

    // Before the group is complete no lot can be drawn: nothing stored.
    expect((await record(league, { group: '', teamIds: [c, a, b] })).body.code).toBe('standings.lot-not-needed');
    await enterResult(t, league, lastGameId, { homeScore: score[0], awayScore: score[1] });
    const before = await standings(league);
    expect(before.body.groups[0]?.rows.map((r) => [r.rank, r.tieBreak?.criterion])).toEqual([
      [1, 'lot'],
      [1, 'lot'],
      [1, 'lot'],
    ]);

    // Bad input: the field is named, nothing is stored.
    expectProblem(await record(league, { group: '', teamIds: ['not-a-uuid', a] }), 400, 'teamIds');
    expectProblem(await record(league, { group: '', teamIds: [a] }), 400, 'teamIds');
    expectProblem(await record(league, { teamIds: [a, b, c] }), 400, 'group');
    expectProblem(await record(league, { group: 'Z', teamIds: [a, b, c] }), 422, 'group');
    const partial = expectProblem(await record(league, { group: '', teamIds: [a, b] }), 422, 'teamIds');
    expect(partial.code).toBe('standings.lot-not-needed');
    expectProblem(await record(league, { group: '', teamIds: [a, b, b] }), 422, 'teamIds');
    expectProblem(await record(league, { group: '', teamIds: [a, b, c], division: 'U10' }), 422, 'division');
    expect((await t.http.post(`/api/events/${league.eventId}/standings/lots`).send({})).status).toBe(401);
    expect(await queryDatabase(t, `SELECT id FROM drawn_lots`)).toEqual([]);

    const recorded = await record(league, { group: '', teamIds: [c, a, b] });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const lot = recorded.body as Lot;
    expect(lot).toMatchObject({ group: '', teamIds: [c, a, b] });
    expect(lot.recordedBy).not.toBe('');
    expect(lot.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+08:00$/);

    // The standings changed (a new ETag) and rank the teams in the order drawn, saying who recorded it and when.
    const after = await standings(league);
    expect(after.etag).not.toBe(before.etag);
    const rows = after.body.groups[0]!.rows;
    expect(rows.map((r) => [r.rank, r.teamId, r.decidedByLot])).toEqual([
      [1, c, true],
      [2, a, true],
      [3, b, true],
    ]);
    expect(rows[1]?.tieBreak).toMatchObject({
      criterion: 'lot',
      lot: { recordedBy: lot.recordedBy, recordedAt: lot.recordedAt, drawn: 2 },
    });
    expect(rows[1]?.tieBreak?.explanationEn).toBe(
      `Level with Team ${league.names[2]} and Team ${league.names[1]} on every criterion; decided by lot (recorded by ${lot.recordedBy}, at ${lot.recordedAt}): drawn 2 of 3`,
    );

    // Drawn again: the last lot counts; both stay listed.
    expect((await record(league, { group: '', teamIds: [b, c, a] })).status).toBe(201);
    expect((await standings(league)).body.groups[0]!.rows.map((r) => r.teamId)).toEqual([b, c, a]);
    const listed = (await t.http.get(`/api/events/${league.eventId}/standings/lots`).expect(200)).body as Lot[];
    expect(listed.map((l) => l.teamIds)).toEqual([
      [c, a, b],
      [b, c, a],
    ]);
  });

  it('records a lot for an unseeded 3x3 pool, and asks for the division once the event has divisions', async () => {
    const league = await createLeague(t, { teams: 3, ruleset: 'fiba-3x3' });
    const [a, b, c] = league.teamIds as [string, string, string];
    const pairs: [string, string][] = [
      [a, b],
      [b, c],
      [c, a],
    ];
    for (const [day, [home, away]] of pairs.entries()) {
      const game = await addMatch(t, league, {
        homeTeamId: home,
        awayTeamId: away,
        startsAt: at(league, day, '19:30'),
      });
      await enterResult(t, league, game.id, { homeScore: 21, awayScore: 19 });
    }
    expect((await standings(league)).body.groups[0]!.rows.map((r) => r.tieBreak3x3?.criterion)).toEqual([
      'level',
      'level',
      'level',
    ]);
    expect((await record(league, { group: '', teamIds: [b, a, c] })).status).toBe(201);
    const rows = (await standings(league)).body.groups[0]!.rows;
    expect(rows.map((r) => [r.rank, r.teamId, r.tieBreak3x3?.criterion, r.tieBreak3x3?.lot?.drawn])).toEqual([
      [1, b, 'lot', 1],
      [2, a, 'lot', 2],
      [3, c, 'lot', 3],
    ]);
    expect(rows[0]?.tieBreak3x3?.explanation).toContain('with no seeding; decided by lot (recorded by ');

    const division = await t.http
      .post(`/api/events/${league.eventId}/divisions`)
      .set(league.organizer)
      .send({ code: 'open', name: '公开组' });
    expect(division.status, JSON.stringify(division.body)).toBe(201);
    expect(expectProblem(await record(league, { group: '', teamIds: [a, b, c] }), 400, 'division').code).toBe(
      'standings.division-required',
    );
    expectProblem(await record(league, { group: '', teamIds: [a, b, c], division: 'nope' }), 422, 'division');
  });
});
