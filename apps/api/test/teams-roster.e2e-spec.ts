import { beforeAll, describe, expect, it } from 'vitest';
import { badFields, type Manager, newManager } from './support/registration-fixtures.js';
import { bearer, useTestApp } from './support/test-app.js';

const t = useTestApp();
let organizer: string;
beforeAll(async () => {
  organizer = await t.organizerToken();
});

const BASKETBALL_ROSTER = [
  { name: '张伟', number: 4, position: 'guard', birthYear: 2011 },
  { name: '李强', number: 5, position: 'forward', birthYear: 2012 },
  { name: '王磊', number: 15, position: 'center', birthYear: 2011 },
  { name: '陈教练', role: 'coach' },
];

const putRoster = (token: string, teamId: string, roster: unknown) =>
  t.http.put(`/api/teams/${teamId}/roster`).set(bearer(token)).send({ roster });
const getRoster = async (token: string, teamId: string) =>
  (await t.http.get(`/api/teams/${teamId}/roster`).set(bearer(token)).expect(200)).body.roster as Record<
    string,
    unknown
  >[];

describe('basketball rosters', () => {
  let m: Manager;
  beforeAll(async () => {
    m = await newManager(t);
  });

  it('stores players (number, position, birth year) and staff in the order sent', async () => {
    const res = await putRoster(m.token, m.teamId, BASKETBALL_ROSTER);
    expect(res.status).toBe(200);
    expect(res.body.teamId).toBe(m.teamId);
    const roster = await getRoster(m.token, m.teamId);
    expect(
      roster.map(({ name, role, number, position, birthYear }) => ({ name, role, number, position, birthYear })),
    ).toEqual([
      { name: '张伟', role: 'player', number: 4, position: 'guard', birthYear: 2011 },
      { name: '李强', role: 'player', number: 5, position: 'forward', birthYear: 2012 },
      { name: '王磊', role: 'player', number: 15, position: 'center', birthYear: 2011 },
      { name: '陈教练', role: 'coach', number: null, position: null, birthYear: null },
    ]);
    expect(roster.every((member) => typeof member.id === 'string')).toBe(true);
  });

  it('answers 400 naming the row for a bad roster and keeps the stored one', async () => {
    const cases: [unknown, string[]][] = [
      [[...BASKETBALL_ROSTER, { name: '重号', number: 5 }], ['roster.4.number']],
      [[{ name: 'x'.repeat(150), number: 1 }], ['roster.0.name']],
      [[{ name: '   ', number: 1 }], ['roster.0.name']],
      [[{ name: 'A', number: 100 }], ['roster.0.number']],
      [[{ name: 'A', number: -1 }], ['roster.0.number']],
      [[{ name: 'A', number: 2.5 }], ['roster.0.number']],
      [[{ name: 'A', number: '7' }], ['roster.0.number']],
      [[{ name: 'A', birthYear: 1800 }], ['roster.0.birthYear']],
      [[{ name: 'A', position: 'goalkeeper' }], ['roster.0.position']],
      [[{ name: 'A', shoeSize: 44 }], ['roster.0.shoeSize']],
      [[{ name: 'A', role: 'skipper' }], ['roster.0.role']],
      [[{ name: '陈教练', role: 'coach', number: 1 }], ['roster.0.number']],
      [{ name: 'not a list' }, ['roster']],
    ];
    for (const [roster, fields] of cases) {
      expect(badFields(await putRoster(m.token, m.teamId, roster)), JSON.stringify(roster)).toEqual(fields);
    }
    expect(badFields(await t.http.put(`/api/teams/${m.teamId}/roster`).set(bearer(m.token)).send({}))).toEqual([
      'roster',
    ]);
    expect((await getRoster(m.token, m.teamId)).map((member) => member.name)).toEqual([
      '张伟',
      '李强',
      '王磊',
      '陈教练',
    ]);
  });

  it('names every duplicate, not only the first', async () => {
    const res = await putRoster(m.token, m.teamId, [
      { name: 'A', number: 1 },
      { name: 'B', number: 2 },
      { name: 'C', number: 1 },
      { name: 'D', number: 1 },
    ]);
    expect(badFields(res)).toEqual(['roster.2.number', 'roster.3.number']);
    expect(res.body.errors[0].message).toMatch(/roster\.0/);
  });

  it('lets numbers move between players in one save, and clears with an empty list', async () => {
    const swapped = await putRoster(m.token, m.teamId, [
      { name: '张伟', number: 5 },
      { name: '李强', number: 4 },
    ]);
    expect(swapped.status).toBe(200);
    expect(swapped.body.roster.map((p: { number: number }) => p.number)).toEqual([5, 4]);
    await putRoster(m.token, m.teamId, []).expect(200);
    expect(await getRoster(m.token, m.teamId)).toEqual([]);
  });
});

