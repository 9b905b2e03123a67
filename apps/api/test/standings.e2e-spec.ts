import { describe, expect, it } from 'vitest';
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

type Row = {
  rank: number;
  teamId: string;
  teamName: string;
  played: number;
  won: number;
  lost: number;
  classificationPoints: number;
  pointsFor: number;
  pointsAgainst: number;
  pointsDiff: number;
  tieBreak?: {
    criterion: string;
    tiedWith: string[];
    values: { teamId: string; value: number }[];
    explanation: string;
  };
};
type Standings = { groups: { name: string; complete: boolean; rows: Row[] }[] };

const standings = async (eventId: string): Promise<Standings> =>
  (await t.http.get(`/api/events/${eventId}/standings`).expect(200)).body as Standings;

/**
 * A, B and C win two games each and D none. On head-to-head among A, B and C each won once, but
 * A's games against B and C net +6 while B and C both net −3: A is first, then (D.1.4) the
 * procedure restarts for B and C alone, and B beat C. Ranking by overall difference instead
 * would give A (+36), C (+15), B (+2).
 */
const TIE_GAMES: { home: number; away: number; day: number; time: string; score: [number, number] }[] = [
  { home: 0, away: 1, day: 0, time: '17:00', score: [80, 70] }, // A–B
  { home: 2, away: 3, day: 0, time: '19:30', score: [88, 70] }, // C–D
  { home: 1, away: 2, day: 1, time: '17:00', score: [77, 70] }, // B–C
  { home: 0, away: 3, day: 1, time: '19:30', score: [90, 60] }, // A–D
  { home: 2, away: 0, day: 2, time: '17:00', score: [75, 71] }, // C–A
  { home: 1, away: 3, day: 2, time: '19:30', score: [85, 80] }, // B–D
];

async function tieLeague(): Promise<{ league: League; games: MatchBody[] }> {
  const league = await createLeague(t, { teams: 4 });
  const games: MatchBody[] = [];
  for (const g of TIE_GAMES) {
    games.push(
      await addMatch(t, league, {
        homeTeamId: league.teamIds[g.home],
        awayTeamId: league.teamIds[g.away],
        startsAt: at(league, g.day, g.time),
        round: g.day + 1,
      }),
    );
  }
  return { league, games };
}

async function enterAll(league: League, games: MatchBody[], order: number[]): Promise<void> {
  for (const i of order) {
    const [homeScore, awayScore] = TIE_GAMES[i]!.score;
    await enterResult(t, league, games[i]!.id, { homeScore, awayScore });
  }
}

/** Rows with names instead of ids, comparable across leagues. */
const byName = (s: Standings, league: League) =>
  s.groups.map((g) => ({
    name: g.name,
    rows: g.rows.map(({ teamId, tieBreak, ...row }) => ({
      ...row,
      team: league.names[league.teamIds.indexOf(teamId)],
      criterion: tieBreak?.criterion,
      tiedWith: tieBreak?.tiedWith.map((id) => league.names[league.teamIds.indexOf(id)]),
    })),
  }));

