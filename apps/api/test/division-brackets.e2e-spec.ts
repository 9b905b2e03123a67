import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './support/problem.js';
import { createEvent, newManager, players, register } from './support/registration-fixtures.js';
import { bearer, queryDatabase, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let organizer: string;
beforeAll(async () => {
  t = await startTestApp();
  organizer = await t.organizerToken();
});
afterAll(async () => {
  await t.close();
});

type Seed = { seed: number; teamId: string; group: string | null; groupRank: number | null };
type BracketMatch = { slot: string; matchId: string | null; home: { teamId: string | null } };
type Bracket = {
  eventId: string;
  divisionId: string | null;
  seeds: Seed[];
  matches: BracketMatch[];
  championTeamId: string | null;
};
type Game = {
  id: string;
  divisionId: string | null;
  playoffSlot: string | null;
  homeTeamId: string;
  awayTeamId: string;
};
type Division = { id: string; code: string };

const post = (path: string, body: Record<string, unknown>) => t.http.post(path).set(bearer(organizer)).send(body);

/**
 * One division of four teams in groups A and B (two each); in each group the first team listed wins its one game,
 * so the crossover knockout is A1–B2, B1–A2.
 */
async function divisionWithGroups(eventId: string, code: string): Promise<{ division: Division; teams: string[] }> {
  const res = await post(`/api/events/${eventId}/divisions`, { code, name: `${code}组` });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const division = res.body as Division;
  const teams: string[] = [];
  for (let i = 0; i < 4; i++) {
    const { teamId } = await newManager(t);
    await register(t, organizer, eventId, { teamId, divisionId: division.id, roster: players(5) }).expect(201);
    teams.push(teamId);
  }
  for (const [gi, group] of ['A', 'B'].entries()) {
    const [winner, loser] = [teams[gi * 2]!, teams[gi * 2 + 1]!];
    const game = await post(`/api/events/${eventId}/matches`, {
      homeTeamId: winner,
      awayTeamId: loser,
      startsAt: `2023-08-0${gi + 1}T${code === 'U10-boys' ? '10' : '15'}:00:00+08:00`,
      group,
      division: code,
    });
    expect(game.status, JSON.stringify(game.body)).toBe(201);
    await t.http
      .put(`/api/matches/${game.body.id}/result`)
      .set(bearer(organizer))
      .send({ homeScore: 40, awayScore: 30 })
      .expect(200);
  }
  return { division, teams };
}

const games = async (eventId: string, query = ''): Promise<Game[]> =>
  (await t.http.get(`/api/events/${eventId}/matches${query}`).expect(200)).body as Game[];

describe('a bracket per division', () => {
  it('draws, stores and advances each division’s bracket on its own', async () => {
    const event = await createEvent(t, { startDate: '2023-08-01', endDate: '2023-08-10' });
    const boys = await divisionWithGroups(event.id, 'U10-boys');
    const girls = await divisionWithGroups(event.id, 'U10-girls');
    const [a1, , b1] = boys.teams as [string, string, string, string];

    // Bad input names the field and stores nothing.
    expectProblem(await post(`/api/events/${event.id}/knockout/preview`, {}), 400, 'division');
    expectProblem(await post(`/api/events/${event.id}/knockout/preview`, { division: 'U99' }), 422, 'division');
    expectProblem(await post(`/api/events/${event.id}/knockout`, { division: 'U99' }), 422, 'division');
    expectProblem(await post(`/api/events/${event.id}/knockout`, {}), 400, 'division');
    expectProblem(await post(`/api/events/${event.id}/playoffs`, {}), 400, 'division');
    expectProblem(await post(`/api/events/${event.id}/knockout`, { division: 'x'.repeat(61) }), 400, 'division');
    expectProblem(await t.http.get(`/api/events/${event.id}/bracket`), 400, 'division');
    expectProblem(await t.http.get(`/api/events/${event.id}/bracket?division=U99`), 422, 'division');
    expectProblem(await t.http.get(`/api/events/${event.id}/bracket?division=U10-boys`), 404);
    expect((await games(event.id)).filter((g) => g.playoffSlot)).toEqual([]);

    const preview = await post(`/api/events/${event.id}/knockout/preview`, { division: 'U10-boys' });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ divisionId: boys.division.id, pattern: 'crossover', bracketExists: false });
    expect((preview.body.seeds as Seed[]).map((s) => s.teamId).sort()).toEqual([...boys.teams].sort());

    // Two confirmations per division at once: one bracket each, the other confirmation refused.
    const answers = await Promise.all([
      post(`/api/events/${event.id}/knockout`, { division: 'U10-boys', drawKey: preview.body.drawKey }),
      post(`/api/events/${event.id}/knockout`, { division: boys.division.id }),
      post(`/api/events/${event.id}/knockout`, { division: 'U10-girls' }),
      post(`/api/events/${event.id}/knockout`, { division: 'U10-girls' }),
    ]);
    expect(answers.map((r) => r.status)).toEqual(expect.arrayContaining([201, 201, 409, 409]));
    for (const lost of answers.filter((r) => r.status === 409)) {
      expect(expectProblem(lost, 409, 'division').code).toBe('knockout.bracket-exists');
    }
    const stored = await queryDatabase<{ division_id: string | null }>(
      t,
      `SELECT division_id FROM playoff_brackets WHERE event_id = $1 ORDER BY division_id`,
      [event.id],
    );
    expect(stored.map((r) => r.division_id).sort()).toEqual([boys.division.id, girls.division.id].sort());

    // Each confirmation is audited: who, the division, the options and the seeds drawn.
    const audit = await t.http.get(`/api/events/${event.id}/knockout/audit`).set(bearer(organizer));
    expect(audit.status, JSON.stringify(audit.body)).toBe(200);
    const confirmations = audit.body as {
      action: string;
      divisionId: string;
      actorName: string | null;
      details: { seeds: string[]; qualifiersPerGroup: number; allowIncomplete: boolean };
    }[];
    expect(confirmations.map((c) => c.divisionId).sort()).toEqual([boys.division.id, girls.division.id].sort());
    expect(confirmations.every((c) => c.action === 'confirmed' && c.actorName !== null)).toBe(true);
    const boysEntry = confirmations.find((c) => c.divisionId === boys.division.id)!;
    expect([...boysEntry.details.seeds].sort()).toEqual([...boys.teams].sort());
    expect(boysEntry.details).toMatchObject({ qualifiersPerGroup: 2, allowIncomplete: false });
    expect((await t.http.get(`/api/events/${event.id}/knockout/audit`)).status).toBe(401);

    const boysBracket = (await t.http.get(`/api/events/${event.id}/bracket?division=U10-boys`).expect(200))
      .body as Bracket;
    const girlsBracket = (await t.http.get(`/api/events/${event.id}/bracket?division=${girls.division.id}`).expect(200))
      .body as Bracket;
    expect(boysBracket.divisionId).toBe(boys.division.id);
    expect(girlsBracket.divisionId).toBe(girls.division.id);
    expect(boysBracket.seeds.map((s) => s.teamId).sort()).toEqual([...boys.teams].sort());
    expect(girlsBracket.seeds.map((s) => s.teamId).sort()).toEqual([...girls.teams].sort());
    // A1–B2 and B1–A2 in the boys' first round.
    const firstRound = boysBracket.matches.filter((m) => m.slot.startsWith('R1-'));
    expect(firstRound.map((m) => m.home.teamId)).toEqual([a1, b1]);

    // Both divisions play slots R1-M1 and R1-M2: the slot is unique per division, not per event.
    const boysPlayoffs = (await games(event.id, '?division=U10-boys')).filter((g) => g.playoffSlot);
    const girlsPlayoffs = (await games(event.id, '?division=U10-girls')).filter((g) => g.playoffSlot);
    expect(boysPlayoffs.map((g) => g.playoffSlot).sort()).toEqual(['R1-M1', 'R1-M2']);
    expect(girlsPlayoffs.map((g) => g.playoffSlot).sort()).toEqual(['R1-M1', 'R1-M2']);
    expect(boysPlayoffs.every((g) => g.divisionId === boys.division.id)).toBe(true);
    // …and the database refuses a second R1-M1 in one division.
    await expect(
      queryDatabase(
        t,
        `INSERT INTO matches (event_id, division_id, home_team_id, away_team_id, playoff_slot) VALUES ($1, $2, $3, $4, 'R1-M1')`,
        [event.id, boys.division.id, a1, b1],
      ),
    ).rejects.toThrow(/matches_division_playoff_slot_unique/);

    // The boys' semi-finals decide the boys' final only; the girls' bracket does not move.
    for (const g of boysPlayoffs) {
      await t.http
        .put(`/api/matches/${g.id}/result`)
        .set(bearer(organizer))
        .send({ homeScore: 50, awayScore: 45 })
        .expect(200);
    }
    const boysAfter = (await games(event.id, '?division=U10-boys')).filter((g) => g.playoffSlot);
    expect(boysAfter.map((g) => g.playoffSlot).sort()).toEqual(['R1-M1', 'R1-M2', 'R2-M1']);
    const final = boysAfter.find((g) => g.playoffSlot === 'R2-M1')!;
    expect([final.homeTeamId, final.awayTeamId].sort()).toEqual([a1, b1].sort());
    expect(final.divisionId).toBe(boys.division.id);
    expect((await games(event.id, '?division=U10-girls')).filter((g) => g.playoffSlot)).toHaveLength(2);

    // Redrawing the girls' bracket (no result yet) leaves the boys' alone; the boys' own redraw is refused.
    const redraw = await post(`/api/events/${event.id}/playoffs`, { division: 'U10-girls', replace: true });
    expect(redraw.status, JSON.stringify(redraw.body)).toBe(201);
    expect(redraw.body.divisionId).toBe(girls.division.id);
    expect((await post(`/api/events/${event.id}/playoffs`, { division: 'U10-boys', replace: true })).status).toBe(409);
    expect((await t.http.get(`/api/events/${event.id}/bracket?division=U10-boys`).expect(200)).body).toEqual(
      expect.objectContaining({ seeds: boysBracket.seeds }),
    );
    expect((await games(event.id)).filter((g) => g.playoffSlot)).toHaveLength(5);
  });

  it('keeps one bracket per event without divisions, enforced by the database', async () => {
    const event = await createEvent(t, { startDate: '2023-08-01', endDate: '2023-08-10' });
    const teams: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { teamId } = await newManager(t);
      await register(t, organizer, event.id, { teamId, roster: players(5) }).expect(201);
      teams.push(teamId);
    }
    const game = await post(`/api/events/${event.id}/matches`, {
      homeTeamId: teams[0],
      awayTeamId: teams[1],
      startsAt: '2023-08-01T10:00:00+08:00',
    });
    expect(game.status, JSON.stringify(game.body)).toBe(201);
    await t.http
      .put(`/api/matches/${game.body.id}/result`)
      .set(bearer(organizer))
      .send({ homeScore: 40, awayScore: 30 })
      .expect(200);
    // Without divisions, a division named is unknown (422), not ignored.
    expectProblem(await post(`/api/events/${event.id}/knockout/preview`, { division: 'U10-boys' }), 422, 'division');
    const confirmed = await post(`/api/events/${event.id}/knockout`, {});
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    expect(confirmed.body).toMatchObject({ eventId: event.id, divisionId: null, size: 2 });
    const again = await post(`/api/events/${event.id}/knockout`, {});
    expect(expectProblem(again, 409, 'eventId').code).toBe('knockout.bracket-exists');
    expect((await t.http.get(`/api/events/${event.id}/bracket`).expect(200)).body).toMatchObject({ divisionId: null });
    // Two NULL divisions would never collide in one unique key; the partial index refuses the second bracket.
    await expect(
      queryDatabase(
        t,
        `INSERT INTO playoff_brackets (event_id, bracket, qualifiers_per_group) SELECT event_id, bracket, 1 FROM playoff_brackets WHERE event_id = $1`,
        [event.id],
      ),
    ).rejects.toThrow(/playoff_brackets_event_unique/);
  });
});
