import { beforeAll, describe, expect, it } from 'vitest';
import {
  badFields,
  createEvent,
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

type Division = {
  id: string;
  code: string;
  capacity: number | null;
  confirmed: number;
  placesLeft: number | null;
  participants: number;
};
type Registration = {
  id: string;
  status: string;
  teamId: string;
  divisionId: string | null;
  divisionCode: string | null;
};

const addDivision = async (eventId: string, body: Record<string, unknown>): Promise<Division> => {
  const res = await t.http.post(`/api/events/${eventId}/divisions`).set(bearer(organizer)).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const divisions = async (eventId: string): Promise<Division[]> =>
  (await t.http.get(`/api/events/${eventId}/divisions`).expect(200)).body;
const managers = (count: number, team: Record<string, unknown> = {}): Promise<Manager[]> =>
  Promise.all(Array.from({ length: count }, () => newManager(t, team)));
const registrations = async (eventId: string): Promise<Registration[]> =>
  (await t.http.get(`/api/events/${eventId}/registrations`).expect(200)).body;

/** An event with U10 boys and girls (born on or after 2013-01-01). */
async function youthEvent(
  settings: Record<string, unknown> = {},
): Promise<{ eventId: string; boys: Division; girls: Division }> {
  const event = await createEvent(t, { registrationMode: 'first-come', ...settings });
  const boys = await addDivision(event.id, {
    code: 'U10-boys',
    name: 'U10男子组',
    nameEn: 'U10 boys',
    ageGroup: 'U10',
    gender: 'boys',
    bornOnOrAfter: '2013-01-01',
    capacity: 3,
    rosterMin: 2,
    rosterMax: 8,
  });
  const girls = await addDivision(event.id, {
    code: 'U10-girls',
    name: 'U10女子组',
    nameEn: 'U10 girls',
    ageGroup: 'U10',
    gender: 'girls',
    bornOnOrAfter: '2013-01-01',
    capacity: 3,
    city: '潍坊',
    cityEn: 'Weifang',
  });
  return { eventId: event.id, boys, girls };
}

describe('divisions: organizer CRUD, public list', () => {
  it('creates, lists, changes and deletes divisions; managers may not; bad input names the field', async () => {
    const event = await createEvent(t);
    expect(await divisions(event.id)).toEqual([]);
    const u8 = await addDivision(event.id, {
      code: 'U8-girls',
      name: 'U8女子组',
      ageGroup: 'U8',
      gender: 'girls',
      capacity: 4,
      position: 1,
    });
    expect(u8).toMatchObject({
      code: 'U8-girls',
      gender: 'girls',
      capacity: 4,
      confirmed: 0,
      placesLeft: 4,
      bornOnOrAfter: null,
      source: null,
    });
    await addDivision(event.id, { code: 'U12-boys', name: 'U12男子组', position: 0 });
    expect((await divisions(event.id)).map((d) => d.code)).toEqual(['U12-boys', 'U8-girls']);
    expect((await t.http.get(`/api/events/${event.id}/divisions/U8-girls`).expect(200)).body.id).toBe(u8.id);

    const m = await newManager(t);
    expect(
      (await t.http.post(`/api/events/${event.id}/divisions`).set(bearer(m.token)).send({ code: 'X', name: 'X' }))
        .status,
    ).toBe(403);
    const duplicate = await t.http
      .post(`/api/events/${event.id}/divisions`)
      .set(bearer(organizer))
      .send({ code: 'U8-girls', name: '重复' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors[0].field).toBe('code');
    const bad = await t.http
      .post(`/api/events/${event.id}/divisions`)
      .set(bearer(organizer))
      .send({ code: 'U 8!', name: '', gender: 'men', bornOnOrAfter: '2013-02-30', capacity: -1 });
    expect(badFields(bad).sort()).toEqual(['bornOnOrAfter', 'capacity', 'code', 'gender', 'name']);
    expect(
      badFields(
        await t.http
          .post(`/api/events/${event.id}/divisions`)
          .set(bearer(organizer))
          .send({ code: 'Y', name: 'Y', rosterMin: 5, rosterMax: 3 }),
      ),
    ).toEqual(['rosterMax']);
    expect((await divisions(event.id)).length).toBe(2);

    const changed = await t.http
      .patch(`/api/events/${event.id}/divisions/${u8.id}`)
      .set(bearer(organizer))
      .send({ capacity: 6, nameEn: 'U8 girls' })
      .expect(200);
    expect(changed.body).toMatchObject({ capacity: 6, nameEn: 'U8 girls', placesLeft: 6 });
    await t.http.delete(`/api/events/${event.id}/divisions/U12-boys`).set(bearer(organizer)).expect(204);
    expect((await divisions(event.id)).map((d) => d.code)).toEqual(['U8-girls']);
    expect((await t.http.get(`/api/events/${event.id}/divisions/nope`)).status).toBe(404);
  });
});

describe('registration in a division', () => {
  it('requires a division once the event has one (400), refuses an unknown one (422); an event without divisions works as before', async () => {
    const { eventId, girls } = await youthEvent();
    const m = await newManager(t);
    expect(badFields(await register(t, m.token, eventId, { teamId: m.teamId, roster: players(5) }))).toEqual([
      'divisionId',
    ]);
    const unknown = await register(t, m.token, eventId, {
      teamId: m.teamId,
      divisionId: 'U12-girls',
      roster: players(5),
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('divisionId');
    const ok = await register(t, m.token, eventId, { teamId: m.teamId, divisionId: 'U10-girls', roster: players(5) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({
      divisionId: girls.id,
      divisionCode: 'U10-girls',
      divisionName: 'U10女子组',
      status: 'confirmed',
    });

    const plain = await createEvent(t, { registrationMode: 'first-come' });
    const other = await register(t, m.token, plain.id, { teamId: m.teamId, roster: players(5) });
    expect(other.status).toBe(201);
    expect(other.body).toMatchObject({ divisionId: null, status: 'confirmed' });
    const n = await newManager(t);
    const noSuchDivision = await register(t, n.token, plain.id, {
      teamId: n.teamId,
      divisionId: girls.id,
      roster: players(5),
    });
    expect(noSuchDivision.status).toBe(422);
    expect(noSuchDivision.body.errors[0].field).toBe('divisionId');
  });

  it('refuses a player born before the cut-off with 400 naming roster.N.birthDate, and stores nothing', async () => {
    const { eventId } = await youthEvent();
    const m = await newManager(t);
    const roster = [
      { name: '张小一', number: 4, birthDate: '2013-01-01' },
      { name: '李小二', number: 5, birthDate: '2012-12-31' },
      { name: '王小三', number: 6 },
      { name: '赵小四', number: 7, birthDate: '2011-06-01' },
    ];
    const refused = await register(t, m.token, eventId, { teamId: m.teamId, divisionId: 'U10-boys', roster });
    expect(badFields(refused)).toEqual(['roster.1.birthDate', 'roster.3.birthDate']);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(await registrations(eventId)).toEqual([]);
    // The U12 division has no cut-off here: the same roster is welcome there once the event offers it.
    await addDivision(eventId, { code: 'U12-boys', name: 'U12男子组' });
    const accepted = await register(t, m.token, eventId, { teamId: m.teamId, divisionId: 'U12-boys', roster });
    expect(accepted.status).toBe(201);
    expect(accepted.body.roster[1]).toEqual({ name: '李小二', number: 5, role: null, birthDate: '2012-12-31' });
  });

  it('applies the division’s roster limits instead of the event’s', async () => {
    const { eventId } = await youthEvent({ rosterMin: 5 });
    const m = await newManager(t);
    // U10 boys take 2–8 players: 3 is fine although the event asks for 5; 9 is too many.
    expect(
      (await register(t, m.token, eventId, { teamId: m.teamId, divisionId: 'U10-boys', roster: players(9) })).body.code,
    ).toBe('registration.roster-size');
    expect(
      (await register(t, m.token, eventId, { teamId: m.teamId, divisionId: 'U10-boys', roster: players(3) })).status,
    ).toBe(201);
    // U10 girls set no limits of their own: the event's minimum of 5 binds.
    const n = await newManager(t);
    expect(
      (await register(t, n.token, eventId, { teamId: n.teamId, divisionId: 'U10-girls', roster: players(3) })).status,
    ).toBe(422);
  });

  it('never confirms more teams than a division holds under concurrent requests (real PostgreSQL), and promotes within the division', async () => {
    const { eventId, boys, girls } = await youthEvent({ capacity: 100 });
    const ms = await managers(10);
    const responses = await Promise.all(
      ms.map((m, i) =>
        register(t, m.token, eventId, { teamId: m.teamId, divisionId: i < 8 ? boys.id : girls.id, roster: players(4) }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    const all = await registrations(eventId);
    const count = (division: string, status: string) =>
      all.filter((r) => r.divisionId === division && r.status === status).length;
    expect([count(boys.id, 'confirmed'), count(boys.id, 'waitlisted')]).toEqual([3, 5]);
    expect([count(girls.id, 'confirmed'), count(girls.id, 'waitlisted')]).toEqual([2, 0]);
    expect((await divisions(eventId)).map((d) => [d.code, d.confirmed, d.placesLeft, d.participants])).toEqual([
      ['U10-boys', 3, 0, 12],
      ['U10-girls', 2, 1, 8],
    ]);
    expect((await summary(t, eventId)).confirmed).toBe(5);

    // A boys' team leaves: the oldest waitlisted boys' team takes its place.
    const leaving = all.find((r) => r.divisionId === boys.id && r.status === 'confirmed');
    const manager = ms.find((m) => m.teamId === leaving?.teamId);
    await setStatus(t, manager?.token ?? '', leaving?.id ?? '', { status: 'withdrawn' }).expect(200);
    const after = await registrations(eventId);
    const firstWaiting = all.find((r) => r.divisionId === boys.id && r.status === 'waitlisted');
    expect(after.find((r) => r.id === firstWaiting?.id)?.status).toBe('confirmed');

    // Lowering capacity below the confirmed teams is refused; raising it promotes that division's waitlist.
    expect(
      (await t.http.patch(`/api/events/${eventId}/divisions/U10-boys`).set(bearer(organizer)).send({ capacity: 2 }))
        .status,
    ).toBe(409);
    const raised = await t.http
      .patch(`/api/events/${eventId}/divisions/U10-boys`)
      .set(bearer(organizer))
      .send({ capacity: 5 })
      .expect(200);
    expect(raised.body).toMatchObject({ confirmed: 5, placesLeft: 0 });
    // Confirming beyond the division's capacity is a 409 even when the event has room.
    const waiting = (await registrations(eventId)).find((r) => r.divisionId === boys.id && r.status === 'waitlisted');
    expect((await setStatus(t, organizer, waiting?.id ?? '', { status: 'confirmed' })).body.code).toBe(
      'registration.division-full',
    );
    // A division in use cannot be deleted.
    expect((await t.http.delete(`/api/events/${eventId}/divisions/U10-boys`).set(bearer(organizer))).status).toBe(409);
  });
});

describe('division capacity when organizers decide at the same time', () => {
  it('confirms at most the division’s places when pending teams are confirmed concurrently (real PostgreSQL)', async () => {
    const { eventId, girls } = await youthEvent({ registrationMode: 'approval' });
    const ms = await managers(8);
    const pending = await Promise.all(
      ms.map(
        async (m) =>
          (
            await register(t, m.token, eventId, { teamId: m.teamId, divisionId: girls.id, roster: players(4) }).expect(
              201,
            )
          ).body as Registration,
      ),
    );
    expect(pending.every((r) => r.status === 'pending')).toBe(true);
    const answers = await Promise.all(pending.map((r) => setStatus(t, organizer, r.id, { status: 'confirmed' })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'registration.division-full')).toBe(
      true,
    );
    expect(answers.filter((a) => a.status === 409)).toHaveLength(5);
    expect((await registrations(eventId)).filter((r) => r.status === 'confirmed')).toHaveLength(3);
  });
});

describe('schedule and standings per division', () => {
  it('schedules one division at a time and ranks each division on its own', async () => {
    const { eventId, boys, girls } = await youthEvent({ startDate: '2023-07-20', endDate: '2023-07-23' });
    const [boysTeams, girlsTeams] = [await managers(3), await managers(3)];
    for (const m of boysTeams)
      await register(t, organizer, eventId, { teamId: m.teamId, divisionId: boys.id, roster: players(4) }).expect(201);
    for (const m of girlsTeams)
      await register(t, organizer, eventId, { teamId: m.teamId, divisionId: 'U10-girls', roster: players(4) }).expect(
        201,
      );

    const schedule = (body: Record<string, unknown>) =>
      t.http
        .post(`/api/events/${eventId}/schedule`)
        .set(bearer(organizer))
        .send({ format: 'round-robin', ...body });
    expect(badFields(await schedule({}))).toEqual(['division']);
    expect((await schedule({ division: 'U12-boys' })).status).toBe(422);
    const boysGames = await schedule({ division: 'U10-boys' });
    expect(boysGames.status, JSON.stringify(boysGames.body)).toBe(201);
    expect(boysGames.body.matches).toHaveLength(3);
    expect(boysGames.body.matches.every((g: { divisionId: string }) => g.divisionId === boys.id)).toBe(true);
    const girlsGames = await schedule({ division: girls.id });
    expect(girlsGames.status, JSON.stringify(girlsGames.body)).toBe(201);
    // The girls' schedule left the boys' games alone.
    expect((await t.http.get(`/api/events/${eventId}/matches`).expect(200)).body).toHaveLength(6);
    const onlyBoys = (await t.http.get(`/api/events/${eventId}/matches?division=U10-boys`).expect(200)).body as {
      id: string;
      homeTeamId: string;
      awayTeamId: string;
    }[];
    expect(onlyBoys.map((g) => g.id).sort()).toEqual(boysGames.body.matches.map((g: { id: string }) => g.id).sort());
    expect((await t.http.get(`/api/events/${eventId}/matches?division=nope`)).status).toBe(422);

    // Boys: the first team wins both its games.
    const [b1] = boysTeams;
    for (const g of onlyBoys) {
      const b1Home = g.homeTeamId === b1?.teamId;
      const b1Away = g.awayTeamId === b1?.teamId;
      const body = b1Home
        ? { homeScore: 30, awayScore: 20 }
        : b1Away
          ? { homeScore: 20, awayScore: 30 }
          : { homeScore: 25, awayScore: 22 };
      await t.http.put(`/api/matches/${g.id}/result`).set(bearer(organizer)).send(body).expect(200);
    }
    const boysTable = (await t.http.get(`/api/events/${eventId}/standings?division=U10-boys`).expect(200)).body;
    expect(boysTable.divisionId).toBe(boys.id);
    expect(boysTable.groups).toHaveLength(1);
    expect(boysTable.groups[0]).toMatchObject({ divisionId: boys.id, complete: true, gamesPlayed: 3 });
    expect(boysTable.groups[0].rows.map((r: { teamId: string }) => r.teamId).sort()).toEqual(
      boysTeams.map((m) => m.teamId).sort(),
    );
    expect(boysTable.groups[0].rows[0]).toMatchObject({ rank: 1, teamId: b1?.teamId, won: 2 });

    const girlsTable = (await t.http.get(`/api/events/${eventId}/standings?division=U10-girls`).expect(200)).body;
    expect(girlsTable.groups[0]).toMatchObject({
      divisionId: girls.id,
      complete: false,
      gamesPlayed: 0,
      gamesScheduled: 3,
    });
    expect(girlsTable.groups[0].rows.map((r: { teamId: string }) => r.teamId).sort()).toEqual(
      girlsTeams.map((m) => m.teamId).sort(),
    );

    const everything = (await t.http.get(`/api/events/${eventId}/standings`).expect(200)).body;
    expect(everything.divisionId).toBeNull();
    expect(everything.groups.map((g: { divisionId: string }) => g.divisionId)).toEqual([boys.id, girls.id]);
    // A division without teams or games adds no empty table to the whole view, but answers when asked for.
    await addDivision(eventId, { code: 'U12-girls', name: 'U12女子组' });
    expect((await t.http.get(`/api/events/${eventId}/standings`).expect(200)).body.groups).toHaveLength(2);
    expect((await t.http.get(`/api/events/${eventId}/standings?division=U12-girls`).expect(200)).body.groups).toEqual([
      expect.objectContaining({ name: '', rows: [], gamesScheduled: 0 }),
    ]);
    expect((await t.http.get(`/api/events/${eventId}/standings?division=nope`)).status).toBe(422);
    // Each division has its own bracket: one that mixed divisions would make different age groups meet.
    const playoffs = await t.http.post(`/api/events/${eventId}/playoffs`).set(bearer(organizer)).send({});
    expect(badFields(playoffs)).toEqual(['division']);
    expect(playoffs.body.code).toBe('bracket.division-required');
    // A game across divisions is refused: both teams must be confirmed in the division named.
    const cross = await t.http.post(`/api/events/${eventId}/matches`).set(bearer(organizer)).send({
      homeTeamId: b1?.teamId,
      awayTeamId: girlsTeams[0]?.teamId,
      startsAt: '2023-07-23T10:00:00+08:00',
      division: 'U10-boys',
    });
    expect(cross.status).toBe(422);
    expect(cross.body.errors.map((e: { field: string }) => e.field)).toEqual(['awayTeamId']);
  });
});

describe('participation per division and per city', () => {
  it('adds the divisions up to the event and the cities up to the season', async () => {
    const season = (await t.http.get('/api/seasons/qingdao-basketball-2023').expect(200)).body as { id: string };
    const before = (await t.http.get(`/api/seasons/${season.id}/participation`).expect(200)).body;
    const { eventId, boys, girls } = await youthEvent();
    const qingdao = await managers(2, { city: '青岛', cityEn: 'Qingdao' });
    for (const m of qingdao)
      await register(t, organizer, eventId, { teamId: m.teamId, divisionId: boys.id, roster: players(6) }).expect(201);
    const other = await newManager(t, { city: '青岛', cityEn: 'Qingdao' });
    // The girls' division plays in Weifang: its teams count there, whatever their own city.
    await register(t, organizer, eventId, { teamId: other.teamId, divisionId: girls.id, roster: players(5) }).expect(
      201,
    );

    const after = (await t.http.get(`/api/seasons/${season.id}/participation`).expect(200)).body;
    const event = after.events.find((e: { eventId: string }) => e.eventId === eventId);
    expect(event.participants).toBe(17);
    expect(
      event.divisions.map((d: { code: string; confirmedTeams: number; participants: number; city: string | null }) => [
        d.code,
        d.confirmedTeams,
        d.participants,
        d.city,
      ]),
    ).toEqual([
      ['U10-boys', 2, 12, null],
      ['U10-girls', 1, 5, '潍坊'],
    ]);
    expect(after.participants).toBe(before.participants + 17);
    const cityTotal = after.cities.reduce((sum: number, c: { participants: number }) => sum + c.participants, 0);
    expect(cityTotal).toBe(after.participants);
    const weifang = after.cities.find((c: { city: string }) => c.city === '潍坊');
    const weifangBefore = before.cities.find((c: { city: string }) => c.city === '潍坊')?.participants ?? 0;
    expect(weifang.participants - weifangBefore).toBe(5);
    expect(weifang.cityEn).toBe('Weifang');
    expect(after.participantTarget).toBe(6000);
  });
});
