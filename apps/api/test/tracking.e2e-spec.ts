import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './support/problem.js';
import { bearer, useTestApp } from './support/test-app.js';

type Leg = {
  number: number;
  fromCoordinates: LatLon | null;
  toCoordinates: LatLon | null;
  waypoints: (LatLon & { name?: string })[];
  finishLine: LatLon[] | null;
};
type LatLon = { lat: number; lon: number };
type Ingest = {
  accepted: number;
  duplicates: number;
  rejected: { index: number; errors: { field: string; message: string }[] }[];
};
type ProgressRow = {
  rank: number | null;
  entryId: string;
  boatName: string;
  at: string | null;
  dtfNm: number | null;
  dtlNm: number | null;
  sogKn: number | null;
  etaAt: string | null;
  finishedAt: string | null;
  nextWaypoint: number;
  distanceSailedNm: number;
  illustrative: boolean;
};
type TrackPoint = { entryId: string; at: string; lat: number; lon: number; origin: string };
type TrackImport = {
  id: string;
  points: number;
  duplicates: number;
  rejected: { index: number; errors: { field: string; code?: string }[] }[];
  rejectedCount: number;
  encoding: string;
  firstAt: string;
  committedAt: string | null;
  outline: number[][];
};

const R_NM = 3440.065;
const RAD = Math.PI / 180;
/** The point `distanceNm` from `from` on `bearingDeg` (great circle on the 6371 km sphere); builds test positions. */
function destination(from: LatLon, bearingDeg: number, distanceNm: number): LatLon {
  const δ = distanceNm / R_NM;
  const θ = bearingDeg * RAD;
  const φ1 = from.lat * RAD;
  const λ1 = from.lon * RAD;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
  const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
  return { lat: φ2 / RAD, lon: λ2 / RAD };
}

/** Great circle by the spherical law of cosines: an independent check of the API's haversine. */
const arcNm = (a: LatLon, b: LatLon): number =>
  R_NM *
  Math.acos(
    Math.min(
      1,
      Math.sin(a.lat * RAD) * Math.sin(b.lat * RAD) +
        Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.cos((b.lon - a.lon) * RAD),
    ),
  );
const tenth = (nm: number): number => Math.round(nm * 10) / 10;

const t = useTestApp();
let organizer: string;
beforeAll(async () => {
  organizer = await t.organizerToken();
});

async function createRally(
  name: string,
  startDate: string,
  endDate: string,
  boats: string[],
): Promise<{ rallyId: string; entries: string[] }> {
  const rally = await t.http.post('/api/rallies').set(bearer(organizer)).send({ name, startDate, endDate }).expect(201);
  const rallyId = (rally.body as { id: string }).id;
  const entries: string[] = [];
  for (const boat of boats) {
    const team = await t.http
      .post('/api/teams')
      .set(bearer(organizer))
      .send({ name: `${name} ${boat} ${randomUUID().slice(0, 6)}`, sport: 'sailing' })
      .expect(201);
    const entry = await t.http
      .post(`/api/rallies/${rallyId}/entries`)
      .set(bearer(organizer))
      .send({ teamId: (team.body as { id: string }).id, boatName: boat })
      .expect(201);
    entries.push((entry.body as { id: string }).id);
  }
  return { rallyId, entries };
}

const post = (rallyId: string, rows: unknown, token = organizer) =>
  t.http
    .post(`/api/rallies/${rallyId}/positions`)
    .set(bearer(token))
    .send(rows as object);
const tracks = async (rallyId: string, query = ''): Promise<TrackPoint[]> =>
  (await t.http.get(`/api/rallies/${rallyId}/tracks${query}`).expect(200)).body as TrackPoint[];
