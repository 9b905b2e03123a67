import { beforeAll, describe, expect, it } from 'vitest';
import {
  badFields,
  createEvent,
  createTeam,
  type Manager,
  newManager,
  players,
  register,
  setStatus,
  summary,
} from './support/registration-fixtures.js';
import { bearer, useTestApp } from './support/test-app.js';

const t = useTestApp();
let organizer: string;
beforeAll(async () => {
  organizer = await t.organizerToken();
});

type Registration = {
  id: string;
  status: string;
  teamId: string;
  waitlistPosition: number | null;
  roster?: unknown[];
  rosterSize: number;
};
type Audit = {
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  reason: string | null;
  overrides: string[];
  registrationId: string;
};

const audit = async (registrationId: string): Promise<Audit[]> =>
  (await t.http.get(`/api/registrations/${registrationId}/audit`).set(bearer(organizer)).expect(200)).body;

const managers = (count: number): Promise<Manager[]> => Promise.all(Array.from({ length: count }, () => newManager(t)));

describe('approval mode', () => {
  it('takes a manager’s registration as pending; an organizer confirms it and the manager is notified', async () => {
    const event = await createEvent(t, { registrationMode: 'approval', capacity: 4 });
    const m = await newManager(t);
    const created = await register(t, m.token, event.id, { teamId: m.teamId, roster: players(5) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      eventId: event.id,
      teamId: m.teamId,
      status: 'pending',
      rosterSize: 5,
      teamName: '测试队',
    });
    expect(created.body.roster).toHaveLength(5);

    const confirmed = await setStatus(t, organizer, created.body.id, { status: 'confirmed', reason: '资料齐全' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');

    const mine = await t.http.get('/api/me/registrations').set(bearer(m.token)).expect(200);
    expect(mine.body.map((r: Registration) => [r.id, r.status])).toEqual([[created.body.id, 'confirmed']]);
    const notes = await t.http.get('/api/me/notifications').set(bearer(m.token)).expect(200);
    expect(
      notes.body.map((n: { fromStatus: string | null; toStatus: string; byMe: boolean }) => [
        n.fromStatus,
        n.toStatus,
        n.byMe,
      ]),
    ).toEqual([
      ['pending', 'confirmed', false],
      [null, 'pending', true],
    ]);
    expect(notes.body[0].reason).toBe('资料齐全');

    const trail = await audit(created.body.id);
    expect(trail.map((a) => [a.fromStatus, a.toStatus, a.actorId === m.userId ? 'manager' : 'organizer'])).toEqual([
      [null, 'pending', 'manager'],
      ['pending', 'confirmed', 'organizer'],
    ]);
  });

  it('confirms an organizer’s registration directly', async () => {
    const event = await createEvent(t, { registrationMode: 'approval' });
    const teamId = await createTeam(t, organizer);
    const res = await register(t, organizer, event.id, { teamId, roster: players(3) });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('confirmed');
  });

  it('refuses to confirm beyond capacity (409) and lets the organizer waitlist instead', async () => {
    const event = await createEvent(t, { registrationMode: 'approval', capacity: 1 });
    const [a, b] = await managers(2);
    const ra = (await register(t, a!.token, event.id, { teamId: a!.teamId, roster: players(5) }).expect(201)).body;
    const rb = (await register(t, b!.token, event.id, { teamId: b!.teamId, roster: players(5) }).expect(201)).body;
    await setStatus(t, organizer, ra.id, { status: 'confirmed' }).expect(200);
    const full = await setStatus(t, organizer, rb.id, { status: 'confirmed' });
    expect(full.status).toBe(409);
    const waitlisted = await setStatus(t, organizer, rb.id, { status: 'waitlisted' }).expect(200);
    expect(waitlisted.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    // The confirmed team withdraws: the approved, waitlisted one moves up.
    await setStatus(t, a!.token, ra.id, { status: 'withdrawn' }).expect(200);
    expect((await t.http.get(`/api/registrations/${rb.id}`).expect(200)).body.status).toBe('confirmed');
    const promotion = (await audit(rb.id)).at(-1);
    expect(promotion).toMatchObject({ fromStatus: 'waitlisted', toStatus: 'confirmed', actorId: null });
  });
});

describe('first-come mode', () => {
  it('confirms within capacity, then waitlists in arrival order', async () => {
    const event = await createEvent(t, { registrationMode: 'first-come', capacity: 2 });
    const ms = await managers(4);
    const regs: Registration[] = [];
    for (const m of ms)
      regs.push((await register(t, m.token, event.id, { teamId: m.teamId, roster: players(4) }).expect(201)).body);
    expect(regs.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    expect(await summary(t, event.id)).toMatchObject({
      capacity: 2,
      confirmed: 2,
      waitlisted: 2,
      pending: 0,
      placesLeft: 0,
      participants: 8,
    });
  });

  it('promotes the oldest waitlisted team when a confirmed one is rejected, and when capacity is raised', async () => {
    const event = await createEvent(t, { registrationMode: 'first-come', capacity: 1 });
    const ms = await managers(4);
    const regs: Registration[] = [];
    for (const m of ms)
      regs.push((await register(t, m.token, event.id, { teamId: m.teamId, roster: players(4) }).expect(201)).body);
    const [first, second, third, fourth] = regs as [Registration, Registration, Registration, Registration];

    await setStatus(t, organizer, first.id, { status: 'rejected', reason: '资格不符' }).expect(200);
    const statuses = async () =>
      (await t.http.get(`/api/events/${event.id}/registrations`).expect(200)).body.map((r: Registration) => r.status);
    expect(await statuses()).toEqual(['rejected', 'confirmed', 'waitlisted', 'waitlisted']);
    expect((await audit(first.id)).at(-1)).toMatchObject({
      fromStatus: 'confirmed',
      toStatus: 'rejected',
      reason: '资格不符',
    });

    const raised = await t.http.patch(`/api/events/${event.id}`).set(bearer(organizer)).send({ capacity: 3 });
    expect(raised.status).toBe(200);
    expect(raised.body.capacity).toBe(3);
    expect(await statuses()).toEqual(['rejected', 'confirmed', 'confirmed', 'confirmed']);
    expect((await audit(third.id)).at(-1)?.reason).toMatch(/capacity raised from 1 to 3/);
    expect((await audit(fourth.id)).filter((a) => a.toStatus === 'confirmed')).toHaveLength(1);
    expect((await audit(second.id)).filter((a) => a.toStatus === 'confirmed')).toHaveLength(1);

    const lowered = await t.http.patch(`/api/events/${event.id}`).set(bearer(organizer)).send({ capacity: 2 });
    expect(lowered.status).toBe(409);
    expect(lowered.body.errors[0].field).toBe('capacity');
    expect((await t.http.get(`/api/events/${event.id}`).expect(200)).body.capacity).toBe(3);
  });

  it('lets an organizer register even when the event is full: the team is waitlisted, never over capacity', async () => {
    const event = await createEvent(t, { registrationMode: 'first-come', capacity: 0 });
    const teamId = await createTeam(t, organizer);
    const res = await register(t, organizer, event.id, { teamId, roster: players(3) }).expect(201);
    expect(res.body.status).toBe('waitlisted');
  });
});

describe('rules that bind team managers', () => {
  it('rejects a second live registration of the same team (409) but accepts one after a withdrawal', async () => {
    const event = await createEvent(t, { registrationMode: 'first-come' });
    const m = await newManager(t);
    const first = await register(t, m.token, event.id, { teamId: m.teamId, roster: players(5) }).expect(201);
    const again = await register(t, m.token, event.id, { teamId: m.teamId, roster: players(5) });
    expect(again.status).toBe(409);
    await setStatus(t, m.token, first.body.id, { status: 'withdrawn' }).expect(200);
    const twice = await setStatus(t, m.token, first.body.id, { status: 'withdrawn' });
    expect(twice.status).toBe(409);
    const fresh = await register(t, m.token, event.id, { teamId: m.teamId, roster: players(5) });
    expect(fresh.status).toBe(201);
    expect(fresh.body.id).not.toBe(first.body.id);
  });

  it('enforces the registration window for managers (422) and records an organizer’s override', async () => {
    const closed = await createEvent(t, {
      registrationOpensAt: '2023-06-01T09:00:00+08:00',
      registrationClosesAt: '2023-06-10T18:00:00+08:00',
    });
    const notYet = await createEvent(t, {
      registrationOpensAt: '2099-06-01T09:00:00+08:00',
      registrationClosesAt: '2099-06-10T18:00:00+08:00',
    });
    const m = await newManager(t);
    const late = await register(t, m.token, closed.id, { teamId: m.teamId, roster: players(5) });
    expect(late.status).toBe(422);
    expect(late.body.detail).toMatch(/closed at 2023-06-10T18:00:00\+08:00/);
    expect((await register(t, m.token, notYet.id, { teamId: m.teamId, roster: players(5) })).status).toBe(422);
    expect((await summary(t, closed.id)).registrationOpen).toBe(false);

    const override = await register(t, organizer, closed.id, {
      teamId: m.teamId,
      roster: players(5),
      reason: '赛事方特批',
    });
    expect(override.status).toBe(201);
    expect(override.body.status).toBe('confirmed');
    const [entry] = await audit(override.body.id);
    expect(entry).toMatchObject({ fromStatus: null, toStatus: 'confirmed', overrides: ['registration-window'] });
    expect(entry?.reason).toMatch(/赛事方特批; organizer override: outside the registration window/);
  });

  it('enforces roster-size limits for managers (422), counting players but not staff', async () => {
    const event = await createEvent(t, { registrationMode: 'first-come', rosterMin: 3, rosterMax: 4 });
    const m = await newManager(t);
    const tooFew = await register(t, m.token, event.id, {
      teamId: m.teamId,
      roster: [...players(2), { name: '教练', role: 'coach' }],
    });
    expect(tooFew.status).toBe(422);
    expect(tooFew.body.errors).toEqual([
      {
        field: 'roster',
        message: 'needs 3–4 players, has 2',
        code: 'registration.roster-size',
        params: { min: 3, max: 4, count: 2 },
      },
    ]);
    expect(tooFew.body.code).toBe('registration.roster-size');
    expect((await register(t, m.token, event.id, { teamId: m.teamId, roster: players(5) })).status).toBe(422);
    const ok = await register(t, m.token, event.id, {
      teamId: m.teamId,
      roster: [...players(4), { name: '教练', role: 'coach' }],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.rosterSize).toBe(5);

    const other = await newManager(t);
    const incomplete = await register(t, organizer, event.id, { teamId: other.teamId, roster: players(1) }).expect(201);
    expect((await audit(incomplete.body.id))[0]?.overrides).toEqual(['roster-size']);
  });

  it('answers 400 naming the row for a bad roster, and stores nothing', async () => {
    const event = await createEvent(t, { registrationMode: 'first-come' });
    const m = await newManager(t);
    const roster = players(5);
    expect(
      badFields(
        await register(t, m.token, event.id, { teamId: m.teamId, roster: [...roster, { name: '重号', number: 6 }] }),
      ),
    ).toEqual(['roster.5.number']);
    expect(
      badFields(
        await register(t, m.token, event.id, { teamId: m.teamId, roster: [{ name: 'x'.repeat(150), number: 1 }] }),
      ),
    ).toEqual(['roster.0.name']);
    expect(badFields(await register(t, m.token, event.id, { teamId: m.teamId, roster: [] }))).toEqual(['roster']);
    expect(badFields(await register(t, m.token, event.id, { teamId: m.teamId }))).toEqual(['roster']);
    expect(
      badFields(await register(t, m.token, event.id, { teamId: m.teamId, roster: [{ name: 'A', number: 100 }] })),
    ).toEqual(['roster.0.number']);
    expect(
      badFields(await register(t, m.token, event.id, { teamId: m.teamId, roster: [{ name: 'A', number: 1.5 }] })),
    ).toEqual(['roster.0.number']);
    expect(
      badFields(await register(t, m.token, event.id, { teamId: m.teamId, roster: players(1), extra: true })),
    ).toEqual(['extra']);
    expect(badFields(await register(t, m.token, event.id, { teamId: 'not-a-uuid', roster: players(1) }))).toEqual([
      'teamId',
    ]);
    expect((await t.http.get(`/api/events/${event.id}/registrations`).expect(200)).body).toEqual([]);
  });

  it('uses the team’s saved roster when none is sent', async () => {
    const event = await createEvent(t, { registrationMode: 'first-come' });
    const m = await newManager(t);
    await t.http
      .put(`/api/teams/${m.teamId}/roster`)
      .set(bearer(m.token))
      .send({
        roster: [
          { name: '张三', number: 7 },
          { name: '李教练', role: 'coach' },
        ],
      })
      .expect(200);
    const res = await register(t, m.token, event.id, { teamId: m.teamId }).expect(201);
    expect(res.body.roster).toEqual([
      { name: '张三', number: 7, role: 'player' },
      { name: '李教练', number: null, role: 'coach' },
    ]);
  });

  it('only takes teams of the event’s sport, and known teams and events', async () => {
    const event = await createEvent(t);
    const sailor = await newManager(t, { sport: 'sailing' });
    const wrongSport = await register(t, sailor.token, event.id, {
      teamId: sailor.teamId,
      roster: [{ name: '船长', role: 'skipper' }],
    });
    expect(wrongSport.status).toBe(422);
    expect(wrongSport.body.errors[0].field).toBe('teamId');
    expect(
      (await register(t, organizer, event.id, { teamId: '00000000-0000-4000-8000-000000000000', roster: players(1) }))
        .status,
    ).toBe(422);
    expect(
      (
        await register(t, organizer, '00000000-0000-4000-8000-000000000000', {
          teamId: sailor.teamId,
          roster: players(1),
        })
      ).status,
    ).toBe(404);
    expect((await register(t, organizer, 'nope', { teamId: sailor.teamId, roster: players(1) })).status).toBe(404);
    expect((await t.http.get('/api/registrations/nope')).status).toBe(404);
  });
});

describe('reading registrations', () => {
  it('shows rosters only to the team’s manager and organizers, and paginates on request', async () => {
    const event = await createEvent(t, { registrationMode: 'first-come' });
    const ms = await managers(3);
    for (const m of ms) await register(t, m.token, event.id, { teamId: m.teamId, roster: players(5) }).expect(201);
    const [me] = ms as [Manager];

    const pub = await t.http.get(`/api/events/${event.id}/registrations`).expect(200);
    expect(pub.body).toHaveLength(3);
    expect(pub.body.every((r: Registration) => r.roster === undefined && r.rosterSize === 5)).toBe(true);
    expect(JSON.stringify(pub.body)).not.toContain('球员');

    const asManager = await t.http.get(`/api/events/${event.id}/registrations`).set(bearer(me.token)).expect(200);
    expect(
      asManager.body.filter((r: Registration) => r.roster !== undefined).map((r: Registration) => r.teamId),
    ).toEqual([me.teamId]);
    const asOrganizer = await t.http.get(`/api/events/${event.id}/registrations`).set(bearer(organizer)).expect(200);
    expect(asOrganizer.body.every((r: Registration) => r.roster?.length === 5)).toBe(true);

    const page = await t.http.get(`/api/events/${event.id}/registrations?limit=2&offset=1`).expect(200);
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((r: Registration) => r.teamId)).toEqual(ms.slice(1).map((m) => m.teamId));
    expect(
      (await t.http.get(`/api/events/${event.id}/registrations?status=confirmed&limit=1`).expect(200)).body.total,
    ).toBe(3);
    expect(badFields(await t.http.get(`/api/events/${event.id}/registrations?limit=0`))).toEqual(['limit']);
    expect(badFields(await t.http.get(`/api/events/${event.id}/registrations?limit=abc`))).toEqual(['limit']);
  });

  it('exports CSV to organizers only', async () => {
    const event = await createEvent(t, { registrationMode: 'first-come' });
    const m = await newManager(t, { name: '=HYPERLINK("x")' });
    await register(t, m.token, event.id, { teamId: m.teamId, roster: [{ name: '王, 小明', number: 9 }] }).expect(201);
    const res = await t.http.get(`/api/events/${event.id}/registrations.csv`).set(bearer(organizer)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'registration_id,team,team_en,city,status,waitlist_position,roster_size,roster,manager,manager_email,created_at,updated_at',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('"#9 王, 小明"');
    expect(lines[1]).toMatch(/,confirmed,,1,/);
    expect((await t.http.get(`/api/events/${event.id}/registrations.csv`).set(bearer(m.token))).status).toBe(403);
    expect((await t.http.get(`/api/events/${event.id}/registrations.csv`)).status).toBe(401);
  });

  it('keeps the event audit log from organizers’ eyes only', async () => {
    const event = await createEvent(t);
    const m = await newManager(t);
    await register(t, m.token, event.id, { teamId: m.teamId, roster: players(5) }).expect(201);
    const log = await t.http.get(`/api/events/${event.id}/audit`).set(bearer(organizer)).expect(200);
    expect(log.body).toHaveLength(1);
    expect(log.body[0]).toMatchObject({
      teamId: m.teamId,
      toStatus: 'pending',
      actorId: m.userId,
      actorName: 'Team Manager',
      actorRole: 'team_manager',
    });
    expect(log.body[0].at).toMatch(/\+08:00$/);
    expect((await t.http.get(`/api/events/${event.id}/audit`).set(bearer(m.token))).status).toBe(403);
  });

  it('counts participants per event and for the season against the targets', async () => {
    const before = (await t.http.get('/api/seasons/qingdao-basketball-2023/participation').expect(200)).body;
    expect(before.participantTarget).toBe(6000);
    const futureStars = before.events.find((e: { slug: string }) => e.slug === 'future-stars-mini-basketball-league');
    expect(futureStars).toMatchObject({ participantTarget: 2500, participants: 0, confirmedTeams: 0 });
    expect(before.events).toHaveLength(before.events.filter((e: { eventId: string }) => e.eventId).length);

    const [a, b] = await managers(2);
    // The seeded league has divisions (U8/U10/U12 × boys/girls): each registration names one.
    await register(t, organizer, futureStars.eventId, {
      teamId: a!.teamId,
      divisionId: 'U10-boys',
      roster: players(10),
    }).expect(201);
    await register(t, organizer, futureStars.eventId, {
      teamId: b!.teamId,
      divisionId: 'U12-girls',
      roster: [...players(8), { name: '教练', role: 'coach' }],
    }).expect(201);
    const after = (await t.http.get('/api/seasons/qingdao-basketball-2023/participation').expect(200)).body;
    const fsAfter = after.events.find((e: { slug: string }) => e.slug === 'future-stars-mini-basketball-league');
    expect(fsAfter).toMatchObject({ participants: 19, confirmedTeams: 2, shareOfTarget: 0.0076 });
    expect(
      fsAfter.divisions
        .filter((d: { confirmedTeams: number }) => d.confirmedTeams > 0)
        .map((d: { code: string; participants: number }) => [d.code, d.participants]),
    ).toEqual([
      ['U10-boys', 10],
      ['U12-girls', 9],
    ]);
    expect(after.participants - before.participants).toBe(19);
    expect(after.shareOfTarget).toBe(Math.round((after.participants / 6000) * 10_000) / 10_000);
    expect(await summary(t, futureStars.eventId)).toMatchObject({
      capacity: 256,
      confirmed: 2,
      placesLeft: 254,
      participants: 19,
      participantTarget: 2500,
    });
    expect((await t.http.get('/api/seasons/no-such-season/participation')).status).toBe(404);
  });
});

describe('concurrency (real PostgreSQL)', () => {
  it('40 simultaneous registrations to 8 places: exactly 8 confirmed and 32 waitlisted, all 201; withdrawals promote exactly once', async () => {
    const event = await createEvent(t, { registrationMode: 'first-come', capacity: 8 });
    const ms = await managers(40);
    const responses = await Promise.all(
      ms.map((m) => register(t, m.token, event.id, { teamId: m.teamId, roster: players(5) })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(201));
    const statuses = responses.map((r) => r.body.status as string);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(8);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(32);
    expect(await summary(t, event.id)).toMatchObject({ confirmed: 8, waitlisted: 32, placesLeft: 0, participants: 40 });

    const list = (await t.http.get(`/api/events/${event.id}/registrations`).expect(200)).body as Registration[];
    const waitlist = list.filter((r) => r.status === 'waitlisted');
    expect(waitlist.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    const byTeam = new Map(ms.map((m) => [m.teamId, m]));
    const confirmed = list.filter((r) => r.status === 'confirmed');

    // One withdrawal promotes exactly the oldest waitlisted team.
    const leaver = confirmed[0]!;
    await setStatus(t, byTeam.get(leaver.teamId)!.token, leaver.id, { status: 'withdrawn' }).expect(200);
    expect(await summary(t, event.id)).toMatchObject({ confirmed: 8, waitlisted: 31, withdrawn: 1 });
    expect((await t.http.get(`/api/registrations/${waitlist[0]!.id}`).expect(200)).body.status).toBe('confirmed');
    expect((await t.http.get(`/api/registrations/${waitlist[1]!.id}`).expect(200)).body).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });

    // Four simultaneous withdrawals: four promotions, never a ninth confirmed team.
    const leavers = confirmed.slice(1, 5);
    const withdrawals = await Promise.all(
      leavers.map((r) => setStatus(t, byTeam.get(r.teamId)!.token, r.id, { status: 'withdrawn' })),
    );
    expect(withdrawals.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await summary(t, event.id)).toMatchObject({ confirmed: 8, waitlisted: 27, withdrawn: 5 });
    const promoted = waitlist.slice(0, 5).map((r) => r.id);
    const after = (await t.http.get(`/api/events/${event.id}/registrations`).expect(200)).body as Registration[];
    expect(
      after
        .filter((r) => r.status === 'confirmed')
        .map((r) => r.id)
        .sort(),
    ).toEqual([...confirmed.slice(5).map((r) => r.id), ...promoted].sort());

    // Each promotion happened exactly once.
    const log = (await t.http.get(`/api/events/${event.id}/audit`).set(bearer(organizer)).expect(200)).body as Audit[];
    const promotions = log.filter((a) => a.fromStatus === 'waitlisted' && a.toStatus === 'confirmed');
    expect(promotions.map((a) => a.registrationId).sort()).toEqual([...promoted].sort());

    // A duplicate is still a conflict.
    const dup = ms[39]!;
    expect((await register(t, dup.token, event.id, { teamId: dup.teamId, roster: players(5) })).status).toBe(409);
  });

  it('lets only one of many simultaneous registrations of the same team through', async () => {
    const event = await createEvent(t, { registrationMode: 'first-come', capacity: 8 });
    const m = await newManager(t);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => register(t, m.token, event.id, { teamId: m.teamId, roster: players(5) })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
  });

  it('never over-fills when organizers confirm pending teams at the same time', async () => {
    const event = await createEvent(t, { registrationMode: 'approval', capacity: 3 });
    const ms = await managers(10);
    const regs = await Promise.all(
      ms.map(
        async (m) =>
          (await register(t, m.token, event.id, { teamId: m.teamId, roster: players(5) }).expect(201))
            .body as Registration,
      ),
    );
    const confirms = await Promise.all(regs.map((r) => setStatus(t, organizer, r.id, { status: 'confirmed' })));
    expect(confirms.map((r) => r.status).sort()).toEqual([200, 200, 200, ...Array(7).fill(409)]);
    expect(await summary(t, event.id)).toMatchObject({ confirmed: 3, pending: 7 });
  });

  it('promotes each waitlisted team once when capacity rises during withdrawals', async () => {
    const event = await createEvent(t, { registrationMode: 'first-come', capacity: 2 });
    const ms = await managers(8);
    const regs: Registration[] = [];
    for (const m of ms)
      regs.push((await register(t, m.token, event.id, { teamId: m.teamId, roster: players(5) }).expect(201)).body);
    const [r0, r1] = regs as [Registration, Registration];
    const results = await Promise.all([
      setStatus(t, ms[0]!.token, r0.id, { status: 'withdrawn' }),
      t.http.patch(`/api/events/${event.id}`).set(bearer(organizer)).send({ capacity: 4 }),
      setStatus(t, ms[1]!.token, r1.id, { status: 'withdrawn' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await summary(t, event.id)).toMatchObject({ confirmed: 4, waitlisted: 2, withdrawn: 2 });
    const log = (await t.http.get(`/api/events/${event.id}/audit`).set(bearer(organizer)).expect(200)).body as Audit[];
    const promoted = log
      .filter((a) => a.toStatus === 'confirmed' && a.fromStatus === 'waitlisted')
      .map((a) => a.registrationId);
    expect(promoted.sort()).toEqual(
      regs
        .slice(2, 6)
        .map((r) => r.id)
        .sort(),
    );
  });
});
