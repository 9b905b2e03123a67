import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { replayLiveActions, type LiveAction } from '@sailcourt/domain';
import { addMatch, at, createLeague } from './support/competition-fixtures.js';
import { action, liveGame, listen, StreamRecorder, startReplica } from './support/live-fixtures.js';
import { expectProblem } from './support/problem.js';
import { bearer, queryDatabase, useTestApp } from './support/test-app.js';

const t = useTestApp();
let baseUrl: string;
beforeAll(async () => {
  baseUrl = await listen(t.app);
});

const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> => queryDatabase<T>(t, text, params);

const post = (matchId: string, body: Record<string, unknown>, auth: Record<string, string>) =>
  t.http.post(`/api/matches/${matchId}/live`).set(auth).send(body);

describe('POST /matches/:id/live', () => {
  it('runs a game from start to final; the final moves the standings', async () => {
    const { league, game } = await liveGame(t);
    const org = league.organizer;
    const started = await post(game.id, action('start'), org).expect(201);
    expect(started.body.match).toEqual({ id: game.id, status: 'live', period: 1, homeScore: 0, awayScore: 0 });
    await post(game.id, action('score', { team: 'home', points: 3 }), org).expect(201);
    await post(game.id, action('score', { team: 'away', points: 2 }), org).expect(201);
    await post(game.id, action('period-end'), org).expect(201);
    const last = await post(game.id, action('score', { team: 'home', points: 1 }), org).expect(201);
    expect(last.body.match).toEqual({ id: game.id, status: 'live', period: 2, homeScore: 4, awayScore: 2 });

    const during = (await t.http.get(`/api/matches/${game.id}`).expect(200)).body;
    expect(during).toMatchObject({ status: 'live', period: 2, homeScore: 4, awayScore: 2, liveSeq: last.body.seq });
    const today = (await t.http.get('/api/live/today').query({ date: '2030-01-01' }).expect(200)).body;
    expect(today.matches.map((m: { id: string }) => m.id)).toContain(game.id); // live, whatever the day
    expect(today.events).toContainEqual(expect.objectContaining({ id: league.eventId }));
    expectProblem(await t.http.get('/api/live/today').query({ date: '2023-02-30' }), 400, 'date');
    const standingsBefore = (await t.http.get(`/api/events/${league.eventId}/standings`).expect(200)).body;
    expect(standingsBefore.groups[0].rows.every((r: { played: number }) => r.played === 0)).toBe(true);

    const final = await post(game.id, action('final'), org).expect(201);
    expect(final.body.match).toEqual({ id: game.id, status: 'final', period: 2, homeScore: 4, awayScore: 2 });
    const standings = (await t.http.get(`/api/events/${league.eventId}/standings`).expect(200)).body;
    expect(standings.groups[0].rows[0]).toMatchObject({
      teamId: league.teamIds[0],
      played: 1,
      won: 1,
      pointsFor: 4,
      pointsAgainst: 2,
    });
    expectProblem(await post(game.id, action('score', { team: 'home', points: 2 }), org), 409, 'type');
  });

  it('answers a repeated clientEventId with the first answer and applies it once, also when sent concurrently', async () => {
    const { league, game } = await liveGame(t);
    await post(game.id, action('start'), league.organizer).expect(201);
    const goal = action('score', { team: 'away', points: 3 });
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(game.id, goal, league.organizer)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
    const again = await post(game.id, goal, league.organizer).expect(200);
    expect(again.body.match).toMatchObject({ awayScore: 3 });
    const rows = await sql<{ n: string }>(
      `SELECT count(*)::text AS n FROM match_live_actions WHERE match_id = $1 AND type = 'score'`,
      [game.id],
    );
    expect(rows[0]!.n).toBe('1');
  });

  it('undoes a goal with another action, never a deletion', async () => {
    const { league, game } = await liveGame(t);
    await post(game.id, action('start'), league.organizer).expect(201);
    const three = action('score', { team: 'home', points: 3 });
    await post(game.id, three, league.organizer).expect(201);
    const undone = await post(
      game.id,
      action('undo', { targetClientEventId: three.clientEventId }),
      league.organizer,
    ).expect(201);
    expect(undone.body.match).toMatchObject({ homeScore: 0, awayScore: 0 });
    expectProblem(
      await post(game.id, action('undo', { targetClientEventId: three.clientEventId }), league.organizer),
      409,
      'targetClientEventId',
    );
    const log = await sql<{ type: string }>(
      `SELECT type FROM match_live_actions WHERE match_id = $1 ORDER BY match_live_actions.seq`,
      [game.id],
    );
    expect(log.map((r) => r.type)).toEqual(['start', 'score', 'undo']);
  });

  it('keeps one consistent score when two scorers tap at once, and the log replays to it', async () => {
    const { league, game } = await liveGame(t);
    await post(game.id, action('start'), league.organizer).expect(201);
    const link = await t.http.post(`/api/matches/${game.id}/scorer-links`).set(league.organizer).send({}).expect(201);
    const scorerA = league.organizer;
    const scorerB = bearer(link.body.token as string);
    const taps = (auth: Record<string, string>, team: string, points: number) =>
      Array.from({ length: 8 }, () =>
        post(game.id, action('score', { team, points }), auth).then((r) =>
          expect(r.status, JSON.stringify(r.body)).toBe(201),
        ),
      );
    await Promise.all([...taps(scorerA, 'home', 2), ...taps(scorerB, 'away', 3)]);
    const match = (await t.http.get(`/api/matches/${game.id}`).expect(200)).body;
    expect(match).toMatchObject({ homeScore: 16, awayScore: 24 });

    const log = await sql<{
      seq: string;
      client_event_id: string;
      type: LiveAction['type'];
      team: 'home' | 'away' | null;
      points: number | null;
      home_score: number;
      away_score: number;
    }>(
      `SELECT seq::text, client_event_id, type, team, points, home_score, away_score FROM match_live_actions WHERE match_id = $1 ORDER BY match_live_actions.seq`,
      [game.id],
    );
    const seqs = log.map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i)); // no gaps, no repeats
    const replayed = replayLiveActions(
      log.map(
        (r) => ({ clientEventId: r.client_event_id, type: r.type, team: r.team, points: r.points }) as LiveAction,
      ),
    );
    expect(replayed).toMatchObject({ homeScore: match.homeScore, awayScore: match.awayScore });
    expect(log.at(-1)).toMatchObject({ home_score: 16, away_score: 24 });
  });

  it('refuses bad actions with problem+json and changes nothing', async () => {
    const { league, game } = await liveGame(t);
    const org = league.organizer;
    expectProblem(await post(game.id, action('score', { team: 'home', points: 2 }), org), 409, 'type'); // before the start
    await post(game.id, action('start'), org).expect(201);
    const before = await sql(`SELECT status, period, home_score, away_score, version FROM matches WHERE id = $1`, [
      game.id,
    ]);
    const logBefore = await sql(`SELECT count(*) FROM match_live_actions WHERE match_id = $1`, [game.id]);
    expectProblem(await post(game.id, action('dunk'), org), 400, 'type');
    expectProblem(await post(game.id, action('score', { team: 'home', points: 4 }), org), 400, 'points');
    expectProblem(await post(game.id, action('score', { team: 'middle', points: 2 }), org), 400, 'team');
    expectProblem(await post(game.id, action('score', { team: 'home' }), org), 400, 'points');
    expectProblem(await post(game.id, { clientEventId: 'tap-1', type: 'start' }, org), 400, 'clientEventId');
    expectProblem(
      await post(game.id, action('undo', { targetClientEventId: randomUUID() }), org),
      400,
      'targetClientEventId',
    );
    expectProblem(await post(game.id, action('final'), org), 422, 'type'); // 0–0
    expectProblem(await post(game.id, action('start'), org), 409, 'type');
    expectProblem(await post(randomUUID(), action('start'), org), 404);
    expect(
      await sql(`SELECT status, period, home_score, away_score, version FROM matches WHERE id = $1`, [game.id]),
    ).toEqual(before);
    expect(await sql(`SELECT count(*) FROM match_live_actions WHERE match_id = $1`, [game.id])).toEqual(logBefore);
  });
});