const progress = async (rallyId: string, leg: number, at?: string): Promise<ProgressRow[]> => {
  const res = await t.http.get(`/api/rallies/${rallyId}/legs/${leg}/progress`).query(at ? { at } : {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as ProgressRow[];
};

// A square course off Qingdao: start, a mark one degree east, finish one degree north of the mark.
const START = { lat: 36, lon: 120 };
const MARK = { lat: 36, lon: 121, name: 'East mark' };
const FINISH = { lat: 37, lon: 121 };
const DEGREE_NM = (R_NM * Math.PI) / 180;

describe('leg geometry', () => {
  it('takes start, a finish line (measured to its midpoint) and waypoints on POST, and a new course on PATCH', async () => {
    const { rallyId } = await createRally('Geometry', '2023-06-19', '2023-07-05', []);
    const created = await t.http
      .post(`/api/rallies/${rallyId}/legs`)
      .set(bearer(organizer))
      .send({
        number: 1,
        from: '青岛',
        to: '潍坊',
        distanceNm: 120,
        startsAt: '2023-06-19T10:00:00+08:00',
        start: START,
        finish: [
          { lat: 37, lon: 120.9 },
          { lat: 37, lon: 121.1 },
        ],
        waypoints: [MARK],
      });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const leg = created.body as Leg;
    expect(leg.fromCoordinates).toEqual(START);
    // The great-circle midpoint bulges a little poleward of the parallel.
    expect(leg.toCoordinates?.lat).toBeCloseTo(37, 4);
    expect(leg.toCoordinates?.lon).toBeCloseTo(121, 6);
    expect(leg.finishLine).toHaveLength(2);
    expect(leg.waypoints).toEqual([MARK]);

    const patched = await t.http
      .patch(`/api/rallies/${rallyId}/legs/1`)
      .set(bearer(organizer))
      .send({ finish: FINISH, waypoints: [] })
      .expect(200);
    expect((patched.body as Leg).finishLine).toBeNull();
    expect((patched.body as Leg).waypoints).toEqual([]);
    expect((patched.body as Leg).fromCoordinates).toEqual(START);
  });

  it.each([
    ['a latitude of 95', { start: { lat: 95, lon: 120 } }, 'start.lat'],
    ['a finish that is neither point nor line', { finish: [{ lat: 37, lon: 121 }] }, 'finish'],
    ['a waypoint without longitude', { waypoints: [{ lat: 36 }] }, 'waypoints.0.lon'],
    ['an unknown field in a finish', { finish: { lat: 37, lon: 121, alt: 3 } }, 'finish'],
  ])('refuses %s with 400 naming the field', async (_label, body, field) => {
    const { rallyId } = await createRally(`Bad geometry ${field}`, '2023-06-19', '2023-07-05', []);
    await t.http
      .post(`/api/rallies/${rallyId}/legs`)
      .set(bearer(organizer))
      .send({ number: 1, from: 'A', to: 'B', distanceNm: 10, startsAt: '2023-06-19T10:00:00+08:00' })
      .expect(201);
    expectProblem(await t.http.patch(`/api/rallies/${rallyId}/legs/1`).set(bearer(organizer)).send(body), 400, field);
  });
});

describe('positions in: duplicates, bad rows, scope', () => {
  it('stores good rows, counts duplicates, refuses each bad row alone and names it', async () => {
    const { rallyId, entries } = await createRally('Feed', '2023-06-19', '2023-07-05', ['A', 'B']);
    const [a, b] = entries as [string, string];
    const fix = (entryId: string, at: string, lat = 36.1, lon = 120.3) => ({ entryId, at, lat, lon });
    const first = await post(rallyId, [
      fix(a, '2023-06-19T10:00:00+08:00'),
      fix(a, '2023-06-19T10:00:00+08:00'), // same boat and instant: a duplicate
      fix(b, '2023-06-19T10:00:00+08:00'), // another boat at that instant is fine
      { ...fix(a, '2023-06-19T10:01:00+08:00'), lat: 95 },
      fix(a, '2023-07-06T00:00:00+08:00'), // after the rally's last day
      fix(randomUUID(), '2023-06-19T10:02:00+08:00'), // not an entry of this rally
      'garbage',
      { ...fix(b, '2023-06-19T10:03:00+08:00'), speed: 7 }, // unknown field
      fix(a, '2023-06-19T02:05:00Z', 36.2, 120.4), // UTC is fine
    ]);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const result = first.body as Ingest;
    expect(result.accepted).toBe(3);
    expect(result.duplicates).toBe(1);
    expect(result.rejected.map((r) => [r.index, r.errors.map((e) => e.field)])).toEqual([
      [3, ['lat']],
      [4, ['at']],
      [5, ['entryId']],
      [6, ['row']],
      [7, ['speed']],
    ]);
    // The same fix again: a duplicate, not an error, and nothing changes.
    expect((await post(rallyId, [fix(a, '2023-06-19T10:00:00+08:00')]).expect(200)).body).toEqual({
      accepted: 0,
      duplicates: 1,
      rejected: [],
    });
    const stored = await tracks(rallyId);
    // Oldest first; boats at the same instant in any order.
    expect(
      stored
        .map((p) => [p.entryId === a ? 'A' : 'B', p.at])
        .sort((x, y) => x[1]!.localeCompare(y[1]!) || x[0]!.localeCompare(y[0]!)),
    ).toEqual([
      ['A', '2023-06-19T10:00:00+08:00'],
      ['B', '2023-06-19T10:00:00+08:00'],
      ['A', '2023-06-19T10:05:00+08:00'],
    ]);
    expect(stored.every((p) => p.origin === 'feed')).toBe(true);
  });

  it('refuses a body that is not an array, and batches over 1000 rows', async () => {
    const { rallyId } = await createRally('Feed shape', '2023-06-19', '2023-07-05', []);
    expectProblem(await post(rallyId, { entryId: 'x' }), 400, 'body');
  });

  it('a tracker token posts its own boat only; revoked or foreign tokens do not work', async () => {
    const { rallyId, entries } = await createRally('Tokens', '2023-06-19', '2023-07-05', ['A', 'B']);
    const other = await createRally('Tokens elsewhere', '2023-06-19', '2023-07-05', ['C']);
    const [a, b] = entries as [string, string];
    const created = await t.http
      .post(`/api/rallies/${rallyId}/entries/${a}/tracker-tokens`)
      .set(bearer(organizer))
      .send({ label: 'Iridium A' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { token, id } = created.body as { token: string; id: string };
    expect(token).toMatch(/^trk_/);

    expect(
      (await post(rallyId, [{ entryId: a, at: '2023-06-19T11:00:00+08:00', lat: 36, lon: 120 }], token).expect(200))
        .body,
    ).toMatchObject({ accepted: 1 });
    expectProblem(
      await post(
        rallyId,
        [
          { entryId: a, at: '2023-06-19T11:01:00+08:00', lat: 36, lon: 120 },
          { entryId: b, at: '2023-06-19T11:01:00+08:00', lat: 36, lon: 120 },
        ],
        token,
      ),
      403,
    );
    expectProblem(
      await post(
        other.rallyId,
        [{ entryId: other.entries[0], at: '2023-06-19T11:00:00+08:00', lat: 36, lon: 120 }],
        token,
      ),
      403,
    );
    // The token opens nothing else.
    expectProblem(
      await t.http.post(`/api/rallies/${rallyId}/entries/${a}/tracker-tokens`).set(bearer(token)).send({}),
      403,
    );
    const manager = await t.signUp();
    expectProblem(
      await post(rallyId, [{ entryId: a, at: '2023-06-19T11:02:00+08:00', lat: 36, lon: 120 }], manager.token),
      403,
    );
    expectProblem(await t.http.post(`/api/rallies/${rallyId}/positions`).send([]), 401);

    const listed = (
      await t.http.get(`/api/rallies/${rallyId}/entries/${a}/tracker-tokens`).set(bearer(organizer)).expect(200)
    ).body as Record<string, unknown>[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty('token');
    await t.http.delete(`/api/rallies/${rallyId}/entries/${a}/tracker-tokens/${id}`).set(bearer(organizer)).expect(204);
    expectProblem(
      await post(rallyId, [{ entryId: a, at: '2023-06-19T11:03:00+08:00', lat: 36, lon: 120 }], token),
      401,
    );
    expectProblem(
      await t.http.delete(`/api/rallies/${rallyId}/entries/${b}/tracker-tokens/${id}`).set(bearer(organizer)),
      404,
    );
    expect((await tracks(rallyId)).map((p) => p.at)).toEqual(['2023-06-19T11:00:00+08:00']);
    expect((await tracks(rallyId)).map((p) => p.origin)).toEqual(['tracker']);
  });
});

describe('progress: DTF through waypoints, passing rule, finish, ranking', () => {
  it('ranks the finished boat first, then by DTF through the mark not yet passed', async () => {
    const { rallyId, entries } = await createRally('Square', '2023-06-19', '2023-07-05', [
      'Short',
      'Round',
      'Home',
      'Silent',
    ]);
    const [short, round, home] = entries as [string, string, string, string];
    await t.http
      .post(`/api/rallies/${rallyId}/legs`)
      .set(bearer(organizer))
      .send({
        number: 1,
        from: 'A',
        to: 'B',
        distanceNm: 120,
        startsAt: '2023-06-19T10:00:00+08:00',
        start: START,
        finish: FINISH,
        waypoints: [MARK],
      })
      .expect(201);
    const at = (h: number, m = 0) =>
      `2023-06-${String(19 + Math.floor((10 + h) / 24)).padStart(2, '0')}T${String((10 + h) % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`;
    await post(rallyId, [
      // Short: half way to the mark. DTF = to the mark, then the mark to the finish.
      { entryId: short, at: at(0), ...START },
      { entryId: short, at: at(5), lat: 36, lon: 120.5 },
      // Round: rounded the mark wide (passing rule: beyond the line through it), half way up to the finish.
      { entryId: round, at: at(0), ...START },
      { entryId: round, at: at(9), lat: 35.9, lon: 121.2 },
      { entryId: round, at: at(14), lat: 36.5, lon: 121 },
      // Home: round the mark, then cross the finish between two fixes one hour apart.
      { entryId: home, at: at(0), ...START },
      { entryId: home, at: at(8), lat: 35.95, lon: 121.05 },
      { entryId: home, at: at(15), lat: 36.98, lon: 121 },
      { entryId: home, at: at(16), lat: 37.02, lon: 121 },
    ]).expect(200);

    const rows = await progress(rallyId, 1, at(16));
    expect(rows.map((r) => [r.rank, r.boatName])).toEqual([
      [1, 'Home'],
      [2, 'Round'],
      [3, 'Short'],
      [null, 'Silent'],
    ]);
    const [homeRow, roundRow, shortRow, silent] = rows as [ProgressRow, ProgressRow, ProgressRow, ProgressRow];
    expect(homeRow.dtfNm).toBe(0);
    expect(homeRow.finishedAt).toBe(at(15, 30));
    expect(roundRow.nextWaypoint).toBe(1);
    expect(roundRow.dtfNm).toBe(tenth(0.5 * DEGREE_NM));
    expect(shortRow.nextWaypoint).toBe(0);
    const shortDtf = arcNm({ lat: 36, lon: 120.5 }, MARK) + arcNm(MARK, FINISH);
    expect(shortRow.dtfNm).toBeCloseTo(tenth(shortDtf), 5);
    expect(shortRow.dtlNm).toBeCloseTo(tenth(shortDtf - 0.5 * DEGREE_NM), 0);
    expect(shortRow.sogKn).toBe(tenth(arcNm(START, { lat: 36, lon: 120.5 }) / 5));
    expect(silent).toMatchObject({ at: null, dtfNm: null, dtlNm: null });

    // Replay: at hour 5 nobody has finished and Short leads; the others' last fix is the start (equal DTF share a rank).
    const earlier = await progress(rallyId, 1, at(5));
    expect(earlier.map((r) => [r.rank, r.boatName])).toEqual([
      [1, 'Short'],
      [2, 'Home'],
      [2, 'Round'],
      [null, 'Silent'],
    ]);
    expect(earlier[0]?.etaAt).not.toBeNull();

    // A new fix is seen at once (the cached leg is keyed by the rally's positions version).
    const silentId = rows[3]!.entryId;
    await post(rallyId, [{ entryId: silentId, at: at(16), lat: 36, lon: 120.1 }]).expect(200);
    expect((await progress(rallyId, 1, at(16))).find((r) => r.entryId === silentId)?.rank).toBe(4);
  });

  it('answers 422 for a leg without a course and 404 for an unknown leg', async () => {
    const { rallyId } = await createRally('No course', '2023-06-19', '2023-07-05', []);
    await t.http
      .post(`/api/rallies/${rallyId}/legs`)
      .set(bearer(organizer))
      .send({ number: 1, from: 'A', to: 'B', distanceNm: 10, startsAt: '2023-06-19T10:00:00+08:00' })
      .expect(201);
    expectProblem(await t.http.get(`/api/rallies/${rallyId}/legs/1/progress`), 422, 'leg');
    expectProblem(await t.http.get(`/api/rallies/${rallyId}/legs/2/progress`), 404);
    expectProblem(await t.http.get(`/api/rallies/${rallyId}/legs/1/progress?at=yesterday`), 400, 'at');
  });

  it('reproduces the published Vendée Globe 2024-25 ranking of 19 January 2025, 13:00 FR', async () => {
    // Source: the race's official ranking of 19/01/2025 13:00 (vendeeglobe.org), as reproduced at
    // https://infos-nantes.fr/?p=70445 — finishers Dalin 14/01 08:24:49, Richomme 15/01 07:12:02, Simon 17/01 01:27:37 (FR time);
    // then DTF 1614.0 (Goodchild), 1617.2 (Beyou, DTL 3.2), 1717.9 (Meilhat, 103.9), 1741.1 (Lunven, 127.1).
    // In the open Atlantic the official DTF is the plain great circle to the finish, so each boat is placed
    // at its published DTF from the finish off Les Sables d'Olonne (the ranking gives no positions here).
    const skippers = ['Dalin', 'Richomme', 'Simon', 'Goodchild', 'Beyou', 'Meilhat', 'Lunven'];
    const { rallyId, entries } = await createRally('Vendée Globe 2024-25', '2024-11-10', '2025-03-31', skippers);
    const finish = { lat: 46.47, lon: -1.79 };
    await t.http
      .post(`/api/rallies/${rallyId}/legs`)
      .set(bearer(organizer))
      .send({
        number: 1,
        from: 'Les Sables-d’Olonne',
        to: 'Les Sables-d’Olonne',
        distanceNm: 24394,
        startsAt: '2024-11-10T13:02:00+01:00',
        start: finish,
        finish,
      })
      .expect(201);
    const rows: unknown[] = [];
    const finishers: [number, string][] = [
      [0, '2025-01-14T08:24:49+01:00'],
      [1, '2025-01-15T07:12:02+01:00'],
      [2, '2025-01-17T01:27:37+01:00'],
    ];
    for (const [i, finishedAt] of finishers) {
      const t0 = Date.parse(finishedAt);
      // Sailing north-east across the finish: 0.1 nm short of it a minute before, 0.1 nm beyond a minute after.
      rows.push({ entryId: entries[i], at: new Date(t0 - 60_000).toISOString(), ...destination(finish, 225, 0.1) });
      rows.push({ entryId: entries[i], at: new Date(t0 + 60_000).toISOString(), ...destination(finish, 45, 0.1) });
    }
    const racing: [number, number, number][] = [
      [3, 1614.0, 250],
      [4, 1617.2, 245],
      [5, 1717.9, 240],
      [6, 1741.1, 250],
    ];
    for (const [i, dtf, bearing] of racing)
      rows.push({ entryId: entries[i], at: '2025-01-19T11:00:00Z', ...destination(finish, bearing, dtf) });
    expect(((await post(rallyId, rows).expect(200)).body as Ingest).accepted).toBe(rows.length);

    const ranking = await progress(rallyId, 1, '2025-01-19T13:00:00+01:00');
    expect(ranking.map((r) => [r.rank, r.boatName, r.dtfNm, r.dtlNm])).toEqual([
      [1, 'Dalin', 0, 0],
      [2, 'Richomme', 0, 0],
      [3, 'Simon', 0, 0],
      [4, 'Goodchild', 1614.0, 0],
      [5, 'Beyou', 1617.2, 3.2],
      [6, 'Meilhat', 1717.9, 103.9],
      [7, 'Lunven', 1741.1, 127.1],
    ]);
    expect(ranking.slice(0, 3).map((r) => r.finishedAt)).toEqual([
      '2025-01-14T15:24:49+08:00',
      '2025-01-15T14:12:02+08:00',
      '2025-01-17T08:27:37+08:00',
    ]);
  });
});

describe('the seeded 2023 rally: courses and illustrative tracks', () => {
  it('proposes the seeded finish times of leg 1 and ranks in the seeded finishing order; mid-leg it ranks by DTF', async () => {
    const rallies = (await t.http.get('/api/rallies').expect(200)).body as { id: string; slug: string }[];
    const rallyId = rallies.find((r) => r.slug === 'shandong-peninsula-rally-2023')!.id;
    const legs = ((await t.http.get(`/api/rallies/${rallyId}`).expect(200)).body as { legs: Leg[] }).legs;
    expect(legs[0]?.waypoints.map((w) => w.name)).toContain('Off Chengshan Cape');
    const results = (await t.http.get(`/api/rallies/${rallyId}/legs/1/results`).expect(200)).body as {
      place: number;
      entryId: string;
      finishedAt: string;
    }[];
    const finished = await progress(rallyId, 1, '2023-06-23T00:00:00+08:00');
    expect(finished.map((r) => r.entryId)).toEqual(results.map((r) => r.entryId));
    expect(finished.map((r) => r.finishedAt)).toEqual(results.map((r) => r.finishedAt));
    expect(finished.every((r) => r.illustrative && r.dtfNm === 0)).toBe(true);

    const racing = await progress(rallyId, 1, '2023-06-20T12:00:00+08:00');
    expect(racing.every((r) => r.finishedAt === null && r.dtfNm! > 0 && r.etaAt !== null)).toBe(true);
    const dtfs = racing.map((r) => r.dtfNm!);
    expect(dtfs).toEqual([...dtfs].sort((x, y) => x - y));
    expect(racing[0]?.rank).toBe(1);
  });
});

const gpx = (points: { at: string; lat: number; lon: number }[], extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>A</name><trkseg>\n${points
    .map((p) => `<trkpt lat="${p.lat}" lon="${p.lon}"><time>${p.at}</time></trkpt>`)
    .join('\n')}\n${extra}</trkseg></trk></gpx>\n`;

describe('track files: preview, then commit', () => {
  it('previews a GPX without storing, commits once, counts duplicates, refuses a second commit', async () => {
    const { rallyId, entries } = await createRally('GPX', '2023-06-19', '2023-07-05', ['A']);
    const entryId = entries[0] as string;
    const points = Array.from({ length: 30 }, (_, i) => ({
      at: new Date(Date.parse('2023-06-19T02:00:00Z') + i * 600_000).toISOString(),
      lat: 36 + i * 0.01,
      lon: 120.3,
    }));
    const file = gpx(
      points,
      '<trkpt lat="95" lon="120"><time>2023-06-19T10:00:00Z</time></trkpt>\n<trkpt lat="36" lon="120"><time>1999-01-01T00:00:00Z</time></trkpt>',
    );
    const staged = await t.http
      .post(`/api/rallies/${rallyId}/entries/${entryId}/track-imports?fileName=a.gpx`)
      .set(bearer(organizer))
      .set('Content-Type', 'application/gpx+xml')
      .send(file);
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    const preview = staged.body as TrackImport;
    expect(preview).toMatchObject({
      points: 30,
      duplicates: 0,
      rejectedCount: 2,
      committedAt: null,
      firstAt: '2023-06-19T10:00:00+08:00',
    });
    expect(preview.rejected.map((r) => [r.index, r.errors.map((e) => e.field)])).toEqual([
      [30, ['lat']],
      [31, ['time']],
    ]);
    expect(await tracks(rallyId)).toEqual([]);

    const committed = await t.http
      .post(`/api/rallies/${rallyId}/track-imports/${preview.id}/commit`)
      .set(bearer(organizer))
      .expect(200);
    expect(committed.body).toEqual({ accepted: 30, duplicates: 0, rejected: [] });
    expectProblem(
      await t.http.post(`/api/rallies/${rallyId}/track-imports/${preview.id}/commit`).set(bearer(organizer)),
      409,
    );
    expect((await tracks(rallyId)).every((p) => p.origin === 'gpx')).toBe(true);

    // The same file again: every point is a duplicate, shown in the preview and counted on commit.
    const again = (
      await t.http
        .post(`/api/rallies/${rallyId}/entries/${entryId}/track-imports`)
        .set(bearer(organizer))
        .set('Content-Type', 'application/gpx+xml')
        .send(file)
        .expect(201)
    ).body as TrackImport;
    expect(again.duplicates).toBe(30);
    expect(
      (await t.http.post(`/api/rallies/${rallyId}/track-imports/${again.id}/commit`).set(bearer(organizer)).expect(200))
        .body,
    ).toEqual({ accepted: 0, duplicates: 30, rejected: [] });
    expect(await tracks(rallyId)).toHaveLength(30);
  });

  it('reads a 100,000-point GPX', { timeout: 120_000 }, async () => {
    const { rallyId, entries } = await createRally('Big GPX', '2023-06-19', '2023-07-05', ['A']);
    const start = Date.parse('2023-06-19T02:00:00Z');
    const points = Array.from({ length: 100_000 }, (_, i) => ({
      at: new Date(start + i * 10_000).toISOString(),
      lat: 36 + Math.sin(i / 1000) * 0.5,
      lon: 120 + i * 0.00002,
    }));
    const res = await t.http
      .post(`/api/rallies/${rallyId}/entries/${entries[0]}/track-imports`)
      .set(bearer(organizer))
      .set('Content-Type', 'application/gpx+xml')
      .send(gpx(points));
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
    const preview = res.body as TrackImport;
    expect(preview.points).toBe(100_000);
    expect(preview.outline.length).toBeLessThan(2000);
    expect(await tracks(rallyId)).toEqual([]);
    expect(
      (
        await t.http
          .post(`/api/rallies/${rallyId}/track-imports/${preview.id}/commit`)
          .set(bearer(organizer))
          .expect(200)
      ).body,
    ).toMatchObject({ accepted: 100_000 });
    expect(await tracks(rallyId, `?entryId=${entries[0]}&toleranceNm=0.5`)).not.toHaveLength(100_000);
  });

  it('reads a GB18030 CSV with Chinese headers, lists garbage lines, stores nothing until the commit', async () => {
    const { rallyId, entries } = await createRally('CSV', '2023-06-19', '2023-07-05', ['A']);
    const csv = [
      '时间,纬度,经度,航速,航向',
      '2023-06-19 10:00:00,36.08,120.32,6.5,90',
      '2023-06-19 10:30:00,36.08,120.40,6.8,92',
      '这是一行垃圾',
      '2023-06-19 11:00:00,abc,120.5,,',
      '2023-06-19 11:30:00,36.09,120.55,7.1,95',
    ].join('\r\n');
    const bytes = iconv.encode(csv, 'gb18030');
    const res = await t.http
      .post(`/api/rallies/${rallyId}/entries/${entries[0]}/track-imports`)
      .set(bearer(organizer))
      .set('Content-Type', 'text/csv')
      .send(bytes);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const preview = res.body as TrackImport & {
      notes: string[];
      noteCodes: string[];
      rejected: { index: number; errors: { field: string; code: string }[] }[];
    };
    expect(preview).toMatchObject({
      encoding: 'gb18030',
      points: 3,
      rejectedCount: 2,
      firstAt: '2023-06-19T10:00:00+08:00',
    });
    expect(preview.rejected.map((r) => r.index)).toEqual([4, 5]);
    expect(preview.notes.join(' ')).toContain('UTC+08:00');
    // Codes as well as words, for a client to say it in its reader's language.
    expect(preview.noteCodes).toEqual(['speed-knots', 'local-time']);
    expect(preview.rejected.map((r) => r.errors.map((e) => e.code))).toEqual([
      ['track.latitude', 'track.longitude', 'track.time'],
      ['track.latitude'],
    ]);
    expect(await tracks(rallyId)).toEqual([]);
    await t.http.post(`/api/rallies/${rallyId}/track-imports/${preview.id}/commit`).set(bearer(organizer)).expect(200);
    const stored = await tracks(rallyId);
    expect(stored.map((p) => [p.at, p.origin])).toEqual([
      ['2023-06-19T10:00:00+08:00', 'csv'],
      ['2023-06-19T10:30:00+08:00', 'csv'],
      ['2023-06-19T11:30:00+08:00', 'csv'],
    ]);
  });

  it.each([
    ['a text file of garbage', 'text/csv', 'lorem ipsum\nnot a track\n', 'time', 'track-file.missing-columns'],
    ['broken XML', 'application/gpx+xml', '<gpx><trk><trkseg><trkpt lat="1"', 'file', 'track-file.broken-xml'],
    ['a GPX without points', 'application/gpx+xml', gpx([]), 'file', 'track-file.no-points'],
    ['a CSV whose every line is bad', 'text/csv', 'time,lat,lon\nx,y,z\n', '2.time', 'track-file.no-points'],
  ])('answers %s with 422 naming why, and stores nothing', async (_label, type, body, field, code) => {
    const { rallyId, entries } = await createRally(`Bad file ${field}`, '2023-06-19', '2023-07-05', ['A']);
    const res = await t.http
      .post(`/api/rallies/${rallyId}/entries/${entries[0]}/track-imports`)
      .set(bearer(organizer))
      .set('Content-Type', type)
      .send(body);
    expect(expectProblem(res, 422, field).code).toBe(code);
    expect(await tracks(rallyId)).toEqual([]);
  });

  it('is for organizers only', async () => {
    const { rallyId, entries } = await createRally('File auth', '2023-06-19', '2023-07-05', ['A']);
    expectProblem(
      await t.http
        .post(`/api/rallies/${rallyId}/entries/${entries[0]}/track-imports`)
        .set('Content-Type', 'text/csv')
        .send('time,lat,lon\n'),
      401,
    );
  });
});
