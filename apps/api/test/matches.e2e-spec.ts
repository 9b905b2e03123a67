import { beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  addMatch,
  at,
  createLeague,
  enterResult,
  type League,
  listMatches,
  localParts,
  type MatchBody,
} from './support/competition-fixtures.js';
import { bearer, queryDatabase, useTestApp } from './support/test-app.js';

const t = useTestApp();

const schedule = (league: League, body: Record<string, unknown>) =>
  t.http.post(`/api/events/${league.eventId}/schedule`).set(league.organizer).send(body);

const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> => queryDatabase<T>(t, text, params);

describe('POST /events/:id/schedule', () => {
  it('gives a 6-team event its 15 round-robin games, conflict-free, from {format: "round-robin"} alone', async () => {
    const league = await createLeague(t, { teams: 6 });
    const res = await schedule(league, { format: 'round-robin' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.dryRun).toBe(false);
    expect(res.body.unplaced).toEqual([]);
    expect(res.body.groups).toEqual([{ name: '', teamIds: league.teamIds }]);
    const games = res.body.matches as MatchBody[];
    expect(games).toHaveLength(15);
    expect(await listMatches(t, league.eventId)).toEqual(games);

    // every pair exactly once
    const pairs = new Set(games.map((g) => [g.homeTeamId, g.awayTeamId].sort().join('|')));
    expect(pairs.size).toBe(15);
    // a team at most once a day, a court at most once a slot, evening slots within the event's days
    const teamDays = new Set<string>();
    const courtSlots = new Set<string>();
    for (const g of games) {
      const { day, time } = localParts(g.startsAt);
      expect(day >= league.startDate && day <= league.endDate).toBe(true);
      expect(['17:00', '19:30']).toContain(time);
      for (const team of [g.homeTeamId, g.awayTeamId]) {
        expect(teamDays.has(`${team}@${day}`), `${team} twice on ${day}`).toBe(false);
        teamDays.add(`${team}@${day}`);
      }
      expect(courtSlots.has(`${g.venueId}/${g.court}@${g.startsAt}`)).toBe(false);
      courtSlots.add(`${g.venueId}/${g.court}@${g.startsAt}`);
      expect(g).toMatchObject({
        status: 'scheduled',
        group: '',
        homeScore: null,
        awayScore: null,
        version: 1,
        venueId: league.venueId,
        venueName: '中国海洋大学崂山校区体育馆',
      });
      expect([1, 2]).toContain(g.court);
    }
    // rounds stay in order: 5 rounds of 3 games
    expect([...new Set(games.map((g) => g.round))].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('schedules an event created without a venue (as the contract allows), venue to be announced', async () => {
    const league = await createLeague(t, { teams: 6, venueSlug: null });
    const res = await schedule(league, { format: 'round-robin' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.unplaced).toEqual([]);
    const games = res.body.matches as MatchBody[];
    expect(games).toHaveLength(15);
    expect(games.every((g) => g.venueId === null && g.court === null && g.startsAt)).toBe(true);
    const daysOf = new Map<string, Set<string>>();
    for (const g of games) {
      const day = g.startsAt.slice(0, 10);
      for (const team of [g.homeTeamId, g.awayTeamId]) {
        const days = daysOf.get(team) ?? new Set<string>();
        expect(days.has(day)).toBe(false);
        daysOf.set(team, days.add(day));
      }
    }
  });

  it('previews with dryRun without storing anything, and refuses to overwrite unless told to', async () => {
    const league = await createLeague(t, { teams: 4 });
    const preview = await schedule(league, {
      format: 'round-robin',
      dryRun: true,
      dailySlots: ['18:00'],
      double: true,
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.dryRun).toBe(true);
    expect(preview.body.matches).toHaveLength(12);
    expect(preview.body.matches.every((m: MatchBody) => m.id === '' && m.startsAt.endsWith('T18:00:00+08:00'))).toBe(
      true,
    );
    expect(await listMatches(t, league.eventId)).toEqual([]);

    expect((await schedule(league, { format: 'round-robin' })).status).toBe(201);
    const again = await schedule(league, { format: 'round-robin' });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    const replaced = await schedule(league, { format: 'round-robin', replace: true, dailySlots: ['20:00'] });
    expect(replaced.status).toBe(201);
    const games = await listMatches(t, league.eventId);
    expect(games).toHaveLength(6);
    expect(games.every((g) => g.startsAt.endsWith('T20:00:00+08:00'))).toBe(true);

    await enterResult(t, league, games[0]!.id, { homeScore: 80, awayScore: 70 });
    expect((await schedule(league, { format: 'round-robin', replace: true })).status).toBe(409);
    expect(await listMatches(t, league.eventId)).toHaveLength(6);
  });

  it('draws groups in snake order and reports what cannot be placed instead of dropping it', async () => {
    const league = await createLeague(t, { teams: 8, days: 2 });
    const seeded = [...league.teamIds].reverse();
    const res = await schedule(league, {
      format: 'round-robin',
      groups: 2,
      seededTeamIds: seeded,
      venues: [{ venueId: league.venueId, courts: [1] }],
      dailySlots: ['19:30'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.groups).toEqual([
      { name: 'A', teamIds: [seeded[0], seeded[3], seeded[4], seeded[7]] },
      { name: 'B', teamIds: [seeded[1], seeded[2], seeded[5], seeded[6]] },
    ]);
    // one court, one slot, two days: 2 of 12 games fit
    expect(res.body.matches).toHaveLength(2);
    expect(res.body.unplaced).toHaveLength(10);
    expect(res.body.unplaced[0]).toMatchObject({
      reason: expect.stringMatching(/no-free-slot|team-unavailable/),
      detail: expect.any(String),
    });
    const perGroup = (group: string) =>
      [...res.body.matches, ...res.body.unplaced].filter((m: { group: string }) => m.group === group).length;
    expect([perGroup('A'), perGroup('B')]).toEqual([6, 6]);
  });

  it('refuses what it cannot do: unknown events, bad options, too few teams, non-organizers', async () => {
    const league = await createLeague(t, { teams: 1 });
    expect((await schedule(league, { format: 'round-robin' })).status).toBe(422);
    expect((await schedule(league, { format: 'swiss' })).status).toBe(400);
    expect((await schedule(league, { format: 'round-robin', dailySlots: ['25:00'] })).status).toBe(400);
    expect((await schedule(league, { format: 'round-robin', surprise: true })).status).toBe(400);
    expect((await schedule(league, { format: 'round-robin', startDate: addDays(league.startDate, -10) })).status).toBe(
      422,
    );
    expect(
      (
        await t.http
          .post(`/api/events/00000000-0000-4000-8000-000000000000/schedule`)
          .set(league.organizer)
          .send({ format: 'round-robin' })
      ).status,
    ).toBe(404);
    expect((await t.http.post(`/api/events/${league.eventId}/schedule`).send({ format: 'round-robin' })).status).toBe(
      401,
    );
    const manager = await t.signUp();
    expect(
      (
        await t.http
          .post(`/api/events/${league.eventId}/schedule`)
          .set(bearer(manager.token))
          .send({ format: 'round-robin' })
      ).status,
    ).toBe(403);
  });
});

describe('POST /events/:id/matches and PATCH /matches/:id', () => {
  let league: League;
  let first: MatchBody;

  beforeAll(async () => {
    league = await createLeague(t, { teams: 4 });
    first = await addMatch(t, league, {
      homeTeamId: league.teamIds[0],
      awayTeamId: league.teamIds[1],
      startsAt: at(league, 0, '19:30'),
      group: 'A',
      round: 1,
    });
  });

  it('creates a game at the event venue on the first free court', async () => {
    expect(first).toMatchObject({
      status: 'scheduled',
      startsAt: at(league, 0, '19:30'),
      venueId: league.venueId,
      court: 1,
      group: 'A',
      round: 1,
      version: 1,
    });
    expect(first.homeTeamName).toBe('队A');
    const second = await addMatch(t, league, {
      homeTeamId: league.teamIds[2],
      awayTeamId: league.teamIds[3],
      startsAt: at(league, 0, '19:30'),
    });
    expect(second.court).toBe(2);
    expect((await t.http.get(`/api/matches/${second.id}`).expect(200)).headers.etag).toBe('"1"');
  });

  it('takes the contract’s `venue` as a venue’s id, slug or name, and keeps any other text as the place', async () => {
    const league = await createLeague(t, { teams: 4 });
    const venue = (await t.http.get(`/api/venues/${league.venueId}`).expect(200)).body as {
      name: string;
      nameEn: string;
      slug: string;
    };
    const byName = await addMatch(t, league, {
      homeTeamId: league.teamIds[0],
      awayTeamId: league.teamIds[1],
      startsAt: at(league, 0, '19:30'),
      venue: venue.name,
    });
    expect(byName).toMatchObject({ venueId: league.venueId, venueName: venue.name, court: 1 });
    const bySlug = await addMatch(t, league, {
      homeTeamId: league.teamIds[2],
      awayTeamId: league.teamIds[3],
      startsAt: at(league, 0, '19:30'),
      venue: venue.slug,
    });
    expect(bySlug).toMatchObject({ venueId: league.venueId, court: 2 });
    const free = await addMatch(t, league, {
      homeTeamId: league.teamIds[0],
      awayTeamId: league.teamIds[2],
      startsAt: at(league, 2, '19:30'),
      venue: 'Main Court',
    });
    expect(free).toMatchObject({ venueId: null, venueName: 'Main Court', court: null });
    const courtWithoutVenue = await t.http
      .post(`/api/events/${league.eventId}/matches`)
      .set(league.organizer)
      .send({
        homeTeamId: league.teamIds[1],
        awayTeamId: league.teamIds[3],
        startsAt: at(league, 2, '19:30'),
        venue: 'Main Court',
        court: 2,
      });
    expect(courtWithoutVenue.status).toBe(422);
  });

  it('refuses bad input with problem+json and stores nothing', async () => {
    const [a, b, c] = league.teamIds as [string, string, string];
    const outsider = (
      await t.http.post('/api/teams').set(league.organizer).send({ name: '外队', sport: 'basketball' }).expect(201)
    ).body.id as string;
    const base = { homeTeamId: c, awayTeamId: a, startsAt: at(league, 2, '19:30') };
    const post = (body: Record<string, unknown>, headers = league.organizer) =>
      t.http.post(`/api/events/${league.eventId}/matches`).set(headers).send(body);
    const before = await listMatches(t, league.eventId);

    const self = await post({ ...base, awayTeamId: c });
    expect(self.status).toBe(422);
    expect(self.body.errors).toEqual([expect.objectContaining({ field: 'awayTeamId' })]);
    const unregistered = await post({ ...base, awayTeamId: outsider });
    expect(unregistered.status).toBe(422);
    expect(unregistered.body.errors).toEqual([
      expect.objectContaining({ field: 'awayTeamId', message: expect.stringMatching(/confirmed registration/) }),
    ]);
    const outside = await post({ ...base, startsAt: at(league, 7, '00:30') });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0].field).toBe('startsAt');
    // 23:30 local the day before is 15:30 UTC: outside, judged on the local day
    expect((await post({ ...base, startsAt: `${addDays(league.startDate, -1)}T15:30:00Z` })).status).toBe(422);
    expect((await post({ ...base, startsAt: `${addDays(league.startDate, 2)} 19:30` })).status).toBe(400);
    expect((await post({ ...base, homeTeamId: 'not-a-uuid' })).status).toBe(400);
    expect((await post({ ...base, court: 3 })).status).toBe(422);
    expect((await post({ ...base, court: 0 })).status).toBe(400);
    expect((await post({ ...base, venueId: '00000000-0000-4000-8000-000000000000' })).status).toBe(422);
    expect((await post(base, {})).status).toBe(401);
    expect((await post(base, bearer((await t.signUp()).token))).status).toBe(403);
    expect(
      (await t.http.post('/api/events/00000000-0000-4000-8000-000000000000/matches').set(league.organizer).send(base))
        .status,
    ).toBe(404);
    expect((await t.http.post('/api/events/nope/matches').set(league.organizer).send(base)).status).toBe(404);
    expect(await listMatches(t, league.eventId)).toEqual(before);
    expect(b).toBeDefined();
  });

  it('refuses clashes with 409 naming the clashing match', async () => {
    const [a, , c, d] = league.teamIds as [string, string, string, string];
    // team a already plays on the 20th
    const sameDay = await t.http
      .post(`/api/events/${league.eventId}/matches`)
      .set(league.organizer)
      .send({ homeTeamId: a, awayTeamId: c, startsAt: at(league, 0, '15:00') });
    expect(sameDay.status).toBe(409);
    expect(sameDay.body.detail).toContain(first.id);
    expect(sameDay.body.errors[0]).toMatchObject({
      field: 'startsAt',
      message: expect.stringContaining('team-same-day'),
    });
    // less than 12 h after a's game ends (21:30): 09:00 next day
    const rest = await t.http
      .post(`/api/events/${league.eventId}/matches`)
      .set(league.organizer)
      .send({ homeTeamId: c, awayTeamId: a, startsAt: at(league, 1, '09:00') });
    expect(rest.status).toBe(409);
    expect(rest.body.detail).toContain(first.id);
    expect(rest.body.detail).toContain('team-rest');
    // the court is taken at 19:45 on the 21st by a game starting at 19:30
    const busy = await addMatch(t, league, {
      homeTeamId: a,
      awayTeamId: c,
      startsAt: at(league, 1, '19:30'),
      court: 1,
    });
    const court = await t.http
      .post(`/api/events/${league.eventId}/matches`)
      .set(league.organizer)
      .send({ homeTeamId: d, awayTeamId: league.teamIds[1], startsAt: at(league, 1, '19:45'), court: 1 });
    expect(court.status).toBe(409);
    expect(court.body.detail).toContain(busy.id);
    expect(court.body.errors[0].field).toBe('court');
  });

  it('reschedules with optimistic concurrency; a clash is refused naming the match', async () => {
    const [a, b, c, d] = league.teamIds as [string, string, string, string];
    const game = await addMatch(t, league, { homeTeamId: b, awayTeamId: d, startsAt: at(league, 3, '19:30') });
    const patch = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      t.http
        .patch(`/api/matches/${game.id}`)
        .set({ ...league.organizer, ...headers })
        .send(body);

    const clash = await patch({ startsAt: at(league, 0, '17:00'), version: 1 });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toContain(first.id);
    expect((await patch({ startsAt: at(league, 20, '19:30') })).status).toBe(422);

    const moved = await patch({ startsAt: at(league, 4, '17:00') }, { 'If-Match': '"1"' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: at(league, 4, '17:00'), version: 2, court: game.court });
    expect(moved.headers.etag).toBe('"2"');
    const stale = await patch({ startsAt: at(league, 5, '17:00'), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].field).toBe('version');
    expect((await patch({ startsAt: at(league, 5, '17:00') }, { 'If-Match': 'W/"1"' })).status).toBe(409);
    expect((await patch({ startsAt: at(league, 5, '17:00') }, { 'If-Match': 'soon' })).status).toBe(400);

    const postponed = await patch({ status: 'postponed', version: 2 });
    expect(postponed.body).toMatchObject({ status: 'postponed', version: 3 });
    // a postponed game frees its court: another game may take the slot
    await addMatch(t, league, { homeTeamId: a, awayTeamId: c, startsAt: at(league, 4, '17:00'), court: game.court });
    const back = await patch({ status: 'scheduled', startsAt: at(league, 5, '19:30'), version: 3 });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({ status: 'scheduled', startsAt: at(league, 5, '19:30'), version: 4 });
    expect(
      (await t.http.patch('/api/matches/00000000-0000-4000-8000-000000000000').set(league.organizer).send({ round: 2 }))
        .status,
    ).toBe(404);
    expect((await t.http.patch(`/api/matches/${game.id}`).send({ round: 2 })).status).toBe(401);
  });
});

describe('PUT /matches/:id/result', () => {
  let league: League;
  let game: MatchBody;

  beforeAll(async () => {
    league = await createLeague(t, { teams: 2 });
    game = await addMatch(t, league, {
      homeTeamId: league.teamIds[0],
      awayTeamId: league.teamIds[1],
      startsAt: at(league, 0, '19:30'),
    });
  });

  const put = (body: unknown, headers: Record<string, string> = {}) =>
    t.http
      .put(`/api/matches/${game.id}/result`)
      .set({ ...league.organizer, ...headers })
      .send(body as object);

  it('refuses bad results and changes nothing', async () => {
    const level = await put({ homeScore: 80, awayScore: 80 });
    expect(level.status).toBe(422);
    expect(level.body.errors.map((e: { field: string }) => e.field)).toEqual(['homeScore', 'awayScore']);
    for (const body of [
      { homeScore: -1, awayScore: 80 },
      { homeScore: 80.5, awayScore: 80 },
      { homeScore: '80', awayScore: 70 },
      { homeScore: 80 },
      { homeScore: 80, awayScore: 70, forfeitedBy: league.teamIds[0] },
      { homeScore: 80, awayScore: 70, extra: 1 },
      {},
    ]) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await put({ forfeitedBy: '00000000-0000-4000-8000-000000000000' })).status).toBe(422);
    expect((await put({ homeScore: 80, awayScore: 70, version: 7 })).status).toBe(409);
    expect((await put({ homeScore: 80, awayScore: 70 }, { 'If-Match': '"2"' })).status).toBe(409);
    expect((await t.http.put(`/api/matches/${game.id}/result`).send({ homeScore: 80, awayScore: 70 })).status).toBe(
      401,
    );
    expect(
      (
        await t.http
          .put(`/api/matches/${game.id}/result`)
          .set(bearer((await t.signUp()).token))
          .send({ homeScore: 80, awayScore: 70 })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.http
          .put('/api/matches/00000000-0000-4000-8000-000000000000/result')
          .set(league.organizer)
          .send({ homeScore: 80, awayScore: 70 })
      ).status,
    ).toBe(404);
    expect(
      (await t.http.put('/api/matches/123/result').set(league.organizer).send({ homeScore: 80, awayScore: 70 })).status,
    ).toBe(404);
    const unchanged = (await t.http.get(`/api/matches/${game.id}`).expect(200)).body;
    expect(unchanged).toMatchObject({ status: 'scheduled', homeScore: null, awayScore: null, version: 1 });
  });

  it('records a result, a correction and a forfeit, each bumping the version', async () => {
    const final = await put({ homeScore: 88, awayScore: 90, version: 1 });
    expect(final.status, JSON.stringify(final.body)).toBe(200);
    expect(final.body).toMatchObject({
      status: 'final',
      homeScore: 88,
      awayScore: 90,
      winnerTeamId: league.teamIds[1],
      version: 2,
    });
    const corrected = await put({ homeScore: 91, awayScore: 90 }, { 'If-Match': '"2"' });
    expect(corrected.body).toMatchObject({ homeScore: 91, winnerTeamId: league.teamIds[0], version: 3 });
    const forfeit = await put({ forfeitedBy: league.teamIds[0], version: 3 });
    expect(forfeit.body).toMatchObject({
      status: 'forfeit',
      forfeitedBy: league.teamIds[0],
      homeScore: 0,
      awayScore: 20,
      winnerTeamId: league.teamIds[1],
      version: 4,
    });
    expect((await put({ homeScore: 70, awayScore: 60, version: 3 })).status).toBe(409);
  });

  it('lets the database refuse impossible games even when a write bypasses the API', async () => {
    const [a, b] = league.teamIds as [string, string];
    const insert = (home: string, away: string, rest: string, startsAt = at(league, 1, '19:30')) =>
      sql(
        `INSERT INTO matches (event_id, home_team_id, away_team_id, starts_at, venue_id, court, status, home_score, away_score) VALUES ($1, $2, $3, $4, $5, ${rest})`,
        [league.eventId, home, away, startsAt, league.venueId],
      );
    await expect(insert(a, a, `1, 'scheduled', NULL, NULL`)).rejects.toThrow(/matches_teams_differ/);
    await expect(insert(a, b, `1, 'final', 70, 70`)).rejects.toThrow(/matches_result_matches_status/);
    await expect(insert(a, b, `1, 'final', -2, 70`)).rejects.toThrow(/matches_scores_non_negative/);
    await expect(insert(a, b, `1, 'scheduled', 70, 60`)).rejects.toThrow(/matches_result_matches_status/);
    await expect(insert(b, a, `${game.court}, 'scheduled', NULL, NULL`, game.startsAt)).rejects.toThrow(
      /matches_court_start_unique/,
    );
  });
});

describe('concurrent writes', () => {
  it('lets only one of several simultaneous bookings of a team on one day through', async () => {
    const league = await createLeague(t, { teams: 6 });
    const [a, ...others] = league.teamIds as [string, ...string[]];
    const attempts = await Promise.all(
      others.map((opponent, i) =>
        t.http
          .post(`/api/events/${league.eventId}/matches`)
          .set(league.organizer)
          .send({ homeTeamId: a, awayTeamId: opponent, startsAt: at(league, 2, `1${i}:00`), court: 1 + (i % 2) }),
      ),
    );
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await listMatches(t, league.eventId)).toHaveLength(1);
  });

  it('accepts one of two results sent against the same version', async () => {
    const league = await createLeague(t, { teams: 2 });
    const game = await addMatch(t, league, {
      homeTeamId: league.teamIds[0],
      awayTeamId: league.teamIds[1],
      startsAt: at(league, 0, '19:30'),
    });
    const sends = await Promise.all(
      [
        [80, 70],
        [70, 80],
      ].map(([homeScore, awayScore]) =>
        t.http.put(`/api/matches/${game.id}/result`).set(league.organizer).send({ homeScore, awayScore, version: 1 }),
      ),
    );
    expect(sends.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await t.http.get(`/api/matches/${game.id}`).expect(200)).body.version).toBe(2);
  });

  it('answers each of several concurrent unversioned results with the row that request wrote', async () => {
    const league = await createLeague(t, { teams: 2 });
    const game = await addMatch(t, league, {
      homeTeamId: league.teamIds[0],
      awayTeamId: league.teamIds[1],
      startsAt: at(league, 0, '17:00'),
    });
    const scores = Array.from({ length: 8 }, (_, i) => [60 + i, 50 + i] as const);
    const sends = await Promise.all(
      scores.map(([homeScore, awayScore]) =>
        t.http.put(`/api/matches/${game.id}/result`).set(league.organizer).send({ homeScore, awayScore }),
      ),
    );
    sends.forEach((res, i) => {
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      // Each answer shows what that request stored, at the version its write produced.
      expect([res.body.homeScore, res.body.awayScore]).toEqual(scores[i]);
    });
    expect(sends.map((r) => r.body.version as number).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('GET /events/:id/matches', () => {
  it('filters by team, venue and local day, and pages with {items, total} when asked', async () => {
    const league = await createLeague(t, { teams: 6 });
    expect((await schedule(league, { format: 'round-robin' })).status).toBe(201);
    const all = await listMatches(t, league.eventId);
    const team = league.teamIds[2]!;
    const mine = await listMatches(t, league.eventId, `?teamId=${team}`);
    expect(mine).toHaveLength(5);
    expect(mine.every((m) => m.homeTeamId === team || m.awayTeamId === team)).toBe(true);
    const day = localParts(all[0]!.startsAt).day;
    const onDay = await listMatches(t, league.eventId, `?date=${day}`);
    expect(onDay.length).toBe(all.filter((m) => m.startsAt.startsWith(day)).length);
    expect(await listMatches(t, league.eventId, `?venueId=${league.venueId}`)).toHaveLength(15);
    const page = (await t.http.get(`/api/events/${league.eventId}/matches?limit=4&offset=4`).expect(200)).body;
    expect(page.total).toBe(15);
    expect(page.items.map((m: MatchBody) => m.id)).toEqual(all.slice(4, 8).map((m) => m.id));
    expect((await t.http.get(`/api/events/${league.eventId}/matches?teamId=x`)).status).toBe(400);
    expect((await t.http.get(`/api/events/${league.eventId}/matches?date=2023-02-30`)).status).toBe(400);
    expect((await t.http.get('/api/events/00000000-0000-4000-8000-000000000000/matches')).status).toBe(404);
    expect((await t.http.get('/api/matches/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('serves the seeded CBA Summer League schedule at 国信体育馆, marked illustrative', async () => {
    const events = (await t.http.get('/api/seasons/qingdao-basketball-2023/events').expect(200)).body as {
      id: string;
      slug: string;
    }[];
    const cba = events.find((e) => e.slug === 'cba-summer-league-2023')!;
    const games = await listMatches(t, cba.id);
    expect(games).toHaveLength(45);
    expect(games.filter((g) => g.status === 'final')).toHaveLength(25);
    expect(games.every((g) => g.venueName === '国信体育馆' && g.source === 'illustrative')).toBe(true);
    expect(games.every((g) => g.startsAt >= '2023-08-10' && g.startsAt < '2023-08-21')).toBe(true);
    expect(games.filter((g) => g.status === 'final').every((g) => g.startsAt < '2023-08-15')).toBe(true);
  });
});