describe('GET /events/:id/standings', () => {
  it('ranks a three-way tie by FIBA head-to-head, restarting for the teams still tied, whatever the order results arrive in', async () => {
    const first = await tieLeague();
    const before = await standings(first.league.eventId);
    expect(before.groups).toHaveLength(1);
    expect(before.groups[0]!.rows.map((r) => [r.rank, r.played, r.tieBreak?.criterion])).toEqual([
      [1, 0, 'level'],
      [1, 0, 'level'],
      [1, 0, 'level'],
      [1, 0, 'level'],
    ]);

    await enterAll(first.league, first.games, [0, 1, 2, 3, 4, 5]);
    const result = await standings(first.league.eventId);
    const [a, b, c, d] = first.league.teamIds as [string, string, string, string];
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0]).toMatchObject({ name: '', complete: true });
    const rows = result.groups[0]!.rows;
    expect(
      rows.map((r) => [
        r.rank,
        r.teamName,
        r.played,
        r.won,
        r.lost,
        r.classificationPoints,
        r.pointsFor,
        r.pointsAgainst,
        r.pointsDiff,
      ]),
    ).toEqual([
      [1, '队A', 3, 2, 1, 5, 241, 205, 36],
      [2, '队B', 3, 2, 1, 5, 232, 230, 2],
      [3, '队C', 3, 2, 1, 5, 233, 218, 15],
      [4, '队D', 3, 0, 3, 3, 210, 263, -53],
    ]);
    expect(rows[0]!.tieBreak).toMatchObject({
      criterion: 'head-to-head-diff',
      tiedWith: [b, c],
      values: [
        { teamId: a, value: 6 },
        { teamId: b, value: -3 },
        { teamId: c, value: -3 },
      ],
    });
    expect(rows[0]!.tieBreak!.explanation).toContain('队B');
    expect(rows[0]!.tieBreak!.explanation).not.toContain(b);
    expect(rows[1]!.tieBreak).toMatchObject({ criterion: 'head-to-head-points', tiedWith: [c] });
    expect(rows[2]!.tieBreak).toMatchObject({ criterion: 'head-to-head-points', tiedWith: [b] });
    expect(rows[3]!.tieBreak).toBeUndefined();
    expect(rows[3]!.teamId).toBe(d);

    // Another league, results in reverse order with a wrong score entered and corrected on the way.
    const second = await tieLeague();
    await enterResult(t, second.league, second.games[4]!.id, { homeScore: 60, awayScore: 99 });
    await enterAll(second.league, second.games, [5, 4, 3, 2, 1, 0]);
    expect(byName(await standings(second.league.eventId), second.league)).toEqual(byName(result, first.league));
  });

  it('gives a forfeit 0 classification points and the opponent a 20–0 win', async () => {
    const league = await createLeague(t, { teams: 2 });
    const game = await addMatch(t, league, {
      homeTeamId: league.teamIds[0],
      awayTeamId: league.teamIds[1],
      startsAt: at(league, 0, '19:30'),
    });
    await enterResult(t, league, game.id, { forfeitedBy: league.teamIds[0] });
    const rows = (await standings(league.eventId)).groups[0]!.rows;
    expect(rows.map((r) => [r.teamName, r.won, r.lost, r.classificationPoints, r.pointsFor, r.pointsAgainst])).toEqual([
      ['队B', 1, 0, 2, 20, 0],
      ['队A', 0, 1, 0, 0, 20],
    ]);
  });

  it('keeps groups apart and lists the seeded CBA Summer League with real-looking standings', async () => {
    const events = (await t.http.get('/api/seasons/qingdao-basketball-2023/events').expect(200)).body as {
      id: string;
      slug: string;
    }[];
    const cba = events.find((e) => e.slug === 'cba-summer-league-2023')!;
    const table = await standings(cba.id);
    expect(table.groups.map((g) => g.name)).toEqual(['']);
    const rows = table.groups[0]!.rows;
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.played === 5 && r.won + r.lost === 5)).toBe(true);
    expect(rows.reduce((sum, r) => sum + r.won, 0)).toBe(25);
    expect(rows.reduce((sum, r) => sum + r.pointsDiff, 0)).toBe(0);
    expect(rows[0]!.teamName).toBe('辽宁');

    const league = await createLeague(t, { teams: 4 });
    const [a, b, c, d] = league.teamIds as [string, string, string, string];
    const ab = await addMatch(t, league, {
      homeTeamId: a,
      awayTeamId: b,
      startsAt: at(league, 0, '17:00'),
      group: 'A',
    });
    await addMatch(t, league, { homeTeamId: c, awayTeamId: d, startsAt: at(league, 0, '19:30'), group: 'B' });
    await enterResult(t, league, ab.id, { homeScore: 60, awayScore: 70 });
    const grouped = await standings(league.eventId);
    // Nothing separates C and D yet: they share first place in group B.
    expect(
      grouped.groups.map((g) => [g.name, g.complete, g.rows.map((r) => `${r.rank} ${r.teamName}`).sort()]),
    ).toEqual([
      ['A', true, ['1 队B', '2 队A']],
      ['B', false, ['1 队C', '1 队D']],
    ]);
  });

  it('serves standings and schedules with ETag and Cache-Control, 304 until a write changes them', async () => {
    const { league, games } = await tieLeague();
    const url = `/api/events/${league.eventId}/standings`;
    const first = await t.http.get(url).expect(200);
    expect(first.headers['cache-control']).toMatch(/public, max-age=5/);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await t.http.get(url).set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    expect((await t.http.get(url).set('If-None-Match', `"other", ${etag}`)).status).toBe(304);

    const list = `/api/events/${league.eventId}/matches`;
    const listed = await t.http.get(list).expect(200);
    const listTag = listed.headers.etag as string;
    expect((await t.http.get(list).set('If-None-Match', listTag)).status).toBe(304);
    const filtered = await t.http.get(`${list}?teamId=${league.teamIds[0]}`).expect(200);
    expect(filtered.headers.etag).not.toBe(listTag);

    // A failed write changes nothing…
    expect(
      (
        await t.http
          .put(`/api/matches/${games[0]!.id}/result`)
          .set(league.organizer)
          .send({ homeScore: 70, awayScore: 70 })
      ).status,
    ).toBe(422);
    expect((await t.http.get(url).set('If-None-Match', etag)).status).toBe(304);
    // …a result invalidates both feeds.
    await enterResult(t, league, games[0]!.id, { homeScore: 80, awayScore: 70 });
    const fresh = await t.http.get(url).set('If-None-Match', etag);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.etag).not.toBe(etag);
    expect(fresh.body.groups[0].rows[0]).toMatchObject({ teamName: '队A', won: 1 });
    const freshList = await t.http.get(list).set('If-None-Match', listTag);
    expect(freshList.status).toBe(200);
    expect(freshList.body.find((m: MatchBody) => m.id === games[0]!.id)).toMatchObject({
      homeScore: 80,
      status: 'final',
    });

    // A team's new name and a newly confirmed team reach the cached standings too.
    const renamed = await t.http
      .patch(`/api/teams/${league.teamIds[0]}`)
      .set(league.organizer)
      .send({ name: '新名字' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const afterRename = await t.http.get(url).set('If-None-Match', fresh.headers.etag as string);
    expect(afterRename.status).toBe(200);
    expect(afterRename.body.groups[0].rows[0].teamName).toBe('新名字');
    const team = (
      await t.http.post('/api/teams').set(league.organizer).send({ name: '新队', sport: 'basketball' }).expect(201)
    ).body.id as string;
    await t.http
      .post(`/api/events/${league.eventId}/registrations`)
      .set(league.organizer)
      .send({ teamId: team })
      .expect(201);
    const withNewTeam = await t.http.get(url).set('If-None-Match', afterRename.headers.etag as string);
    expect(withNewTeam.status).toBe(200);
    expect(withNewTeam.body.groups[0].rows).toHaveLength(5);
    expect(await listMatches(t, league.eventId)).toHaveLength(6);
    expect((await t.http.get('/api/events/00000000-0000-4000-8000-000000000000/standings')).status).toBe(404);
    expect((await t.http.get('/api/events/nope/standings')).status).toBe(404);
  });
});