describe('scorer links', () => {
  it('let their bearer score their game only, until revoked or expired', async () => {
    const { league, game } = await liveGame(t);
    const other = await addMatch(t, league, {
      homeTeamId: league.teamIds[1],
      awayTeamId: league.teamIds[0],
      startsAt: at(league, 2, '19:30'),
    });
    const made = await t.http
      .post(`/api/matches/${game.id}/scorer-links`)
      .set(league.organizer)
      .send({ label: 'Court 1 table' })
      .expect(201);
    expect(made.body).toMatchObject({ matchId: game.id, label: 'Court 1 table', revokedAt: null });
    const scorer = bearer(made.body.token as string);
    await post(game.id, action('start'), scorer).expect(201);
    expectProblem(await post(other.id, action('start'), scorer), 403);
    expectProblem(await t.http.post('/api/teams').set(scorer).send({ name: 'X', sport: 'basketball' }), 403);
    expectProblem(await t.http.post(`/api/matches/${game.id}/scorer-links`).set(scorer).send({}), 403);

    const manager = await t.signUp();
    expectProblem(await post(game.id, action('score', { team: 'home', points: 2 }), bearer(manager.token)), 403);
    expectProblem(await post(game.id, action('score', { team: 'home', points: 2 }), {}), 401);
    expectProblem(await post(game.id, action('score', { team: 'home', points: 2 }), bearer('sc_not-a-real-link')), 401);

    const listed = (await t.http.get(`/api/matches/${game.id}/scorer-links`).set(league.organizer).expect(200)).body;
    expect(listed).toEqual([expect.objectContaining({ id: made.body.id })]);
    expect(listed[0].token).toBeUndefined();

    await t.http.delete(`/api/matches/${game.id}/scorer-links/${made.body.id}`).set(league.organizer).expect(204);
    expectProblem(await post(game.id, action('score', { team: 'home', points: 2 }), scorer), 403);

    const soon = await t.http.post(`/api/matches/${game.id}/scorer-links`).set(league.organizer).send({}).expect(201);
    await sql(`UPDATE scorer_links SET expires_at = now() - interval '1 minute' WHERE id = $1`, [soon.body.id]);
    expectProblem(
      await post(game.id, action('score', { team: 'home', points: 2 }), bearer(soon.body.token as string)),
      403,
    );
    expectProblem(
      await t.http
        .post(`/api/matches/${game.id}/scorer-links`)
        .set(league.organizer)
        .send({ expiresAt: '2020-01-01T00:00:00+08:00' }),
      422,
      'expiresAt',
    );
    expectProblem(
      await t.http.delete(`/api/matches/${game.id}/scorer-links/${randomUUID()}`).set(league.organizer),
      404,
    );
  });
});

