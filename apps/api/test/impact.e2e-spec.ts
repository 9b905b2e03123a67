import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type Problem } from './support/problem.js';
import { bearer, queryDatabase, useTestApp, type TestApp } from './support/test-app.js';

const SEASON = 'qingdao-basketball-2023';

type Spending = {
  accommodation: number;
  catering: number;
  shopping: number;
  transport: number;
  other: number;
  total: number;
};
type Estimate = {
  visitors: number;
  visitorNights: number;
  spending: Spending;
  assumptions: Assumptions;
  visitorsByGroup: Record<string, number>;
  spendingByGroup: Record<string, Spending>;
  grossOutput: number;
  income: number;
  multipliers: { output: number; income: number };
  basis: string;
};
type Assumptions = { groups: Record<string, Record<string, unknown>>; multipliers: Record<string, unknown> } & Record<
  string,
  unknown
>;

/** A deep copy with one change applied, so the seeded object is never mutated between requests. */
const edit = (a: Assumptions, change: (copy: Assumptions) => void): Assumptions => {
  const copy = structuredClone(a);
  change(copy);
  return copy;
};

const figures = (e: Estimate) => ({
  visitors: e.visitors,
  visitorNights: e.visitorNights,
  spending: e.spending,
  visitorsByGroup: e.visitorsByGroup,
  spendingByGroup: e.spendingByGroup,
  multipliers: e.multipliers,
  grossOutput: e.grossOutput,
  income: e.income,
});

const sql = queryDatabase;

const storedCounts = async (t: TestApp) =>
  (
    await sql<{ sets: string; changes: string }>(
      t,
      `SELECT (SELECT count(*) FROM impact_assumption_sets) AS sets, (SELECT count(*) FROM impact_assumption_changes) AS changes`,
    )
  )[0];

