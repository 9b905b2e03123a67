import { describe, expect, it } from 'vitest';
import { addGame, at, createLeague, type League, type MatchBody } from './support/competition-fixtures.js';
import { expectProblem } from './support/problem.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();

type Board = {
  slots: { referee: number; table: number };
  games: {
    matchId: string;
    officials: { officialId: string; role: string }[];
    missing: { referee: number; table: number };
  }[];
  officials: { id: string; games: number }[];
};

async function official(league: League, body: Record<string, unknown>): Promise<string> {
  const res = await t.http.post('/api/officials').set(league.organizer).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
const assign = (league: League, matchId: string, officialId: string, role = 'referee') =>
  t.http.post(`/api/matches/${matchId}/officials`).set(league.organizer).send({ officialId, role });
const board = async (league: League): Promise<Board> =>
  (await t.http.get(`/api/events/${league.eventId}/officials/board`).set(league.organizer).expect(200)).body as Board;

describe('officials', () => {
  it('creates officials with or without an account, refuses bad input (400/422 naming the field), keeps contacts for organizers', async () => {
    const league = await createLeague(t, { teams: 2 });
    const id = await official(league, {
      name: '王建国',
      contact: '138 0000 0000',
      roles: ['referee', 'table'],
      affiliatedTeamIds: [league.teamIds[0]],
    });
    expect((await t.http.get(`/api/officials/${id}`).set(league.organizer).expect(200)).body).toMatchObject({
      name: '王建国',
      contact: '138 0000 0000',
      roles: ['referee', 'table'],
    });
    await t.http.get(`/api/officials/${id}`).expect(401);
    const publicView = (await t.http.get(`/api/officials/${id}/games`).expect(200)).body;
    expect(publicView).toMatchObject({ name: '王建国', games: [] });
    expect(publicView.contact).toBeUndefined();
    expectProblem(await t.http.post('/api/officials').set(league.organizer).send({ name: '' }), 400, 'name');
    expectProblem(
      await t.http
        .post('/api/officials')
        .set(league.organizer)
        .send({ name: 'X', roles: ['coach'] }),
      400,
      'roles',
    );
    expectProblem(
      await t.http
        .post('/api/officials')
        .set(league.organizer)
        .send({ name: 'X', affiliatedTeamIds: ['00000000-0000-4000-8000-000000000000'] }),
      422,
      'affiliatedTeamIds',
    );
    expectProblem(
      await t.http
        .post('/api/officials')
        .set(league.organizer)
        .send({
          name: 'X',
          availability: [{ startsAt: '2023-07-15T18:00:00+08:00', endsAt: '2023-07-15T08:00:00+08:00' }],
        }),
      400,
      'availability[0].endsAt',
    );
  });

  it('refuses overlapping games, too little travel between venues and affiliated teams (409 naming the other game); nothing is stored; every change is audited', async () => {
    const gym = await createLeague(t, { teams: 4 });
    const beach = await createLeague(t, { teams: 2 });
    // Same day: 10:00 at the league's venue, 11:00 there too (overlaps a 120-minute game), 12:30 at another venue
    // (ends 12:00 → only 30 minutes to travel), and 15:00 at the same venue (fine).
    const g1 = await addGame(t, gym, 0, 1, at(gym, 0, '10:00'));
    const g2 = await addGame(t, gym, 2, 3, at(gym, 0, '11:00'));
    const g3 = await addGame(t, beach, 0, 1, `${gym.startDate}T12:30:00+08:00`);
    const g4 = await addGame(t, gym, 0, 2, at(gym, 1, '15:00'));
    const ref = await official(gym, { name: '李裁判', roles: ['referee'], affiliatedTeamIds: [gym.teamIds[3]] });

    const first = await assign(gym, g1.id, ref);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const overlap = expectProblem(await assign(gym, g2.id, ref), 409, 'officialId');
    expect(overlap.errors?.map((e) => e.message).join(' ')).toMatch(new RegExp(`overlap with match ${g1.id}`));
    expect(overlap.errors?.map((e) => e.message).join(' ')).toMatch(/affiliated/);
    const travel = expectProblem(await assign(gym, g3.id, ref), 409, 'officialId');
    expect(travel.errors?.[0]?.message).toMatch(new RegExp(`travel with match ${g1.id}`));
    expectProblem(await assign(gym, g4.id, ref, 'table'), 409, 'officialId');
    expectProblem(await assign(gym, g4.id, 'not-a-uuid'), 400, 'officialId');
    expect((await assign(gym, g4.id, ref)).status).toBe(201);

    const b = await board(gym);
    expect(b.slots).toEqual({ referee: 2, table: 1 });
    const row = (m: MatchBody) => b.games.find((g) => g.matchId === m.id);
    expect(row(g1)?.officials.map((o) => o.officialId)).toEqual([ref]);
    expect(row(g2)?.officials).toEqual([]);
    expect(row(g2)?.missing).toEqual({ referee: 2, table: 1 });
    expect(row(g1)?.missing).toEqual({ referee: 1, table: 1 });

    const assignmentId = (b.games.find((g) => g.matchId === g4.id)?.officials[0] as { id?: string } | undefined)?.id;
    await t.http.delete(`/api/matches/${g4.id}/officials/${assignmentId}`).set(gym.organizer).expect(204);
    const audit = (await t.http.get(`/api/events/${gym.eventId}/officials/audit`).set(gym.organizer).expect(200))
      .body as { action: string; matchId: string }[];
    expect(audit.map((a) => `${a.action} ${a.matchId === g1.id ? 'g1' : 'g4'}`)).toEqual([
      'assigned g1',
      'assigned g4',
      'unassigned g4',
    ]);

    const ics = await t.http.get(`/api/officials/${ref}/calendar.ics`).expect(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('two organizers assigning one official to overlapping games at once: the database lets exactly one through', async () => {
    const league = await createLeague(t, { teams: 4 });
    const a = await addGame(t, league, 0, 1, at(league, 2, '10:00'));
    const b = await addGame(t, league, 2, 3, at(league, 2, '10:30'));
    const ref = await official(league, { name: '赵裁判' });
    const results = await Promise.all([assign(league, a.id, ref), assign(league, b.id, ref)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('suggests balanced assignments that respect every check, and saves reviewed ones all-or-nothing', async () => {
    const league = await createLeague(t, { teams: 4, ruleset: 'fiba-3x3' });
    const games: MatchBody[] = [];
    for (let day = 0; day < 4; day += 1) {
      games.push(await addGame(t, league, day % 2, 2 + (day % 2), at(league, day, '10:00')));
    }
    const refs = [
      await official(league, { name: '甲', roles: ['referee', 'table'], affiliatedTeamIds: [league.teamIds[0]] }),
      await official(league, { name: '乙', roles: ['referee', 'table'] }),
      await official(league, { name: '丙', roles: ['referee', 'table'] }),
    ];
    const suggestion = (
      await t.http.post(`/api/events/${league.eventId}/officials/suggestions`).set(league.organizer).expect(200)
    ).body as { assignments: { matchId: string; officialId: string; role: string }[]; unfilled: unknown[] };
    // 3x3: 1 referee + 1 table per game → 8 places for 3 officials.
    expect(suggestion.unfilled).toEqual([]);
    expect(suggestion.assignments).toHaveLength(8);
    const affiliatedGames = games.filter((g) => g.homeTeamId === league.teamIds[0]).map((g) => g.id);
    expect(
      suggestion.assignments.filter((a) => a.officialId === refs[0] && affiliatedGames.includes(a.matchId)),
    ).toEqual([]);
    const loads = refs.map((r) => suggestion.assignments.filter((a) => a.officialId === r).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect((await board(league)).games.every((g) => g.officials.length === 0)).toBe(true);

    // One bad item (an affiliated game) makes the whole batch fail, naming it; nothing is saved.
    const bad = [
      ...suggestion.assignments.slice(0, 2),
      { matchId: affiliatedGames[0], officialId: refs[0], role: 'table' },
    ];
    const refused = expectProblem(
      await t.http
        .put(`/api/events/${league.eventId}/officials/assignments`)
        .set(league.organizer)
        .send({ assignments: bad }),
      409,
      'assignments[2].officialId',
    );
    expect(refused.detail).toMatch(/affiliated/);
    expect((await board(league)).games.every((g) => g.officials.length === 0)).toBe(true);

    const saved = (
      await t.http
        .put(`/api/events/${league.eventId}/officials/assignments`)
        .set(league.organizer)
        .send({ assignments: suggestion.assignments })
        .expect(200)
    ).body as Board;
    expect(saved.games.every((g) => g.missing.referee === 0 && g.missing.table === 0)).toBe(true);
  });
});