describe('live streams (Server-Sent Events)', () => {
  it('carries a score written on one replica to a stream held on another, then replays exactly what a reconnect missed', async () => {
    const replica = await startReplica(t);
    try {
      const { league, game } = await liveGame(t);
      const stream = new StreamRecorder(`${replica.url}/api/matches/${game.id}/live`);
      await stream.opened();
      // Delivery time is measured by `pnpm bench`; here it only has to arrive.
      const started = await post(game.id, action('start'), league.organizer).expect(201);
      const [first] = await stream.waitFor(1);
      expect(first).toEqual({
        id: String(started.body.seq),
        event: 'status',
        data: { matchId: game.id, seq: started.body.seq, status: 'live', period: 1, homeScore: 0, awayScore: 0 },
      });
      const goal = await post(game.id, action('score', { team: 'away', points: 2 }), league.organizer).expect(201);
      const [, second] = await stream.waitFor(2);
      expect(second).toMatchObject({ id: String(goal.body.seq), event: 'score', data: { homeScore: 0, awayScore: 2 } });
      stream.close();

      const missed = [];
      for (const points of [1, 2, 3])
        missed.push(
          (await post(game.id, action('score', { team: 'home', points }), league.organizer).expect(201)).body
            .seq as number,
        );
      const resumed = new StreamRecorder(`${replica.url}/api/matches/${game.id}/live`, goal.body.seq as number);
      const replayed = await resumed.waitFor(3);
      const after = await post(game.id, action('period-end'), league.organizer).expect(201);
      await resumed.waitFor(4);
      await new Promise((resolve) => setTimeout(resolve, 300)); // nothing more may come
      expect(resumed.messages.map((m) => Number(m.id))).toEqual([...missed, after.body.seq]);
      expect(replayed[2]!.data).toMatchObject({ homeScore: 6, awayScore: 2 });
      resumed.close();
    } finally {
      await replica.app.close();
    }
  });

  it('streams an event’s games in seq order, with the headers that stop proxies from buffering', async () => {
    const league = await createLeague(t, { teams: 4 });
    const games = [
      await addMatch(t, league, {
        homeTeamId: league.teamIds[0],
        awayTeamId: league.teamIds[1],
        startsAt: at(league, 0, '17:00'),
        court: 1,
      }),
      await addMatch(t, league, {
        homeTeamId: league.teamIds[2],
        awayTeamId: league.teamIds[3],
        startsAt: at(league, 0, '17:00'),
        court: 2,
      }),
    ];
    const res = await fetch(`${baseUrl}/api/events/${league.eventId}/live`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toContain('no-cache');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    await res.body?.cancel();

    const stream = new StreamRecorder(`${baseUrl}/api/events/${league.eventId}/live`);
    await stream.opened();
    for (const g of games) await post(g.id, action('start'), league.organizer).expect(201);
    await Promise.all(
      games.map((g, i) => post(g.id, action('score', { team: 'home', points: i + 1 }), league.organizer).expect(201)),
    );
    const messages = await stream.waitFor(4);
    const seqs = messages.map((m) => m.data.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(messages.map((m) => m.data.matchId))).toEqual(new Set(games.map((g) => g.id)));

    // A write that rolls back is never announced: its NOTIFY dies with the transaction.
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    await client.query('BEGIN');
    await client.query(`UPDATE matches SET home_score = 99 WHERE id = $1`, [games[0]!.id]);
    await client.query(`SELECT pg_notify('sailcourt', $1)`, [
      JSON.stringify({ t: 'live', e: league.eventId, m: games[0]!.id, s: 1e6 }),
    ]);
    await client.query('ROLLBACK');
    await client.end();
    const next = await post(games[1]!.id, action('score', { team: 'away', points: 3 }), league.organizer).expect(201);
    const [fifth] = (await stream.waitFor(5)).slice(4);
    expect(fifth).toMatchObject({ id: String(next.body.seq), data: { matchId: games[1]!.id, awayScore: 3 } });
    expect(next.body.seq).toBe(seqs.at(-1)! + 1);
    stream.close();
  });
});
