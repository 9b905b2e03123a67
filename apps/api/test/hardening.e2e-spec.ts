import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './support/problem.js';
import { bearer, ORGANIZER, useTestApp } from './support/test-app.js';

/** The outside probe's reproductions (issue 11), each answered with a 4xx naming the field. */

const t = useTestApp();
let organizer: string;
beforeAll(async () => {
  organizer = await t.organizerToken();
});

const cba = async (): Promise<{ id: string }> => {
  const events = (await t.http.get('/api/seasons/qingdao-basketball-2023/events').expect(200)).body as {
    id: string;
    slug: string;
  }[];
  const event = events.find((e) => e.slug === 'cba-summer-league-2023');
  if (!event) throw new Error('The seed has no CBA Summer League.');
  return event;
};

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('hostile text and nesting are refused at the edge', () => {
  it('refuses 10,000 levels of nesting in an anonymous sign-in (400 naming password)', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(`{"email":"a@b.co","password":${deep(10000)}}`);
    const problem = expectProblem(res, 400, 'password');
    expect(problem).toMatchObject({ code: 'validation.too-deep' });
  });

  it('refuses NUL in a path id, a query string and a body field', async () => {
    expect(expectProblem(await t.http.get('/api/seasons/%00'), 400, 'id')).toMatchObject({
      code: 'validation.nul-character',
    });
    const events = (await t.http.get('/api/seasons/qingdao-basketball-2023/events').expect(200)).body as {
      id: string;
    }[];
    expectProblem(await t.http.get(`/api/events/${events[0]?.id}/matches?group=a%00b`), 400, 'group');
    expectProblem(
      await t.http
        .post('/api/auth/signup')
        .send({ email: 'nul@example.com', password: 'long-enough-password', displayName: 'a\u0000b' }),
      400,
      'displayName',
    );
  });

  it('refuses a lone surrogate in an email (400 naming email)', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":"x\\ud800@b.co","password":"x"}');
    expect(expectProblem(res, 400, 'email')).toMatchObject({ code: 'validation.malformed-unicode' });
  });

  it('type-checks nested arrays: venues [[]] and an object as entryId or finishedAt', async () => {
    const event = await cba();
    expectProblem(
      await t.http
        .post(`/api/events/${event.id}/schedule`)
        .set(bearer(organizer))
        .send({ venues: [[]] }),
      400,
      'venues',
    );
    const rally = (await t.http.get('/api/rallies').expect(200)).body[0] as { id: string };
    const put = (rows: unknown) =>
      t.http
        .put(`/api/rallies/${rally.id}/legs/1/results`)
        .set(bearer(organizer))
        .send(rows as object);
    expectProblem(await put([{ entryId: { a: 1 }, finishedAt: '2023-06-21T17:30:00+08:00' }]), 400, '0.entryId');
    const entry = (await t.http.get(`/api/rallies/${rally.id}`).expect(200)).body.entries[0] as { id: string };
    expectProblem(await put([{ entryId: entry.id, finishedAt: { at: 'noon' } }]), 400, '0.finishedAt');
    // Scoring refusals carry the domain's kind as a code the results form words.
    const twice = expectProblem(
      await put([
        { entryId: entry.id, code: 'DNF' },
        { entryId: entry.id, code: 'DNS' },
      ]),
      422,
      '1.entryId',
    );
    expect(twice.errors?.[0]).toMatchObject({ code: 'leg-result.duplicate-result' });
    const bare = expectProblem(await put([{ entryId: entry.id }]), 400, '0.finishedAt');
    expect(bare.errors?.[0]).toMatchObject({ code: 'leg-result.missing-finish' });
  });
});