describe('sailing crews', () => {
  it('stores a skipper and crew, defaulting the role to crew; numbers and basketball roles are refused', async () => {
    const m = await newManager(t, { sport: 'sailing', name: '海之子' });
    const res = await putRoster(m.token, m.teamId, [
      { name: '船长', role: 'skipper' },
      { name: '水手', birthYear: 1990 },
      { name: '领航', role: 'navigator' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.roster.map((c: { role: string }) => c.role)).toEqual(['skipper', 'crew', 'navigator']);
    expect(
      badFields(
        await putRoster(m.token, m.teamId, [
          { name: '船长', role: 'skipper' },
          { name: '水手', number: 3 },
        ]),
      ),
    ).toEqual(['roster.1.number']);
    expect(badFields(await putRoster(m.token, m.teamId, [{ name: '队员', role: 'player' }]))).toEqual([
      'roster.0.role',
    ]);
    expect(badFields(await putRoster(m.token, m.teamId, [{ name: '队员', position: 'guard' }]))).toEqual([
      'roster.0.position',
    ]);
  });
});

describe('privacy and editing', () => {
  it('shows rosters only to the team’s manager and organizers; public team reads carry names and cities', async () => {
    const m = await newManager(t);
    const other = await newManager(t);
    await putRoster(m.token, m.teamId, BASKETBALL_ROSTER).expect(200);
    expect((await t.http.get(`/api/teams/${m.teamId}/roster`)).status).toBe(401);
    expect((await t.http.get(`/api/teams/${m.teamId}/roster`).set(bearer(other.token))).status).toBe(403);
    expect(await getRoster(organizer, m.teamId)).toHaveLength(4);

    const team = (await t.http.get(`/api/teams/${m.teamId}`).expect(200)).body;
    expect(team).toMatchObject({ name: '测试队', city: '青岛' });
    expect(team).not.toHaveProperty('roster');
    const all = await t.http.get('/api/teams').expect(200);
    expect(JSON.stringify(all.body)).not.toContain('张伟');
    expect((await t.http.get('/api/teams/not-a-uuid/roster').set(bearer(organizer))).status).toBe(404);
  });

  it('renames a team and changes its city; a bad value is 400 and other managers get 403', async () => {
    const m = await newManager(t);
    const res = await t.http
      .patch(`/api/teams/${m.teamId}`)
      .set(bearer(m.token))
      .send({ name: '崂山飞虎', city: '崂山', cityEn: 'Laoshan' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: '崂山飞虎',
      city: '崂山',
      cityEn: 'Laoshan',
      sport: 'basketball',
      managerId: m.userId,
    });
    expect((await t.http.get(`/api/teams/${m.teamId}`).expect(200)).body.name).toBe('崂山飞虎');
    const cleared = await t.http.patch(`/api/teams/${m.teamId}`).set(bearer(m.token)).send({ cityEn: null });
    expect(cleared.body.cityEn).toBeNull();
    expect(
      badFields(
        await t.http
          .patch(`/api/teams/${m.teamId}`)
          .set(bearer(m.token))
          .send({ name: 'x'.repeat(150) }),
      ),
    ).toEqual(['name']);
    expect(
      badFields(await t.http.patch(`/api/teams/${m.teamId}`).set(bearer(m.token)).send({ sport: 'sailing' })),
    ).toEqual(['sport']);
    expect(badFields(await t.http.patch(`/api/teams/${m.teamId}`).set(bearer(m.token)).send({ name: null }))).toEqual([
      'name',
    ]);
    const other = await newManager(t);
    expect(
      (await t.http.patch(`/api/teams/${m.teamId}`).set(bearer(other.token)).send({ name: '抢来的' })).status,
    ).toBe(403);
    expect((await t.http.get(`/api/teams/${m.teamId}`).expect(200)).body.name).toBe('崂山飞虎');
  });

  it('keeps simultaneous roster saves whole: one of them wins entirely', async () => {
    const m = await newManager(t);
    const rosters = Array.from({ length: 6 }, (_, k) =>
      Array.from({ length: 8 }, (_, i) => ({ name: `队员${k}-${i}`, number: (k * 8 + i) % 100 })),
    );
    const results = await Promise.all(rosters.map((roster) => putRoster(m.token, m.teamId, roster)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    const stored = await getRoster(m.token, m.teamId);
    expect(stored).toHaveLength(8);
    const batch = String(stored[0]?.name).split('-')[0];
    expect(stored.every((member) => String(member.name).startsWith(`${batch}-`))).toBe(true);
  });
});