describe('playoffs', () => {
  it('seeds a bracket from the final standings and advances winners as results arrive', async () => {
    const { league, games } = await tieLeague();
    const post = (body: Record<string, unknown>) =>
      t.http.post(`/api/events/${league.eventId}/playoffs`).set(league.organizer).send(body);
    await enterAll(league, games, [0, 1, 2, 3, 4]);
    expect((await post({ qualifiersPerGroup: 4 })).status).toBe(409); // a group game remains
    expect((await t.http.get(`/api/events/${league.eventId}/bracket`)).status).toBe(404);
    await enterAll(league, games, [5]);
    expect((await post({ qualifiersPerGroup: 5 })).status).toBe(422);
    expect((await t.http.post(`/api/events/${league.eventId}/playoffs`).send({})).status).toBe(401);

    const created = await post({ qualifiersPerGroup: 4, thirdPlaceGame: true });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [a, b, c, d] = league.teamIds as [string, string, string, string];
    expect(created.body.seeds.map((s: { teamId: string }) => s.teamId)).toEqual([a, b, c, d]);
    type Slot = { slot: string; matchId: string; home: { teamId: string }; away: { teamId: string } };
    const slot = (body: { matches: Slot[] }, id: string): Slot => body.matches.find((m) => m.slot === id)!;
    expect(slot(created.body, 'R1-M1')).toMatchObject({
      status: 'ready',
      home: { teamId: a },
      away: { teamId: d },
      startsAt: expect.stringMatching(new RegExp(`^${at(league, 3, '').slice(0, 10)}`)),
    });
    expect(slot(created.body, 'R1-M2')).toMatchObject({ status: 'ready', home: { teamId: b }, away: { teamId: c } });
    expect(slot(created.body, 'R2-M1')).toMatchObject({ status: 'waiting', matchId: null });
    expect((await post({})).status).toBe(409);

    // The games exist as matches; standings ignore them.
    const semis = (await listMatches(t, league.eventId)).filter((m) => m.playoffSlot);
    expect(semis.map((m) => m.playoffSlot).sort()).toEqual(['R1-M1', 'R1-M2']);
    await enterResult(t, league, slot(created.body, 'R1-M1').matchId, { homeScore: 70, awayScore: 75 }); // D upsets A
    expect(
      slot((await t.http.get(`/api/events/${league.eventId}/bracket`).expect(200)).body, 'R2-M1').matchId,
    ).toBeNull();
    await enterResult(t, league, slot(created.body, 'R1-M2').matchId, { homeScore: 81, awayScore: 79 }); // B beats C

    const bracket = (await t.http.get(`/api/events/${league.eventId}/bracket`).expect(200)).body;
    const final = slot(bracket, 'R2-M1');
    expect(final).toMatchObject({
      status: 'ready',
      home: { teamId: d },
      away: { teamId: b },
      startsAt: expect.stringMatching(new RegExp(`^${at(league, 4, '').slice(0, 10)}`)),
    });
    expect(slot(bracket, 'third-place')).toMatchObject({ status: 'ready', home: { teamId: a }, away: { teamId: c } });
    expect((await standings(league.eventId)).groups[0]!.rows.map((r) => r.played)).toEqual([3, 3, 3, 3]);

    // Correcting a semi-final while the final is unplayed moves the final's team.
    const semi = (await t.http.get(`/api/matches/${slot(created.body, 'R1-M1').matchId}`).expect(200)).body;
    await enterResult(t, league, semi.id, { homeScore: 80, awayScore: 75, version: semi.version });
    const moved = (await t.http.get(`/api/matches/${final.matchId}`).expect(200)).body;
    expect(moved).toMatchObject({ homeTeamId: a, awayTeamId: b });
    await enterResult(t, league, final.matchId, { homeScore: 90, awayScore: 88 });
    const done = (await t.http.get(`/api/events/${league.eventId}/bracket`).expect(200)).body;
    expect(done.championTeamId).toBe(a);
    // Once the final is played, a correction that would change its teams is refused and changes nothing.
    const refused = await t.http
      .put(`/api/matches/${semi.id}/result`)
      .set(league.organizer)
      .send({ homeScore: 70, awayScore: 75 });
    expect(refused.status).toBe(409);
    expect((await t.http.get(`/api/matches/${semi.id}`).expect(200)).body).toMatchObject({
      homeScore: 80,
      awayScore: 75,
    });
  });
});