describe('wrong values are refused', () => {
  it('refuses text/plain and empty bodies on writes (415 problem+json)', async () => {
    const team = await t.signUp();
    const teamRes = await t.http
      .post('/api/teams')
      .set(bearer(team.token))
      .send({ name: 'Plain Five', sport: 'basketball' });
    const id = (teamRes.body as { id: string }).id;
    expect(
      expectProblem(
        await t.http.patch(`/api/teams/${id}`).set(bearer(team.token)).set('content-type', 'text/plain').send('name=x'),
        415,
      ),
    ).toMatchObject({ code: 'request.unsupported-media-type' });
    expectProblem(await t.http.patch(`/api/teams/${id}`).set(bearer(team.token)), 415);
    expectProblem(
      await t.http.post('/api/auth/login').type('form').send({ email: ORGANIZER.email, password: ORGANIZER.password }),
      415,
    );
  });

  it('refuses impossible dates (30 February, year 0000) instead of rolling them over', async () => {
    const event = await cba();
    const patch = (body: object) => t.http.patch(`/api/events/${event.id}`).set(bearer(organizer)).send(body);
    expectProblem(await patch({ registrationOpensAt: '2023-02-30T10:00:00+08:00' }), 400, 'registrationOpensAt');
    expectProblem(await patch({ registrationOpensAt: '0000-06-01T10:00:00Z' }), 400, 'registrationOpensAt');
    expectProblem(await patch({ registrationOpensAt: '2023-06-01T24:00:00Z' }), 400, 'registrationOpensAt');
    const seasons = (await t.http.get('/api/seasons').expect(200)).body as { id: string }[];
    const create = await t.http.post('/api/events').set(bearer(organizer)).send({
      seasonId: seasons[0]?.id,
      name: 'x',
      kind: 'tournament',
      startDate: '0000-07-10',
      endDate: '2023-07-11',
    });
    expectProblem(create, 400, 'startDate');
  });

  it('refuses 1e308 in a what-if estimate instead of answering total: null', async () => {
    const stored = (await t.http.get('/api/seasons/qingdao-basketball-2023/impact').expect(200)).body as {
      assumptions: { groups: Record<string, { persons?: unknown }> };
    };
    const assumptions = structuredClone(stored.assumptions);
    const [name, group] = Object.entries(assumptions.groups).find(([, g]) => g.persons !== undefined) ?? [];
    expect(group).toBeDefined();
    (group as { persons: unknown }).persons = 1e308;
    expectProblem(await t.http.post('/api/impact/estimate').send(assumptions), 400, `groups.${name}.persons`);
  });

  it('takes each city of an event as text (each: true)', async () => {
    const seasons = (await t.http.get('/api/seasons').expect(200)).body as { id: string }[];
    const res = await t.http
      .post('/api/events')
      .set(bearer(organizer))
      .send({
        seasonId: seasons[0]?.id,
        name: '城市邀请赛',
        kind: 'tournament',
        startDate: '2023-07-20',
        endDate: '2023-07-21',
        cities: ['青岛', '烟台'],
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.cities).toEqual(['青岛', '烟台']);
    expectProblem(
      await t.http
        .post('/api/events')
        .set(bearer(organizer))
        .send({
          seasonId: seasons[0]?.id,
          name: 'x',
          kind: 'tournament',
          startDate: '2023-07-20',
          endDate: '2023-07-21',
          cities: ['青岛', 7],
        }),
      400,
      'cities',
    );
  });
});

describe('problems are machine-readable', () => {
  it('gives every problem and field error a stable code', async () => {
    expect(expectProblem(await t.http.get('/api/auth/me'), 401)).toMatchObject({ code: 'auth.unauthorized' });
    expect(expectProblem(await t.http.get('/api/seasons/no-such-season'), 404)).toMatchObject({
      code: 'resource.not-found',
    });
    expect(
      expectProblem(await t.http.post('/api/auth/login').send({ ...ORGANIZER, password: 'wrong-password' }), 401),
    ).toMatchObject({ code: 'auth.invalid-credentials' });
    const bad = expectProblem(
      await t.http.post('/api/auth/signup').send({ email: 'not-an-email', password: 'x', displayName: '' }),
      400,
      ['email', 'password'],
    );
    expect(bad.code).toBe('validation.invalid');
    for (const error of bad.errors ?? []) expect(error).toMatchObject({ code: expect.stringMatching(/^validation\./) });
    const taken = await t.http
      .post('/api/auth/signup')
      .send({ email: ORGANIZER.email, password: 'long-enough-password', displayName: 'x' });
    expect(expectProblem(taken, 409, 'email')).toMatchObject({ code: 'auth.email-taken' });
  });

  it('documents the problem shape and its codes in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(doc.components.schemas.ProblemDto?.properties).toHaveProperty('code');
    const login = doc.paths['/api/auth/login']?.post;
    expect(Object.keys(login?.responses ?? {})).toEqual(expect.arrayContaining(['400', '401', '429']));
  });
});

describe('leaks', () => {
  it('answers a sign-up race with 409 and no constraint name', async () => {
    const body = { email: 'race@example.com', password: 'long-enough-password', displayName: 'Racer' };
    const results = await Promise.all(Array.from({ length: 8 }, () => t.http.post('/api/auth/signup').send(body)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) {
      const problem = expectProblem(r, 409);
      expect(JSON.stringify(problem)).not.toMatch(/UQ_|IDX_|PK_|constraint|users_/i);
    }
  });

  it('names API fields, never columns: null for a required setting is refused at the edge', async () => {
    const event = await cba();
    const mode = expectProblem(
      await t.http.patch(`/api/events/${event.id}`).set(bearer(organizer)).send({ registrationMode: null }),
      400,
      'registrationMode',
    );
    expect(JSON.stringify(mode)).not.toContain('registration_mode');
    const matches = (await t.http.get(`/api/events/${event.id}/matches`).expect(200)).body as { id: string }[];
    const group = expectProblem(
      await t.http.patch(`/api/matches/${matches[0]?.id}`).set(bearer(organizer)).send({ group: null }),
      400,
      'group',
    );
    expect(JSON.stringify(group)).not.toContain('group_name');
    expectProblem(
      await t.http
        .put(`/api/matches/${matches[0]?.id}/result`)
        .set(bearer(organizer))
        .send({ homeScore: null, awayScore: 70 }),
      400,
      'homeScore',
    );
  });
});

describe('request ids', () => {
  it('keeps the web’s X-Request-Id (logged by both) and makes one when there is none', async () => {
    const res = await t.http.get('/api/health').set('X-Request-Id', 'web-1234-abcd');
    expect(res.headers['x-request-id']).toBe('web-1234-abcd');
    const fresh = await t.http.get('/api/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // A hostile id (too long, or with characters a log parser might trip on) is replaced, not echoed.
    expect((await t.http.get('/api/health').set('X-Request-Id', 'x'.repeat(300))).headers['x-request-id']).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    expect((await t.http.get('/api/health').set('X-Request-Id', 'a"b}c{d\\e')).headers['x-request-id']).toMatch(
      /^[0-9a-f-]{36}$/,
    );
  });
});
