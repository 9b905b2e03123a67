import type { Response } from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createEvent,
  createTeam,
  type Manager,
  newManager,
  players,
  register,
} from './support/registration-fixtures.js';
import { bearer, useTestApp } from './support/test-app.js';

/**
 * Every write endpoint (and the reads of personal data) against the four kinds of caller. `authorized`
 * means the guard let the request through (anything but 401/403), for endpoints whose bodies other
 * suites exercise.
 */
type Who = 'anonymous' | 'otherManager' | 'teamManager' | 'organizer';
type Expected = number | 'authorized';
type Row = { endpoint: string; expect: Record<Who, Expected>; call: (token: string | undefined) => Promise<Response> };

const t = useTestApp();
let organizer: string;
let owner: Manager;
let other: Manager;
let tokens: Record<Who, string | undefined>;
beforeAll(async () => {
  organizer = await t.organizerToken();
  owner = await newManager(t);
  other = await newManager(t);
  tokens = { anonymous: undefined, otherManager: other.token, teamManager: owner.token, organizer };
});

const as = (token: string | undefined) => (token ? bearer(token) : {});
const ORGANIZER_ONLY = { anonymous: 401, otherManager: 403, teamManager: 403 } as const;
const TEAM_SCOPED = { anonymous: 401, otherManager: 403 } as const;
/** A row's call as each kind of caller, on a path built afresh per call (so each starts from the same state). */
const callAs =
  (method: 'post' | 'put' | 'patch', path: () => Promise<string>, body: object) =>
  async (tk: string | undefined): Promise<Response> =>
    t.http[method](`/api${await path()}`)
      .set(as(tk))
      .send(body);

/** A fresh team of the owner's, so each call starts from the same state. */
const ownersTeam = () => createTeam(t, owner.token);
const pendingRegistration = async (): Promise<string> => {
  const event = await createEvent(t, { registrationMode: 'approval', capacity: 10 });
  return (await register(t, owner.token, event.id, { teamId: await ownersTeam(), roster: players(5) }).expect(201)).body
    .id;
};
const newRally = async (): Promise<string> =>
  (
    await t.http
      .post('/api/rallies')
      .set(bearer(organizer))
      .send({ name: '测试拉力赛', startDate: '2023-06-19', endDate: '2023-06-30' })
      .expect(201)
  ).body.id;
/** A fresh event with a U10-girls division, made by the organizer. */
const eventWithDivision = async (): Promise<{ id: string }> => {
  const event = await createEvent(t);
  await t.http
    .post(`/api/events/${event.id}/divisions`)
    .set(bearer(organizer))
    .send({ code: 'U10-girls', name: 'U10女子组' })
    .expect(201);
  return event;
};
const LEG = { number: 1, from: '青岛', to: '威海', distanceNm: 120, startsAt: '2023-06-19T10:00:00+08:00' };

