import { describe, expect, it } from 'vitest';
import { expectProblem } from './support/problem.js';
import { bearer, ORGANIZER, startTestApp, useTestApp, TEST_WEB_PROXY_SECRET } from './support/test-app.js';

const t = useTestApp();

describe('health and docs', () => {
  it('reports the database up', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/seasons/{id}/events');
  });

  it('exposes Prometheus metrics by route pattern, not by id', async () => {
    await t.http.get('/api/seasons/qingdao-basketball-2023/events').expect(200);
    const res = await t.http.get('/api/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /sailcourt_http_requests_total\{method="GET",route="\/api\/seasons\/:id\/events",status="200"\} \d+/,
    );
    expect(res.text).not.toContain('qingdao-basketball-2023');
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('answers unknown routes with problem+json 404', async () => {
    expectProblem(await t.http.get('/api/no-such-thing'), 404);
  });
});

describe('the seeded 2023 season', () => {
  it('lists the basketball season with its 15 events inside its dates', async () => {
    const seasons = await t.http.get('/api/seasons').expect(200);
    const season = seasons.body.find((s: { slug: string }) => s.slug === 'qingdao-basketball-2023');
    expect(season).toMatchObject({
      startDate: '2023-07-10',
      endDate: '2023-08-25',
      theme: '未篮梦想',
      targets: { participants: 6000, visits: 60000, spendingYuan: 200_000_000 },
    });
    const events = await t.http.get(`/api/seasons/${season.id}/events`).expect(200);
    expect(events.body).toHaveLength(15);
    for (const event of events.body) {
      expect(event.startDate >= season.startDate && event.endDate <= season.endDate).toBe(true);
      expect(event.source).toBeTruthy();
    }
    const cba = events.body.find((e: { slug: string }) => e.slug === 'cba-summer-league-2023');
    expect(cba.venue.name).toBe('国信体育馆');
  });

  it('finds a season by slug too', async () => {
    const res = await t.http.get('/api/seasons/qingdao-basketball-2023').expect(200);
    expect(res.body.name).toBe('双星锦湖2023青岛篮球季');
  });

  it('has the rally with 5 legs over 840 nm and 7 one-design entries', async () => {
    const list = await t.http.get('/api/rallies').expect(200);
    const summary = list.body.find((r: { slug: string }) => r.slug === 'shandong-peninsula-rally-2023');
    const rally = await t.http.get(`/api/rallies/${summary.id}`).expect(200);
    expect(rally.body.legs.map((l: { number: number }) => l.number)).toEqual([1, 2, 3, 4, 5]);
    expect(rally.body.legs.reduce((sum: number, l: { distanceNm: number }) => sum + l.distanceNm, 0)).toBe(840);
    expect(rally.body.legs[0].startsAt).toMatch(/^2023-06-19T\d\d:\d\d:\d\d\+08:00$/);
    expect(rally.body.legs[0].from).toBe('青岛邮轮母港');
    expect(rally.body.legs.at(-1).to).toBe('青岛邮轮母港');
    expect(rally.body.entries).toHaveLength(7);
    expect(rally.body.entries.every((e: { rating: number }) => e.rating === 1)).toBe(true);
  });
});

describe('auth', () => {
  it('signs the organizer in', async () => {
    const res = await t.http.post('/api/auth/login').send(ORGANIZER).expect(200);
    expect(res.body.user).toMatchObject({ email: ORGANIZER.email, role: 'organizer' });
    const me = await t.http.get('/api/auth/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body.role).toBe('organizer');
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    expectProblem(await t.http.post('/api/auth/login').send({ ...ORGANIZER, password: 'wrong-password' }), 401);
    expectProblem(
      await t.http.post('/api/auth/login').send({ email: 'nobody@example.com', password: 'whatever' }),
      401,
    );
  });

  it('signs up team managers and refuses a taken email', async () => {
    const body = { email: 'Coach@Example.com', password: 'long-enough', displayName: '王教练' };
    const res = await t.http.post('/api/auth/signup').send(body).expect(201);
    expect(res.body.user).toMatchObject({ email: 'coach@example.com', role: 'team_manager' });
    expectProblem(await t.http.post('/api/auth/signup').send({ ...body, email: 'coach@example.com' }), 409);
  });

  it('names each bad sign-up field', async () => {
    const res = await t.http.post('/api/auth/signup').send({ email: 'not-an-email', password: 'short' });
    expectProblem(res, 400);
    expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(
      new Set(['displayName', 'email', 'password']),
    );
  });

  it('rejects a forged token with 401', async () => {
    expectProblem(await t.http.get('/api/seasons').set(bearer('not.a.token')), 401);
  });

  it('rate-limits failed sign-ins per client and account, and sign-ups per client', async () => {
    const limited = await startTestApp({ LOGIN_RATE_LIMIT: '3', SIGNUP_RATE_LIMIT: '2' });
    try {
      const login = (body: object, address?: string) => {
        const req = limited.http.post('/api/auth/login');
        return (
          address ? req.set({ 'X-Forwarded-For': address, 'X-Sailcourt-Web-Secret': TEST_WEB_PROXY_SECRET }) : req
        ).send(body);
      };
      // Successful sign-ins never use up the budget.
      for (let i = 0; i < 5; i += 1) expect((await login(ORGANIZER)).status).toBe(200);
      const statuses = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await login({ ...ORGANIZER, password: 'wrong' })).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const limitedOnce = await login(ORGANIZER);
      expectProblem(limitedOnce, 429);
      expect(Number(limitedOnce.headers['retry-after'])).toBeGreaterThan(0);
      // Another account from the same client, and each visitor of the web (which proves itself and forwards their address), have budgets of their own.
      expect((await login({ email: 'someone@example.com', password: 'wrong' })).status).toBe(401);
      expect((await login({ ...ORGANIZER, password: 'wrong' }, '203.0.113.9')).status).toBe(401);

      const signUp = (n: number) =>
        limited.http
          .post('/api/auth/signup')
          .send({ email: `limit${n}@example.com`, password: 'long-enough', displayName: 'x' });
      expect([(await signUp(1)).status, (await signUp(2)).status, (await signUp(3)).status]).toEqual([201, 201, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('POST /events', () => {
  const validEvent = async () => {
    const seasons = await t.http.get('/api/seasons').expect(200);
    return {
      seasonId: seasons.body[0].id as string,
      name: '青岛女子篮球邀请赛',
      nameEn: "Qingdao Women's Invitational",
      kind: 'tournament',
      startDate: '2023-08-01',
      endDate: '2023-08-03',
      capacity: 8,
    };
  };

  it('is refused to anonymous callers (401) and team managers (403)', async () => {
    const body = await validEvent();
    expectProblem(await t.http.post('/api/events').send(body), 401);
    const manager = await t.signUp();
    expectProblem(await t.http.post('/api/events').set(bearer(manager.token)).send(body), 403);
  });

  it('creates an event for an organizer', async () => {
    const body = await validEvent();
    const res = await t.http
      .post('/api/events')
      .set(bearer(await t.organizerToken()))
      .send(body)
      .expect(201);
    expect(res.body).toMatchObject({ ...body, registrationMode: 'approval', id: expect.any(String) });
    await t.http.get(`/api/events/${res.body.id}`).expect(200);
    const events = await t.http.get(`/api/seasons/${body.seasonId}/events`).expect(200);
    expect(events.body).toHaveLength(16);
  });

  it('names a missing field, a wrong type and an unknown field (400) and stores nothing', async () => {
    const token = await t.organizerToken();
    const { name: _name, ...withoutName } = await validEvent();
    const before = (await t.http.get(`/api/seasons/${withoutName.seasonId}/events`)).body.length;
    const missing = await t.http.post('/api/events').set(bearer(token)).send(withoutName);
    expectProblem(missing, 400);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ field: 'name' }));
    const cases: [Record<string, unknown>, string][] = [
      [{ capacity: -1 }, 'capacity'],
      [{ capacity: 2.5 }, 'capacity'],
      [{ capacity: '8' }, 'capacity'],
      [{ kind: 'party' }, 'kind'],
      [{ startDate: '2023-02-30' }, 'startDate'],
      [{ endDate: '2023-07-31' }, 'endDate'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [change, field] of cases) {
      const res = await t.http
        .post('/api/events')
        .set(bearer(token))
        .send({ ...(await validEvent()), ...change });
      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await t.http.get(`/api/seasons/${withoutName.seasonId}/events`)).body.length).toBe(before);
  });

  it('refuses malformed JSON (400) and an oversized body (413)', async () => {
    const token = await t.organizerToken();
    expectProblem(
      await t.http.post('/api/events').set(bearer(token)).set('content-type', 'application/json').send('{"name": '),
      400,
    );
    expectProblem(
      await t.http
        .post('/api/events')
        .set(bearer(token))
        .send({ ...(await validEvent()), description: 'x'.repeat(200_000) }),
      413,
    );
  });

  it('refuses an event outside its season (422) and an unknown season (422)', async () => {
    const token = await t.organizerToken();
    const outside = await t.http
      .post('/api/events')
      .set(bearer(token))
      .send({ ...(await validEvent()), endDate: '2023-09-01' });
    expectProblem(outside, 422);
    expect(outside.body.errors[0].field).toBe('endDate');
    expectProblem(
      await t.http
        .post('/api/events')
        .set(bearer(token))
        .send({ ...(await validEvent()), seasonId: '00000000-0000-4000-8000-000000000000' }),
      422,
    );
  });

  it('answers an unknown event id with 404', async () => {
    expectProblem(await t.http.get('/api/events/00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await t.http.get('/api/events/not-an-id'), 404);
  });
});

describe('teams and rallies', () => {
  it('lets a signed-in user create a team they manage', async () => {
    const manager = await t.signUp();
    expectProblem(await t.http.post('/api/teams').send({ name: 'X', sport: 'basketball' }), 401);
    const res = await t.http
      .post('/api/teams')
      .set(bearer(manager.token))
      .send({ name: '崂山飞虎', sport: 'basketball', city: '青岛' })
      .expect(201);
    expect(res.body).toMatchObject({ name: '崂山飞虎', sport: 'basketball', managerId: manager.userId });
    expectProblem(
      await t.http
        .post('/api/teams')
        .set(bearer(manager.token))
        .send({ name: 'x'.repeat(150), sport: 'basketball' }),
      400,
    );
    expectProblem(
      await t.http.post('/api/teams').set(bearer(manager.token)).send({ name: 'Y', sport: 'curling' }),
      400,
    );
    const sailing = await t.http.get('/api/teams?sport=sailing').expect(200);
    expect(sailing.body).toHaveLength(7);
  });

  it('lets an organizer build a rally with legs and entries', async () => {
    const token = await t.organizerToken();
    const rally = await t.http
      .post('/api/rallies')
      .set(bearer(token))
      .send({ name: '测试拉力赛', startDate: '2024-06-01', endDate: '2024-06-10', discards: 1 })
      .expect(201);
    const leg = { number: 1, from: '青岛', to: '日照', distanceNm: 58, startsAt: '2024-06-01T10:00:00+08:00' };
    const created = await t.http.post(`/api/rallies/${rally.body.id}/legs`).set(bearer(token)).send(leg).expect(201);
    expect(created.body).toMatchObject({ ...leg, coefficient: 1 });
    expectProblem(await t.http.post(`/api/rallies/${rally.body.id}/legs`).set(bearer(token)).send(leg), 409);
    expectProblem(
      await t.http
        .post(`/api/rallies/${rally.body.id}/legs`)
        .set(bearer(token))
        .send({ ...leg, number: 2, distanceNm: -5 }),
      400,
    );
    const team = await t.http
      .post('/api/teams')
      .set(bearer(token))
      .send({ name: '测试帆船队', sport: 'sailing' })
      .expect(201);
    const entry = await t.http
      .post(`/api/rallies/${rally.body.id}/entries`)
      .set(bearer(token))
      .send({ teamId: team.body.id, boatName: 'First 40 · 99' })
      .expect(201);
    expect(entry.body).toMatchObject({ teamName: '测试帆船队', rating: 1 });
    expectProblem(
      await t.http
        .post(`/api/rallies/${rally.body.id}/entries`)
        .set(bearer(token))
        .send({ teamId: team.body.id, boatName: 'Again' }),
      409,
    );
    expectProblem(
      await t.http
        .post(`/api/rallies/${rally.body.id}/entries`)
        .set(bearer(token))
        .send({ teamId: team.body.id, boatName: 'B', rating: 0 }),
      400,
    );
    const full = await t.http.get(`/api/rallies/${rally.body.id}`).expect(200);
    expect(full.body.legs).toHaveLength(1);
    expect(full.body.entries).toHaveLength(1);
  });
});
