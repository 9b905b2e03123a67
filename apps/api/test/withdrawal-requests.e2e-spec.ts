import { Client } from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEvent, newManager, players, register, setStatus } from './support/registration-fixtures.js';
import { bearer, useTestApp } from './support/test-app.js';

const t = useTestApp();
let organizer: string;
beforeAll(async () => {
  organizer = await t.organizerToken();
});

/** Two confirmed teams in a fresh event; `played` says whether they have played a game with a result. */
async function twoConfirmedTeams(played: boolean) {
  const event = await createEvent(t, { registrationMode: 'first-come' });
  const [a, b] = [await newManager(t), await newManager(t)];
  const ra = (await register(t, a.token, event.id, { teamId: a.teamId, roster: players(5) }).expect(201)).body;
  const rb = (await register(t, b.token, event.id, { teamId: b.teamId, roster: players(5) }).expect(201)).body;
  expect([ra.status, rb.status]).toEqual(['confirmed', 'confirmed']);
  if (played) {
    const match = await t.http
      .post(`/api/events/${event.id}/matches`)
      .set(bearer(organizer))
      .send({ homeTeamId: a.teamId, awayTeamId: b.teamId, startsAt: '2023-07-20T19:30:00+08:00' });
    expect(match.status, JSON.stringify(match.body)).toBe(201);
    await t.http
      .put(`/api/matches/${match.body.id}/result`)
      .set(bearer(organizer))
      .send({ homeScore: 80, awayScore: 72 })
      .expect(200);
  }
  return { event, a, b, ra, rb };
}

const get = async (id: string) => (await t.http.get(`/api/registrations/${id}`).expect(200)).body;
const awaiting = async () =>
  (await t.http.get('/api/registrations/awaiting-decision').set(bearer(organizer)).expect(200)).body;

describe('withdrawal after games were played', () => {
  it('lets a manager withdraw a team that has played no game at once, as the contract says', async () => {
    const { a, ra } = await twoConfirmedTeams(false);
    const res = await setStatus(t, a.token, ra.id, { status: 'withdrawn' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', withdrawalRequestedAt: null });
  });

  it('refuses a manager’s direct withdrawal once the team has played (409 with a code) and changes nothing', async () => {
    const { a, ra } = await twoConfirmedTeams(true);
    const res = await setStatus(t, a.token, ra.id, { status: 'withdrawn' });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'registration.withdrawal-needs-approval', errors: [{ field: 'status' }] });
    expect(await get(ra.id)).toMatchObject({ status: 'confirmed', withdrawalRequestedAt: null });
  });

  it('takes the request, counts it for organizers, and withdraws the team when an organizer approves', async () => {
    const { a, ra } = await twoConfirmedTeams(true);
    const before = await awaiting();
    const asked = await t.http
      .post(`/api/registrations/${ra.id}/withdrawal-request`)
      .set(bearer(a.token))
      .send({ reason: '主力受伤' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.status).toBe('confirmed');
    expect(asked.body.withdrawalRequestedAt).toMatch(/\+08:00$/);
    expect(asked.body.withdrawalReason).toBe('主力受伤');
    // The public sees that a request waits, not its reason.
    const publicView = await get(ra.id);
    expect(publicView.withdrawalRequestedAt).not.toBeNull();
    expect(publicView).not.toHaveProperty('withdrawalReason');
    expect(await awaiting()).toMatchObject({
      withdrawalRequests: before.withdrawalRequests + 1,
      total: before.total + 1,
    });

    const again = await t.http.post(`/api/registrations/${ra.id}/withdrawal-request`).set(bearer(a.token)).send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('registration.withdrawal-already-requested');

    const approved = await setStatus(t, organizer, ra.id, { status: 'withdrawn', reason: '同意' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'withdrawn', withdrawalRequestedAt: null });
    expect((await awaiting()).withdrawalRequests).toBe(before.withdrawalRequests);

    const trail = (await t.http.get(`/api/registrations/${ra.id}/audit`).set(bearer(organizer)).expect(200)).body as {
      toStatus: string;
      reason: string | null;
    }[];
    expect(trail.map((e) => [e.toStatus, e.reason])).toEqual([
      ['confirmed', null],
      ['confirmed', 'withdrawal requested: 主力受伤'],
      ['withdrawn', '同意'],
    ]);
  });

  it('lets an organizer decline: the team stays confirmed and may ask again', async () => {
    const { a, ra } = await twoConfirmedTeams(true);
    await t.http.post(`/api/registrations/${ra.id}/withdrawal-request`).set(bearer(a.token)).send({}).expect(200);
    expect(
      (await t.http.delete(`/api/registrations/${ra.id}/withdrawal-request`).set(bearer(a.token)).send({})).status,
    ).toBe(403);
    const declined = await t.http
      .delete(`/api/registrations/${ra.id}/withdrawal-request`)
      .set(bearer(organizer))
      .send({ reason: '请打完本周比赛' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'confirmed', withdrawalRequestedAt: null });
    const none = await t.http.delete(`/api/registrations/${ra.id}/withdrawal-request`).set(bearer(organizer)).send({});
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('registration.no-withdrawal-request');
    await t.http.post(`/api/registrations/${ra.id}/withdrawal-request`).set(bearer(a.token)).send({}).expect(200);
  });

  it('answers a request that is not needed, or from someone else, with a clear problem', async () => {
    const { a, b, ra } = await twoConfirmedTeams(false);
    const notNeeded = await t.http.post(`/api/registrations/${ra.id}/withdrawal-request`).set(bearer(a.token)).send({});
    expect(notNeeded.status).toBe(409);
    expect(notNeeded.body.code).toBe('registration.withdrawal-not-needed');
    expect(
      (await t.http.post(`/api/registrations/${ra.id}/withdrawal-request`).set(bearer(b.token)).send({})).status,
    ).toBe(403);
    expect((await t.http.post(`/api/registrations/${ra.id}/withdrawal-request`).send({})).status).toBe(401);
    const tooLong = await t.http
      .post(`/api/registrations/${ra.id}/withdrawal-request`)
      .set(bearer(a.token))
      .send({ reason: 'x'.repeat(501) });
    expect(tooLong.status).toBe(400);
    expect((await t.http.get('/api/registrations/awaiting-decision').set(bearer(a.token))).status).toBe(403);
  });

  it('keeps the rule in the database: only a confirmed registration may carry a request', async () => {
    const { a, ra } = await twoConfirmedTeams(true);
    await t.http.post(`/api/registrations/${ra.id}/withdrawal-request`).set(bearer(a.token)).send({}).expect(200);
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      await expect(db.query(`UPDATE registrations SET status = 'rejected' WHERE id = $1`, [ra.id])).rejects.toThrow(
        /registrations_withdrawal_request_confirmed/,
      );
    } finally {
      await db.end();
    }
  });
});