describe('the seeded season estimate and scenarios (nothing changes)', () => {
  const t = useTestApp();
  let season: Estimate & {
    version: number;
    seasonId: string;
    eventsWithOwnAssumptions: number;
    eventsSum: unknown;
    updatedBy: unknown;
  };
  beforeAll(async () => {
    season = (await t.http.get(`/api/seasons/${SEASON}/impact`).expect(200)).body;
  });

  it('gives about 60,000 visits and more than 200 M yuan of direct spending', () => {
    expect(Math.abs(season.visitors - 60_000) / 60_000).toBeLessThanOrEqual(0.03);
    // participants 3,600 + companions 5,400 + spectators 51,000 + officials and media 200 (impact-model.md)
    expect(season.visitors).toBeCloseTo(60_200, 6);
    expect(season.visitorsByGroup).toEqual({
      participants: expect.closeTo(3_600, 6),
      companions: expect.closeTo(5_400, 6),
      spectators: expect.closeTo(51_000, 6),
      officialsMedia: expect.closeTo(200, 6),
    });
    expect(season.visitorNights).toBeCloseTo(148_150, 4);
    expect(season.spending.total).toBeGreaterThanOrEqual(200_000_000);
    expect(season.spending.total).toBeCloseTo(200_917_000, 2);
    expect(season.spending.accommodation).toBeCloseTo(46_192_000, 2);
    const { accommodation, catering, shopping, transport, other, total } = season.spending;
    expect(accommodation + catering + shopping + transport + other).toBeCloseTo(total, 4);
  });

  it('has the contract shape and keeps multiplied output apart from spending', () => {
    expect(Object.keys(season)).toEqual(
      expect.arrayContaining(['visitors', 'visitorNights', 'spending', 'assumptions']),
    );
    expect(Object.keys(season.spending).sort()).toEqual([
      'accommodation',
      'catering',
      'other',
      'shopping',
      'total',
      'transport',
    ]);
    expect(season.assumptions.groups.spectators?.localShare).toMatchObject({ value: 0.4, source: 'assumption' });
    expect(season.multipliers).toEqual({ output: 2.89, income: 0.65 });
    expect(season.grossOutput).toBeCloseTo(2.89 * season.spending.total, 2);
    expect(season.income).toBeCloseTo(0.65 * season.spending.total, 2);
    expect(season.basis).toMatch(/first-round/);
    expect(season.basis).toMatch(/NOT spending/);
    expect(season).toMatchObject({ version: 1, updatedBy: null, eventsWithOwnAssumptions: 0, eventsSum: null });
  });

  it('reproduces the season figures exactly from its own assumptions sent to POST /impact/estimate', async () => {
    const res = await t.http.post('/api/impact/estimate').send(season.assumptions).expect(200);
    expect(figures(res.body)).toEqual(figures(season));
    expect(res.body.assumptions).toEqual(season.assumptions);
  });

  it('takes bare numbers as well as {value, unit, source}', async () => {
    const bare = edit(season.assumptions, (a) => {
      a.groups.spectators!.localShare = 0.4;
    });
    const res = await t.http.post('/api/impact/estimate').send(bare).expect(200);
    expect(res.body.spending.total).toBe(season.spending.total);
  });

  it('answers a local share of 1.7 with 400 naming the field', async () => {
    const res = await t.http.post('/api/impact/estimate').send(
      edit(season.assumptions, (a) => {
        a.groups.spectators!.localShare = { value: 1.7, unit: 'share', source: 'assumption' };
      }),
    );
    expectProblem(res, 400, 'groups.spectators.localShare');
    expect(res.body.detail).toContain('groups.spectators.localShare');
  });

  it('refuses negative prices and counts, impossible nights and unknown fields, naming each', async () => {
    const res = await t.http.post('/api/impact/estimate').send(
      edit(season.assumptions, (a) => {
        const p = a.groups.participants!;
        p.bedNightPrice = -350;
        p.persons = -6000;
        (p.dailySpend as Record<string, unknown>).catering = -1;
        a.groups.spectators!.nights = 400;
        a.groups.spectators!.localshare = 0.4;
      }),
    );
    expectProblem(res, 400);
    expect((res.body as Problem).errors?.map((e) => e.field).sort()).toEqual([
      'groups.participants.bedNightPrice',
      'groups.participants.dailySpend.catering',
      'groups.participants.persons',
      'groups.spectators.localshare',
      'groups.spectators.nights',
    ]);
    expectProblem(
      await t.http.post('/api/impact/estimate').send({ ...season.assumptions, version: 1 }),
      400,
      'version',
    );
    expectProblem(await t.http.post('/api/impact/estimate').send([]), 400, 'body');
    expectProblem(await t.http.post('/api/impact/estimate').send({}), 400, 'groups');
  });

  it('stores nothing for a scenario', async () => {
    const before = await storedCounts(t);
    const scenario = edit(season.assumptions, (a) => {
      a.groups.spectators!.nights = 3;
    });
    const res = await t.http.post('/api/impact/estimate').send(scenario).expect(200);
    expect(res.body.spending.total).toBeGreaterThan(season.spending.total);
    expect(await storedCounts(t)).toEqual(before);
    const again = await t.http.get(`/api/seasons/${SEASON}/impact`).expect(200);
    expect(again.body.version).toBe(1);
    expect(again.body.spending.total).toBe(season.spending.total);
  });

  it('gives tornado data sorted by swing, led by the big levers', async () => {
    const res = await t.http.get(`/api/seasons/${SEASON}/impact/sensitivity`).expect(200);
    const { metric, step, baseline, entries } = res.body as {
      metric: string;
      step: number;
      baseline: number;
      entries: { field: string; swing: number; atLow: number; atHigh: number; lowValue: number; highValue: number }[];
    };
    expect({ metric, step }).toEqual({ metric: 'direct', step: 0.2 });
    expect(baseline).toBe(season.spending.total);
    for (let i = 1; i < entries.length; i += 1) expect(entries[i - 1]!.swing).toBeGreaterThanOrEqual(entries[i]!.swing);
    const top = entries.slice(0, 6).map((e) => e.field);
    expect(top).toEqual(
      expect.arrayContaining([
        'groups.spectators.overnightShare',
        'groups.spectators.nights',
        'groups.spectators.localShare',
        'groups.spectators.admissions',
      ]),
    );
    const local = entries.find((e) => e.field === 'groups.spectators.localShare')!;
    expect(local).toMatchObject({ lowValue: expect.closeTo(0.32, 12), highValue: expect.closeTo(0.48, 12) });
    // more locals, fewer visitors: 166.005 M of spectator spending scales with the non-local share
    expect(local.atLow).toBeCloseTo(200_917_000 - 166_005_000 + (166_005_000 * 0.68) / 0.6, 0);
    expect(local.atHigh).toBeLessThan(baseline);
    expect(local.swing).toBeCloseTo(local.atLow - local.atHigh, 4);
    const overnight = entries.find((e) => e.field === 'groups.spectators.overnightShare')!;
    expect(overnight.highValue).toBe(1);
    expect(entries.find((e) => e.field === 'multipliers.output')!.swing).toBe(0);
  });

  it('computes the same tornado for a posted scenario, and takes metric and step', async () => {
    const get = await t.http.get(`/api/seasons/${SEASON}/impact/sensitivity`).expect(200);
    const post = await t.http.post('/api/impact/sensitivity').send(season.assumptions).expect(200);
    expect(post.body).toEqual(get.body);
    const visitors = await t.http.get(`/api/seasons/${SEASON}/impact/sensitivity?metric=visitors&step=0.1`).expect(200);
    expect(visitors.body).toMatchObject({ metric: 'visitors', step: 0.1, baseline: season.visitors });
    expectProblem(await t.http.get(`/api/seasons/${SEASON}/impact/sensitivity?step=5`), 400, 'step');
    expectProblem(await t.http.get(`/api/seasons/${SEASON}/impact/sensitivity?metric=money`), 400, 'metric');
    expectProblem(await t.http.post('/api/impact/sensitivity').send({ groups: {} }), 400, 'multipliers');
  });

  it('answers unknown seasons and events, and events without their own assumptions, with 404', async () => {
    expectProblem(await t.http.get('/api/seasons/no-such-season/impact'), 404);
    expectProblem(await t.http.get('/api/events/not-a-uuid/impact'), 404);
    expectProblem(await t.http.get('/api/events/00000000-0000-4000-8000-000000000000/impact'), 404);
    const events = await t.http.get(`/api/seasons/${SEASON}/events`).expect(200);
    const res = await t.http.get(`/api/events/${events.body[0].id}/impact`);
    expectProblem(res, 404);
    expect(res.body.detail).toMatch(/season estimate/);
  });

  it('documents typed results in OpenAPI', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    for (const path of [
      '/api/seasons/{id}/impact',
      '/api/impact/estimate',
      '/api/seasons/{id}/impact/sensitivity',
      '/api/events/{id}/impact/assumptions',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const schema = doc.components.schemas.SeasonImpactDto;
    const props = Object.keys(schema.properties ?? {}).concat(
      ...(schema.allOf ?? []).map((s: { properties?: object }) => Object.keys(s.properties ?? {})),
    );
    expect(props).toEqual(expect.arrayContaining(['visitors', 'eventsWithOwnAssumptions']));
    expect(Object.keys(doc.components.schemas.ImpactSpendingDto.properties)).toContain('total');
  });
});

describe('organizers edit the stored assumptions', () => {
  const t = useTestApp();
  let organizer: Record<string, string>;
  let assumptions: Assumptions;
  let baseline: Estimate;
  beforeAll(async () => {
    organizer = bearer(await t.organizerToken());
    baseline = (await t.http.get(`/api/seasons/${SEASON}/impact`).expect(200)).body;
    assumptions = baseline.assumptions;
  });

  const moreLocals = () =>
    edit(assumptions, (a) => {
      a.groups.spectators!.localShare = { value: 0.5, unit: 'share', source: 'Ticketing survey 2023' };
    });

  it('refuses anonymous callers (401) and team managers (403)', async () => {
    const body = { version: 1, assumptions: moreLocals() };
    expectProblem(await t.http.put(`/api/seasons/${SEASON}/impact/assumptions`).send(body), 401);
    const manager = await t.signUp();
    expectProblem(
      await t.http.put(`/api/seasons/${SEASON}/impact/assumptions`).set(bearer(manager.token)).send(body),
      403,
    );
  });

  it('validates the body and the assumptions, naming fields under `assumptions`', async () => {
    const put = (body: unknown) =>
      t.http
        .put(`/api/seasons/${SEASON}/impact/assumptions`)
        .set(organizer)
        .send(body as object);
    const bad = edit(assumptions, (a) => {
      a.groups.spectators!.localShare = 1.7;
    });
    expectProblem(await put({ version: 1, assumptions: bad }), 400, 'assumptions.groups.spectators.localShare');
    expectProblem(await put({ assumptions }), 400, 'version');
    expectProblem(await put({ version: 1, assumptions, extra: true }), 400, 'extra');
    expectProblem(await put({ version: 1, assumptions: 'x' }), 400, 'assumptions');
  });

  it('updates the figures, bumps the version and writes the history', async () => {
    const res = await t.http
      .put(`/api/seasons/${SEASON}/impact/assumptions`)
      .set(organizer)
      .send({ version: 1, assumptions: moreLocals(), reason: 'Ticketing survey' })
      .expect(200);
    expect(res.body.version).toBe(2);
    expect(res.body.updatedBy).toMatchObject({ displayName: 'Organizer' });
    // spectators: 100,000 × 0.5 × 0.85 = 42,500 instead of 51,000
    expect(res.body.visitors).toBeCloseTo(baseline.visitors - 8_500, 6);
    expect(res.body.spending.total).toBeCloseTo(baseline.spending.total - 8_500 * 3_255, 2);
    const read = await t.http.get(`/api/seasons/${SEASON}/impact`).expect(200);
    expect(figures(read.body)).toEqual(figures(res.body));

    const history = await t.http.get(`/api/seasons/${SEASON}/impact/assumptions/history`).expect(200);
    expect(history.body.version).toBe(2);
    expect(history.body.changes).toHaveLength(2);
    const [latest, seeded] = history.body.changes;
    expect(latest).toMatchObject({
      version: 2,
      fields: ['groups.spectators.localShare'],
      changes: [
        {
          field: 'groups.spectators.localShare',
          before: { value: 0.4, source: 'assumption' },
          after: { value: 0.5, unit: 'share', source: 'Ticketing survey 2023' },
        },
      ],
      reason: 'Ticketing survey',
      changedBy: { displayName: 'Organizer' },
    });
    expect(latest.changedAt).toMatch(/\+08:00$/);
    expect(seeded).toMatchObject({ version: 1, changedBy: null, fields: [], reason: expect.stringMatching(/Seeded/) });
  });

  it('refuses a stale version with 409 and stores nothing', async () => {
    const before = await storedCounts(t);
    const res = await t.http
      .put(`/api/seasons/${SEASON}/impact/assumptions`)
      .set(organizer)
      .send({ version: 1, assumptions });
    expectProblem(res, 409, 'version');
    expect(res.body.detail).toMatch(/current version is 2/);
    expectProblem(
      await t.http.put(`/api/seasons/${SEASON}/impact/assumptions`).set(organizer).send({ version: 0, assumptions }),
      409,
      'version',
    );
    expect(await storedCounts(t)).toEqual(before);
  });

  it('lets exactly one of two simultaneous edits of the same version win', async () => {
    const current = (await t.http.get(`/api/seasons/${SEASON}/impact`).expect(200)).body;
    const nights = (n: number) =>
      edit(current.assumptions, (a) => {
        a.groups.spectators!.nights = n;
      });
    const results = await Promise.all([
      t.http
        .put(`/api/seasons/${SEASON}/impact/assumptions`)
        .set(organizer)
        .send({ version: current.version, assumptions: nights(2) }),
      t.http
        .put(`/api/seasons/${SEASON}/impact/assumptions`)
        .set(organizer)
        .send({ version: current.version, assumptions: nights(3) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const history = await t.http.get(`/api/seasons/${SEASON}/impact/assumptions/history`).expect(200);
    expect(history.body.version).toBe(current.version + 1);
    expect(history.body.changes).toHaveLength(current.version + 1);
  });

  it('stores nothing for an edit that changes nothing (key order is not a change)', async () => {
    const current = (await t.http.get(`/api/seasons/${SEASON}/impact`).expect(200)).body;
    const reordered = Object.fromEntries(Object.entries(current.assumptions as Record<string, unknown>).reverse());
    const res = await t.http
      .put(`/api/seasons/${SEASON}/impact/assumptions`)
      .set(organizer)
      .send({ version: current.version, assumptions: reordered })
      .expect(200);
    expect(res.body.version).toBe(current.version);
    const history = await t.http.get(`/api/seasons/${SEASON}/impact/assumptions/history`).expect(200);
    expect(history.body.changes).toHaveLength(current.version);
  });

  it('gives an event its own assumptions, replaced by confirmed registrations where they exist', async () => {
    const events = (await t.http.get(`/api/seasons/${SEASON}/events`).expect(200)).body as {
      id: string;
      slug: string;
    }[];
    const event = events.find((e) => e.slug === 'cba-summer-league-2023') ?? events[0]!;
    const eventAssumptions = edit(assumptions, (a) => {
      a.label = 'One event';
      a.groups.participants!.persons = { value: 200, unit: 'persons', source: 'assumption' };
      a.groups.spectators!.admissions = 20_000;
      a.groups.spectators!.repeatAttendanceShare = 0.25;
    });
    expectProblem(
      await t.http
        .put(`/api/events/${event.id}/impact/assumptions`)
        .send({ version: 0, assumptions: eventAssumptions }),
      401,
    );
    expectProblem(
      await t.http
        .put(`/api/events/${event.id}/impact/assumptions`)
        .set(organizer)
        .send({ version: 1, assumptions: eventAssumptions }),
      409,
      'version',
    );
    const created = await t.http
      .put(`/api/events/${event.id}/impact/assumptions`)
      .set(organizer)
      .send({ version: 0, assumptions: eventAssumptions })
      .expect(200);
    expect(created.body).toMatchObject({
      eventId: event.id,
      version: 1,
      confirmedParticipants: null,
      actualsApplied: false,
    });
    // participants 200 × 0.6 × 2.5 = 300 visitors; spectators 20,000 / 1.5 × 0.6 × 0.85 = 6,800; officials 200
    expect(created.body.visitors).toBeCloseTo(7_300, 6);
    const history = await t.http.get(`/api/events/${event.id}/impact/assumptions/history`).expect(200);
    expect(history.body.changes[0].fields).toEqual(
      expect.arrayContaining(['label', 'groups.spectators.admissions', 'multipliers.output']),
    );

    const season = (await t.http.get(`/api/seasons/${SEASON}/impact`).expect(200)).body;
    expect(season.eventsWithOwnAssumptions).toBe(1);
    // the season sum drops a quarter of the spectators as already counted under another event
    expect(season.eventsSum).toMatchObject({ events: 1, visitors: expect.closeTo(300 + 6_800 * 0.75 + 200, 6) });
    expect(season.eventsSum.repeatVisitorsRemoved).toBeCloseTo(1_700, 6);

    // Issue 4's registrations: rosters of confirmed registrations count; pending ones do not.
    const [team] = await sql<{ id: string }>(
      t,
      `INSERT INTO teams (name, sport) VALUES ('Impact Test', 'basketball') RETURNING id`,
    );
    const [other] = await sql<{ id: string }>(
      t,
      `INSERT INTO teams (name, sport) VALUES ('Impact Pending', 'basketball') RETURNING id`,
    );
    const roster = (n: number) =>
      JSON.stringify(Array.from({ length: n }, (_, i) => ({ name: `P${i}`, number: i, role: 'player' })));
    await sql(
      t,
      `INSERT INTO registrations (event_id, team_id, status, roster) VALUES ($1, $2, 'confirmed', $3::jsonb), ($1, $4, 'pending', $5::jsonb)`,
      [event.id, team!.id, roster(12), other!.id, roster(9)],
    );
    const actual = await t.http.get(`/api/events/${event.id}/impact`).expect(200);
    expect(actual.body).toMatchObject({ confirmedParticipants: 12, actualsApplied: true, version: 1 });
    expect(actual.body.assumptions.groups.participants.persons).toMatchObject({
      value: 12,
      source: 'registration actuals',
    });
    expect(actual.body.storedAssumptions.groups.participants.persons).toMatchObject({ value: 200 });
    expect(actual.body.visitorsByGroup.participants).toBeCloseTo(12 * 0.6, 9);
    const roundTrip = await t.http.post('/api/impact/estimate').send(actual.body.assumptions).expect(200);
    expect(figures(roundTrip.body)).toEqual(figures(actual.body));
    const tornado = await t.http.get(`/api/events/${event.id}/impact/sensitivity`).expect(200);
    expect(tornado.body.baseline).toBe(actual.body.spending.total);
  });
});