const rows: Row[] = [
  {
    endpoint: 'POST /teams',
    expect: { anonymous: 401, otherManager: 201, teamManager: 201, organizer: 201 },
    call: (tk) => t.http.post('/api/teams').set(as(tk)).send({ name: '新队', sport: 'basketball' }),
  },
  {
    endpoint: 'PATCH /teams/:id',
    expect: { ...TEAM_SCOPED, teamManager: 200, organizer: 200 },
    call: callAs('patch', async () => `/teams/${await ownersTeam()}`, { city: '即墨' }),
  },
  {
    endpoint: 'PUT /teams/:id/roster',
    expect: { ...TEAM_SCOPED, teamManager: 200, organizer: 200 },
    call: callAs('put', async () => `/teams/${await ownersTeam()}/roster`, { roster: players(3) }),
  },
  {
    endpoint: 'GET /teams/:id/roster',
    expect: { ...TEAM_SCOPED, teamManager: 200, organizer: 200 },
    call: async (tk) => t.http.get(`/api/teams/${await ownersTeam()}/roster`).set(as(tk)),
  },
  {
    endpoint: 'POST /events/:id/registrations',
    expect: { ...TEAM_SCOPED, teamManager: 201, organizer: 201 },
    call: async (tk) => {
      const event = await createEvent(t, { registrationMode: 'approval' });
      return t.http
        .post(`/api/events/${event.id}/registrations`)
        .set(as(tk))
        .send({ teamId: await ownersTeam(), roster: players(5) });
    },
  },
  ...(['confirmed', 'rejected', 'waitlisted'] as const).map((status): Row => ({
    endpoint: `PATCH /registrations/:id {status: ${status}}`,
    expect: { ...ORGANIZER_ONLY, organizer: 200 },
    call: callAs('patch', async () => `/registrations/${await pendingRegistration()}`, { status }),
  })),
  {
    endpoint: 'PATCH /registrations/:id {status: withdrawn}',
    expect: { ...TEAM_SCOPED, teamManager: 200, organizer: 200 },
    call: callAs('patch', async () => `/registrations/${await pendingRegistration()}`, { status: 'withdrawn' }),
  },
  {
    endpoint: 'POST /events',
    expect: { ...ORGANIZER_ONLY, organizer: 201 },
    call: async (tk) => {
      const season = (await t.http.get('/api/seasons/qingdao-basketball-2023').expect(200)).body.id;
      return t.http
        .post('/api/events')
        .set(as(tk))
        .send({ seasonId: season, name: '新赛事', kind: 'league', startDate: '2023-07-20', endDate: '2023-07-22' });
    },
  },
  {
    endpoint: 'PATCH /events/:id',
    expect: { ...ORGANIZER_ONLY, organizer: 200 },
    call: callAs('patch', async () => `/events/${(await createEvent(t)).id}`, { capacity: 12 }),
  },
  {
    endpoint: 'POST /events/:id/divisions',
    expect: { ...ORGANIZER_ONLY, organizer: 201 },
    call: callAs('post', async () => `/events/${(await createEvent(t)).id}/divisions`, {
      code: 'U10-girls',
      name: 'U10女子组',
    }),
  },
  {
    endpoint: 'PATCH /events/:id/divisions/:division',
    expect: { ...ORGANIZER_ONLY, organizer: 200 },
    call: async (tk) => {
      const event = await eventWithDivision();
      return t.http.patch(`/api/events/${event.id}/divisions/U10-girls`).set(as(tk)).send({ capacity: 8 });
    },
  },
  {
    endpoint: 'DELETE /events/:id/divisions/:division',
    expect: { ...ORGANIZER_ONLY, organizer: 204 },
    call: async (tk) => {
      const event = await eventWithDivision();
      return t.http.delete(`/api/events/${event.id}/divisions/U10-girls`).set(as(tk));
    },
  },
  {
    endpoint: 'GET /events/:id/registrations.csv',
    expect: { ...ORGANIZER_ONLY, organizer: 200 },
    call: async (tk) => t.http.get(`/api/events/${(await createEvent(t)).id}/registrations.csv`).set(as(tk)),
  },
  {
    endpoint: 'GET /events/:id/audit',
    expect: { ...ORGANIZER_ONLY, organizer: 200 },
    call: async (tk) => t.http.get(`/api/events/${(await createEvent(t)).id}/audit`).set(as(tk)),
  },
  {
    endpoint: 'GET /registrations/:id/audit',
    expect: { ...ORGANIZER_ONLY, organizer: 200 },
    call: async (tk) => t.http.get(`/api/registrations/${await pendingRegistration()}/audit`).set(as(tk)),
  },
  {
    endpoint: 'POST /rallies',
    expect: { ...ORGANIZER_ONLY, organizer: 201 },
    call: (tk) =>
      t.http.post('/api/rallies').set(as(tk)).send({ name: '拉力赛', startDate: '2023-06-19', endDate: '2023-06-30' }),
  },
  {
    endpoint: 'PATCH /rallies/:id',
    expect: { ...ORGANIZER_ONLY, organizer: 'authorized' },
    call: callAs('patch', async () => `/rallies/${await newRally()}`, { discards: 0 }),
  },
  {
    endpoint: 'POST /rallies/:id/legs',
    expect: { ...ORGANIZER_ONLY, organizer: 201 },
    call: callAs('post', async () => `/rallies/${await newRally()}/legs`, LEG),
  },
  {
    endpoint: 'POST /rallies/:id/entries',
    expect: { ...ORGANIZER_ONLY, organizer: 201 },
    call: async (tk) => {
      const teamId = await createTeam(t, organizer, { sport: 'sailing', name: '帆船队' });
      return t.http
        .post(`/api/rallies/${await newRally()}/entries`)
        .set(as(tk))
        .send({ teamId, boatName: '海燕号' });
    },
  },
  {
    endpoint: 'PUT /rallies/:id/legs/:number/results',
    expect: { ...ORGANIZER_ONLY, organizer: 200 },
    call: async (tk) => {
      const rally = await newRally();
      await t.http.post(`/api/rallies/${rally}/legs`).set(bearer(organizer)).send(LEG).expect(201);
      return t.http.put(`/api/rallies/${rally}/legs/1/results`).set(as(tk)).send([]);
    },
  },
  {
    endpoint: 'PUT /seasons/:id/impact/assumptions',
    expect: { ...ORGANIZER_ONLY, organizer: 'authorized' },
    call: (tk) => t.http.put('/api/seasons/qingdao-basketball-2023/impact/assumptions').set(as(tk)).send({}),
  },
  {
    endpoint: 'PUT /events/:id/impact/assumptions',
    expect: { ...ORGANIZER_ONLY, organizer: 'authorized' },
    call: callAs('put', async () => `/events/${(await createEvent(t)).id}/impact/assumptions`, {}),
  },
];

const outcome = (expected: Expected, status: number): Expected =>
  expected === 'authorized' && status !== 401 && status !== 403 ? 'authorized' : status;

describe('authorization table', () => {
  it.each(rows)('$endpoint', async (row) => {
    const actual = {} as Record<Who, Expected>;
    for (const who of Object.keys(row.expect) as Who[]) {
      const res = await row.call(tokens[who]);
      if (res.status === 401 || res.status === 403)
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      actual[who] = outcome(row.expect[who], res.status);
    }
    expect(actual).toEqual(row.expect);
  });

  it('refuses an invalid token even on public reads', async () => {
    expect((await t.http.get('/api/teams').set(bearer('not-a-token'))).status).toBe(401);
  });

  it('never lets a manager register, edit or withdraw another manager’s team, and leaves no trace of the attempt', async () => {
    const event = await createEvent(t, { registrationMode: 'first-come' });
    expect((await register(t, other.token, event.id, { teamId: owner.teamId, roster: players(5) })).status).toBe(403);
    const mine = await register(t, owner.token, event.id, { teamId: owner.teamId, roster: players(5) }).expect(201);
    expect(
      (await t.http.patch(`/api/registrations/${mine.body.id}`).set(bearer(other.token)).send({ status: 'withdrawn' }))
        .status,
    ).toBe(403);
    expect((await t.http.get(`/api/registrations/${mine.body.id}`).expect(200)).body.status).toBe('confirmed');
    const log = await t.http.get(`/api/registrations/${mine.body.id}/audit`).set(bearer(organizer)).expect(200);
    expect(log.body).toHaveLength(1);
  });
});
