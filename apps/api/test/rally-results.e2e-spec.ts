import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './support/problem.js';
import { bearer, useTestApp } from './support/test-app.js';

type Entry = {
  id: string;
  sailNumber: string | null;
  boatName: string;
  teamName: string;
  crew?: { name: string; role: string }[];
};
type Leg = {
  id: string;
  number: number;
  startsAt: string;
  winner: { entryId: string; sailNumber: string | null } | null;
};
type Rally = { id: string; discards: number; illustrative: string[]; legs: Leg[]; entries: Entry[] };
type ResultRow = {
  place: number | null;
  entryId: string;
  boatName: string;
  teamName: string;
  finishedAt: string | null;
  elapsedSeconds: number | null;
  correctedSeconds: number | null;
  speedKnots: number | null;
  code: string | null;
  points: number;
  recorded: boolean;
  source: string | null;
};
type Standing = {
  rank: number;
  entryId: string;
  sailNumber: string | null;
  teamName: string;
  boatName: string;
  legs: { number: number; points: number; code: string | null; discarded: boolean }[];
  total: number;
  net: number;
  tieBreak?: { rule: string; tiedWith: string[]; explanation: string };
};
type CumulativeRow = {
  rank: number;
  entryId: string;
  complete: boolean;
  legsCompleted: number;
  totalCorrectedSeconds: number;
};
type ResultInput = {
  entryId: unknown;
  finishedAt?: unknown;
  code?: unknown;
  points?: unknown;
  [extra: string]: unknown;
};

const t = useTestApp();
let organizer: string;
beforeAll(async () => {
  organizer = await t.organizerToken();
});

const get = async <T>(path: string, token?: string): Promise<T> => {
  const req = t.http.get(`/api${path}`);
  const res = await (token ? req.set(bearer(token)) : req);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as T;
};
const putResults = (rallyId: string, leg: number | string, body: unknown, token = organizer) =>
  t.http
    .put(`/api/rallies/${rallyId}/legs/${leg}/results`)
    .set(bearer(token))
    .send(body as object);

const seededRally = async (): Promise<Rally> => {
  const list = await get<{ id: string; slug: string }[]>('/rallies');
  const summary = list.find((r) => r.slug === 'shandong-peninsula-rally-2023');
  if (!summary) throw new Error('seeded rally missing');
  return get<Rally>(`/rallies/${summary.id}`);
};

/** Builds a rally, its legs and entries through the API, as an organizer would. */
async function createRally(input: {
  name: string;
  startDate: string;
  endDate: string;
  legs: { number: number; startsAt: string; distanceNm: number }[];
  boats: string[];
}): Promise<{ rallyId: string; entryIds: Map<string, string> }> {
  const rally = await t.http
    .post('/api/rallies')
    .set(bearer(organizer))
    .send({ name: input.name, startDate: input.startDate, endDate: input.endDate })
    .expect(201);
  const rallyId = (rally.body as { id: string }).id;
  for (const leg of input.legs) {
    await t.http
      .post(`/api/rallies/${rallyId}/legs`)
      .set(bearer(organizer))
      .send({ ...leg, from: 'A', to: 'B' })
      .expect(201);
  }
  const entryIds = new Map<string, string>();
  for (const boat of input.boats) {
    const team = await t.http
      .post('/api/teams')
      .set(bearer(organizer))
      .send({ name: `${input.name} ${boat}`, sport: 'sailing' })
      .expect(201);
    const [sailNumber = boat] = boat.split(' ');
    const entry = await t.http
      .post(`/api/rallies/${rallyId}/entries`)
      .set(bearer(organizer))
      .send({ teamId: (team.body as { id: string }).id, boatName: boat, sailNumber })
      .expect(201);
    entryIds.set(boat, (entry.body as { id: string }).id);
  }
  return { rallyId, entryIds };
}

const addMinutes = (iso: string, minutes: number): string => {
  const shifted = new Date(Date.parse(iso) + minutes * 60_000 + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
};

describe('the seeded 2023 rally (illustrative leg results)', () => {
  it('ranks the seven boats in the official final order 1..7 with one discard', async () => {
    const rally = await seededRally();
    expect(rally.discards).toBe(1);
    expect(rally.illustrative).toContain('discards');
    const standings = await get<Standing[]>(`/rallies/${rally.id}/standings`);
    expect(standings.map((s) => [s.rank, s.sailNumber])).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((rank) => [rank, `CHN 10${rank}`]),
    );
    expect(standings.map((s) => [s.total, s.net])).toEqual([
      [8, 5],
      [12, 7],
      [12, 9],
      [22.5, 16.5],
      [21.5, 16.5],
      [30, 23],
      [35, 27],
    ]);
    const [weihai, yantai] = [standings[3], standings[4]];
    expect(weihai?.tieBreak).toMatchObject({ rule: 'A8.2', tiedWith: [yantai?.entryId] });
    expect(weihai?.tieBreak?.explanation).toContain('First 40 · 05 (CHN 105)');
    expect(weihai?.tieBreak?.explanation).not.toContain(yantai?.entryId);
    // Yantai's two 5s: the earlier (leg 3) is excluded (A2.1).
    expect(yantai?.legs.filter((l) => l.discarded).map((l) => l.number)).toEqual([3]);
    expect(standings[0]?.legs.map((l) => l.number)).toEqual([1, 2, 3, 4, 5]);
    expect(standings[0]?.teamName).toBe('山东港口青岛港—丹泉酒业·赛曼队');
  });

  it('gives each leg its winner on the rally', async () => {
    const rally = await seededRally();
    expect(rally.legs.map((l) => l.winner?.sailNumber)).toEqual([
      'CHN 101',
      'CHN 102',
      'CHN 101',
      'CHN 102',
      'CHN 101',
    ]);
  });

  it("lists a leg's results with elapsed, corrected, speed, codes and points", async () => {
    const rally = await seededRally();
    const bySail = new Map(rally.entries.map((e) => [e.id, e.sailNumber]));
    const leg4 = await get<ResultRow[]>(`/rallies/${rally.id}/legs/4/results`);
    expect(leg4).toHaveLength(7);
    expect(leg4.map((r) => [bySail.get(r.entryId), r.place, r.points, r.code])).toEqual([
      ['CHN 102', 1, 1, null],
      ['CHN 103', 2, 2, null],
      ['CHN 101', 3, 3, null],
      ['CHN 104', 4, 4, null],
      ['CHN 105', 5, 5, null],
      ['CHN 106', 6, 6, null],
      ['CHN 107', null, 8, 'DNF'],
    ]);
    expect(leg4[0]).toMatchObject({
      finishedAt: '2023-07-01T20:00:00+08:00',
      elapsedSeconds: 34 * 3600,
      correctedSeconds: 34 * 3600,
      source: 'illustrative',
      recorded: true,
    });
    expect(leg4[0]?.speedKnots).toBeCloseTo(241 / 34, 9);
    expect(leg4[6]).toMatchObject({ finishedAt: null, elapsedSeconds: null, speedKnots: null });
    const leg5 = await get<ResultRow[]>(`/rallies/${rally.id}/legs/5/results`);
    // A dead heat: both share place 3 and the points of places 3 and 4 (A7).
    expect(
      leg5
        .filter((r) => r.points === 3.5)
        .map((r) => [bySail.get(r.entryId), r.place])
        .sort(),
    ).toEqual([
      ['CHN 104', 3],
      ['CHN 105', 3],
    ]);
  });

  it('ranks by cumulative corrected time too; the boat with a DNF comes last', async () => {
    const rally = await seededRally();
    const rows = await get<CumulativeRow[]>(`/rallies/${rally.id}/standings/cumulative-time`);
    expect(rows).toHaveLength(7);
    expect(rows.at(-1)).toMatchObject({
      rank: 7,
      complete: false,
      legsCompleted: 4,
      entryId: rally.entries.find((e) => e.sailNumber === 'CHN 107')?.id,
    });
    expect(rows.slice(0, 6).every((r) => r.complete)).toBe(true);
    expect(rows[0]?.totalCorrectedSeconds).toBeLessThan(rows[1]?.totalCorrectedSeconds ?? 0);
  });

  it('lets an organizer change discards within 0..legs-1; the standings follow', async () => {
    const rally = await seededRally();
    const path = `/api/rallies/${rally.id}`;
    expectProblem(await t.http.patch(path).send({ discards: 0 }), 401);
    const manager = await t.signUp();
    expectProblem(await t.http.patch(path).set(bearer(manager.token)).send({ discards: 0 }), 403);
    expectProblem(await t.http.patch(path).set(bearer(organizer)).send({ discards: 5 }), 422, ['discards']);
    expectProblem(await t.http.patch(path).set(bearer(organizer)).send({ discards: -1 }), 400, ['discards']);
    expectProblem(await t.http.patch(path).set(bearer(organizer)).send({ discards: 1.5 }), 400, ['discards']);
    expectProblem(await t.http.patch(path).set(bearer(organizer)).send({ name: 'x' }), 400, ['name']);

    const patched = await t.http.patch(path).set(bearer(organizer)).send({ discards: 0 }).expect(200);
    expect((patched.body as Rally).discards).toBe(0);
    const noDiscard = await get<Standing[]>(`/rallies/${rally.id}/standings`);
    // Without the discard Yantai (CHN 105, 21.5) is ahead of Weihai (CHN 104, 22.5).
    expect(noDiscard.map((s) => s.sailNumber)).toEqual([
      'CHN 101',
      'CHN 102',
      'CHN 103',
      'CHN 105',
      'CHN 104',
      'CHN 106',
      'CHN 107',
    ]);
    expect(noDiscard.every((s) => s.net === s.total && s.legs.every((l) => !l.discarded))).toBe(true);

    await t.http.patch(path).set(bearer(organizer)).send({ discards: 1 }).expect(200);
    const again = await get<Standing[]>(`/rallies/${rally.id}/standings`);
    expect(again.map((s) => s.sailNumber)).toEqual([
      'CHN 101',
      'CHN 102',
      'CHN 103',
      'CHN 104',
      'CHN 105',
      'CHN 106',
      'CHN 107',
    ]);
  });
});

describe('a real published series replayed leg by leg through the API', () => {
  // RS Vareo National Championship 2020, Itchenor SC, 10–12 July 2020 (SailWeb, 17 July 2020,
  // https://www.sailweb.co.uk/2020/07/17/small-but-perfectly-formed-rs-vareo-national-championships/):
  // 5 boats, 11 races, four scores excluded per boat (see packages/domain/src/sailing/series-scoring.test.ts).
  // Each race is entered as finish times in the published finishing order; DNC and RET as codes
  // (some DNCs simply left out: a boat without a result scores DNC).
  const SHEET: Record<string, (number | 'DNC' | 'RET')[]> = {
    '162 Crickmore': [1, 2, 1, 1, 1, 1, 2, 1, 3, 2, 1],
    '128 Ward': [4, 1, 2, 3, 2, 2, 1, 'RET', 2, 1, 2],
    '443 North': [2, 4, 4, 2, 3, 4, 4, 3, 4, 5, 4],
    '539 Dicker': [3, 3, 3, 4, 4, 3, 3, 4, 5, 4, 5],
    '147 Prior': ['DNC', 'DNC', 'DNC', 5, 5, 'DNC', 'DNC', 2, 1, 3, 3],
  };
  const BOATS = Object.keys(SHEET);
  const RACES = 11;
  /** Three racing days, four races a day at most, in British summer time. */
  const startOf = (race: number): string => {
    const day = 10 + Math.floor((race - 1) / 4);
    const hour = 10 + ((race - 1) % 4);
    return `2020-07-${day}T${String(hour).padStart(2, '0')}:00:00+01:00`;
  };

  it('reproduces the published ranks, nets and excluded races; totals are the sums of the sheet', async () => {
    const { rallyId, entryIds } = await createRally({
      name: 'RS Vareo National Championship 2020',
      startDate: '2020-07-10',
      endDate: '2020-07-12',
      legs: Array.from({ length: RACES }, (_, i) => ({ number: i + 1, startsAt: startOf(i + 1), distanceNm: 2 })),
      boats: BOATS,
    });
    const id = (boat: string): string => entryIds.get(boat) ?? '';

    for (let race = 1; race <= RACES; race += 1) {
      const rows: ResultInput[] = [];
      for (const boat of BOATS) {
        const cell = SHEET[boat]?.[race - 1];
        if (cell === 'RET') rows.push({ entryId: id(boat), code: 'RET' });
        else if (cell === 'DNC') {
          if (race <= 3) rows.push({ entryId: id(boat), code: 'DNC' });
        } else if (cell !== undefined)
          rows.push({ entryId: id(boat), finishedAt: addMinutes(startOf(race), 45 + cell) });
      }
      const put = await putResults(rallyId, race, rows.reverse());
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      const scored = Object.fromEntries((put.body as ResultRow[]).map((r) => [r.entryId, r.points]));
      // The sheet's score for every boat; DNC and RET score 5 boats + 1 = 6 (A5.2).
      const sheet = Object.fromEntries(
        BOATS.map((boat) => {
          const cell = SHEET[boat]?.[race - 1];
          return [id(boat), typeof cell === 'number' ? cell : 6];
        }),
      );
      expect(scored, `race ${race}`).toEqual(sheet);
    }

    await t.http.patch(`/api/rallies/${rallyId}`).set(bearer(organizer)).send({ discards: 4 }).expect(200);
    const standings = await get<Standing[]>(`/rallies/${rallyId}/standings`);
    const name = new Map([...entryIds].map(([boat, entryId]) => [entryId, boat]));
    expect(standings.map((s) => [s.rank, name.get(s.entryId), s.total, s.net])).toEqual([
      [1, '162 Crickmore', 16, 7],
      [2, '128 Ward', 26, 11],
      [3, '443 North', 39, 22],
      [4, '539 Dicker', 41, 23],
      [5, '147 Prior', 49, 25],
    ]);
    const excluded = Object.fromEntries(
      standings.map((s) => [name.get(s.entryId), s.legs.filter((l) => l.discarded).map((l) => l.number)]),
    );
    expect(excluded).toEqual({
      '162 Crickmore': [2, 7, 9, 10],
      '128 Ward': [1, 3, 4, 8],
      '443 North': [2, 3, 6, 10],
      '539 Dicker': [4, 5, 9, 11],
      '147 Prior': [1, 2, 3, 6],
    });
    const prior = standings.find((s) => name.get(s.entryId) === '147 Prior');
    expect(prior?.legs.filter((l) => l.code === 'DNC').map((l) => l.number)).toEqual([1, 2, 3, 6, 7]);
    expect(standings.find((s) => name.get(s.entryId) === '128 Ward')?.legs[7]).toEqual({
      number: 8,
      points: 6,
      code: 'RET',
      discarded: true,
    });
    const leg6 = await get<ResultRow[]>(`/rallies/${rallyId}/legs/6/results`);
    expect(leg6.find((r) => r.entryId === id('147 Prior'))).toMatchObject({
      code: 'DNC',
      points: 6,
      place: null,
      recorded: false,
    });
  });
});

describe('PUT leg results: bad input is refused, names the row and changes nothing', () => {
  let rally: Rally;
  let base: ResultInput[];
  let before: ResultRow[];
  let standingsBefore: Standing[];

  beforeAll(async () => {
    rally = await seededRally();
    before = await get<ResultRow[]>(`/rallies/${rally.id}/legs/2/results`);
    standingsBefore = await get<Standing[]>(`/rallies/${rally.id}/standings`);
    // The stored rows as the organizer would send them again, in finishing order.
    base = before.map((r) =>
      r.code ? { entryId: r.entryId, code: r.code } : { entryId: r.entryId, finishedAt: r.finishedAt },
    );
  });

  const withRow = (index: number, row: ResultInput): ResultInput[] => base.map((r, i) => (i === index ? row : r));
  const entry = (index: number): string => String(base[index]?.entryId);

  it.each<[string, () => unknown, number, string[]]>([
    [
      'a finish before the leg start',
      () => withRow(2, { entryId: entry(2), finishedAt: '2023-06-24T09:59:00+08:00' }),
      422,
      ['2.finishedAt'],
    ],
    [
      'a finish exactly at the start',
      () => withRow(1, { entryId: entry(1), finishedAt: '2023-06-24T10:00:00+08:00' }),
      422,
      ['1.finishedAt'],
    ],
    [
      'an unknown entry',
      () => withRow(1, { entryId: randomUUID(), finishedAt: '2023-06-25T06:00:00+08:00' }),
      422,
      ['1.entryId'],
    ],
    ['the same boat twice', () => [...base, { entryId: entry(0), code: 'DNF' }], 422, ['7.entryId']], // the seeded leg has 7 rows,
    ['an unknown code', () => withRow(4, { entryId: entry(4), code: 'XYZ' }), 400, ['4.code']],
    ['RDG without points', () => withRow(0, { entryId: entry(0), code: 'RDG' }), 400, ['0.points']],
    ['RDG with points below 1', () => withRow(0, { entryId: entry(0), code: 'RDG', points: 0 }), 400, ['0.points']],
    ['points with DNF', () => withRow(0, { entryId: entry(0), code: 'DNF', points: 3 }), 400, ['0.points']],
    [
      'points without a code',
      () => withRow(0, { entryId: entry(0), finishedAt: '2023-06-25T06:00:00+08:00', points: 3 }),
      400,
      ['0.points'],
    ],
    ['ZFP without a finish', () => withRow(3, { entryId: entry(3), code: 'ZFP' }), 400, ['3.finishedAt']],
    [
      'DNS with a finish',
      () => withRow(3, { entryId: entry(3), code: 'DNS', finishedAt: '2023-06-25T06:00:00+08:00' }),
      400,
      ['3.finishedAt'],
    ],
    ['neither finish nor code', () => withRow(5, { entryId: entry(5) }), 400, ['5.finishedAt']],
    [
      'a finish without an offset',
      () => withRow(2, { entryId: entry(2), finishedAt: '2023-06-25T06:00:00' }),
      400,
      ['2.finishedAt'],
    ],
    [
      'a finish of the wrong type',
      () => withRow(2, { entryId: entry(2), finishedAt: 1687644000 }),
      400,
      ['2.finishedAt'],
    ],
    [
      'points of the wrong type',
      () => withRow(2, { entryId: entry(2), code: 'RDG', points: 'three' }),
      400,
      ['2.points'],
    ],
    ['an entry id that is no id', () => withRow(6, { entryId: 42, code: 'DNF' }), 400, ['6.entryId']],
    ['an unknown field', () => withRow(2, { ...base[2], entryId: entry(2), place: 1 }), 400, ['2.place']],
    ['a row that is no object', () => withRow(0, null as unknown as ResultInput), 400, ['0']],
    ['a body that is no array', () => ({ results: base }), 400, []],
    [
      'several bad rows at once: all named, 400 wins',
      () =>
        base.map((r, i) =>
          i === 1 ? { entryId: randomUUID(), code: 'DNF' } : i === 3 ? { entryId: entry(3), code: 'BAD' } : r,
        ),
      400,
      ['1.entryId', '3.code'],
    ],
  ])('%s', async (_name, body, status, fields) => {
    expectProblem(await putResults(rally.id, 2, body()), status, fields);
    expect(await get<ResultRow[]>(`/rallies/${rally.id}/legs/2/results`)).toEqual(before);
  });

  it('refuses an entry of another rally (422)', async () => {
    const other = await createRally({
      name: 'Other rally',
      startDate: '2023-06-01',
      endDate: '2023-06-02',
      legs: [{ number: 1, startsAt: '2023-06-01T10:00:00+08:00', distanceNm: 10 }],
      boats: ['X1'],
    });
    const stranger = other.entryIds.get('X1') ?? '';
    expectProblem(
      await putResults(rally.id, 2, withRow(0, { entryId: stranger, finishedAt: '2023-06-25T06:00:00+08:00' })),
      422,
      ['0.entryId'],
    );
    expect(await get<ResultRow[]>(`/rallies/${rally.id}/legs/2/results`)).toEqual(before);
  });

  it('answers 404 for an unknown rally or leg', async () => {
    expectProblem(await putResults(randomUUID(), 2, base), 404);
    expectProblem(await putResults('no-such-rally', 2, base), 404);
    expectProblem(await putResults(rally.id, 9, base), 404);
    expectProblem(await putResults(rally.id, 'two', base), 404);
    expectProblem(await putResults(rally.id, 0, base), 404);
    expectProblem(await t.http.get(`/api/rallies/${rally.id}/legs/9/results`), 404);
    expectProblem(await t.http.get(`/api/rallies/${randomUUID()}/legs/1/results`), 404);
    expectProblem(await t.http.get(`/api/rallies/${randomUUID()}/standings`), 404);
    expectProblem(await t.http.get(`/api/rallies/${randomUUID()}/standings/cumulative-time`), 404);
  });

  it('needs an organizer: anonymous 401, team manager 403', async () => {
    expectProblem(await t.http.put(`/api/rallies/${rally.id}/legs/2/results`).send(base), 401);
    const manager = await t.signUp();
    expectProblem(await putResults(rally.id, 2, base, manager.token), 403);
  });

  it('left the leg and the standings exactly as they were', async () => {
    expect(await get<ResultRow[]>(`/rallies/${rally.id}/legs/2/results`)).toEqual(before);
    expect(await get<Standing[]>(`/rallies/${rally.id}/standings`)).toEqual(standingsBefore);
  });

  it('accepts the same rows again (replacing the leg with itself changes nothing)', async () => {
    const res = await putResults(rally.id, 2, base).expect(200);
    expect((res.body as ResultRow[]).map((r) => [r.entryId, r.place, r.points, r.code, r.finishedAt])).toEqual(
      before.map((r) => [r.entryId, r.place, r.points, r.code, r.finishedAt]),
    );
    expect(await get<Standing[]>(`/rallies/${rally.id}/standings`)).toEqual(standingsBefore);
  });
});

describe('PUT leg results: codes, replacement and concurrency', () => {
  const START = '2024-05-01T10:00:00+08:00';
  const BOATS = ['A1', 'B2', 'C3', 'D4', 'E5', 'F6', 'G7'];

  it('scores ZFP, RDG and DSQ; a boat left out scores DNC; the standings change with each PUT', async () => {
    const { rallyId, entryIds } = await createRally({
      name: 'Codes regatta',
      startDate: '2024-05-01',
      endDate: '2024-05-02',
      legs: [
        { number: 1, startsAt: START, distanceNm: 12 },
        { number: 2, startsAt: '2024-05-02T10:00:00+08:00', distanceNm: 12 },
      ],
      boats: BOATS,
    });
    const id = (boat: string): string => entryIds.get(boat) ?? '';
    expect(await get<ResultRow[]>(`/rallies/${rallyId}/legs/1/results`)).toEqual([]);
    expect(await get<Standing[]>(`/rallies/${rallyId}/standings`)).toEqual([]);
    expect((await get<Rally>(`/rallies/${rallyId}`)).legs.map((l) => l.winner)).toEqual([null, null]);

    const res = await putResults(rallyId, 1, [
      { entryId: id('A1'), code: 'ZFP', finishedAt: addMinutes(START, 120) }, // 1st on the water, +20 % of 8 = 2 → 3
      { entryId: id('B2'), finishedAt: addMinutes(START, 121) },
      { entryId: id('C3'), code: 'DSQ', finishedAt: addMinutes(START, 122) }, // gives up her place: 8
      { entryId: id('D4'), finishedAt: addMinutes(START, 123) },
      { entryId: id('E5'), code: 'RDG', points: 2.5 },
      { entryId: id('F6'), code: 'DNF' },
      // G7 has no row: DNC
    ]).expect(200);
    const rows = new Map((res.body as ResultRow[]).map((r) => [r.entryId, r]));
    expect(rows.get(id('A1'))).toMatchObject({ place: 1, points: 3, code: 'ZFP', elapsedSeconds: 7200 });
    expect(rows.get(id('A1'))?.speedKnots).toBeCloseTo(6, 9);
    expect(rows.get(id('B2'))).toMatchObject({ place: 2, points: 2, code: null });
    expect(rows.get(id('C3'))).toMatchObject({ place: null, points: 8, code: 'DSQ' });
    expect(rows.get(id('D4'))).toMatchObject({ place: 3, points: 3 });
    expect(rows.get(id('E5'))).toMatchObject({ place: null, points: 2.5, code: 'RDG' });
    expect(rows.get(id('F6'))).toMatchObject({ points: 8, code: 'DNF' });
    expect(rows.get(id('G7'))).toMatchObject({ points: 8, code: 'DNC', recorded: false });
    expect((res.body as ResultRow[])[0]?.entryId).toBe(id('B2'));
    const rally = await get<Rally>(`/rallies/${rallyId}`);
    expect(rally.legs[0]?.winner?.entryId).toBe(id('B2'));
    expect(rally.legs[1]?.winner).toBeNull();

    const after1 = await get<Standing[]>(`/rallies/${rallyId}/standings`);
    expect(after1[0]).toMatchObject({ rank: 1, entryId: id('B2'), net: 2 });
    expect(after1[0]?.legs).toEqual([{ number: 1, points: 2, code: null, discarded: false }]);

    // Replacing the leg: G7 now wins it; the others' old rows are gone.
    await putResults(rallyId, 1, [{ entryId: id('G7'), finishedAt: addMinutes(START, 100) }]).expect(200);
    const leg1 = await get<ResultRow[]>(`/rallies/${rallyId}/legs/1/results`);
    expect(leg1.filter((r) => r.recorded).map((r) => r.entryId)).toEqual([id('G7')]);
    expect(leg1.filter((r) => !r.recorded).every((r) => r.code === 'DNC' && r.points === 8)).toBe(true);
    expect((await get<Standing[]>(`/rallies/${rallyId}/standings`))[0]?.entryId).toBe(id('G7'));

    // An empty list clears the leg: no scored legs, no standings.
    await putResults(rallyId, 1, []).expect(200);
    expect(await get<ResultRow[]>(`/rallies/${rallyId}/legs/1/results`)).toEqual([]);
    expect(await get<Standing[]>(`/rallies/${rallyId}/standings`)).toEqual([]);
  });

  it('concurrent PUTs to one leg leave one whole result set, never a mix', async () => {
    const { rallyId, entryIds } = await createRally({
      name: 'Concurrency regatta',
      startDate: '2024-05-01',
      endDate: '2024-05-01',
      legs: [{ number: 1, startsAt: START, distanceNm: 12 }],
      boats: BOATS,
    });
    const ids = BOATS.map((boat) => entryIds.get(boat) ?? '');
    const forwards = ids.map((entryId, i) => ({ entryId, finishedAt: addMinutes(START, 60 + i) }));
    const backwards = ids.map((entryId, i) =>
      i === 0 ? { entryId, code: 'RET' } : { entryId, finishedAt: addMinutes(START, 90 - i) },
    );
    const sets = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? forwards : backwards));
    const responses = await Promise.all(sets.map((body) => putResults(rallyId, 1, body)));
    expect(responses.map((r) => r.status)).toEqual(sets.map(() => 200));

    const final = await get<ResultRow[]>(`/rallies/${rallyId}/legs/1/results`);
    expect(final).toHaveLength(BOATS.length);
    expect(final.every((r) => r.recorded)).toBe(true);
    const order = final.map((r) => r.entryId);
    const isForwards = order[0] === ids[0];
    expect(order).toEqual(isForwards ? ids : [...ids.slice(1).reverse(), ids[0]]);
    expect(final.map((r) => r.points)).toEqual(isForwards ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5, 6, 8]);
  });
});

describe('entries with crews', () => {
  it('stores a crew and shows it to organizers only', async () => {
    const { rallyId } = await createRally({
      name: 'Crew rally',
      startDate: '2024-06-01',
      endDate: '2024-06-02',
      legs: [],
      boats: [],
    });
    const team = await t.http
      .post('/api/teams')
      .set(bearer(organizer))
      .send({ name: '崂山帆船队', sport: 'sailing' })
      .expect(201);
    const teamId = (team.body as { id: string }).id;
    const crew = [
      { name: '张伟', role: 'skipper' },
      { name: 'Li Na', role: 'navigator' },
      { name: '王强', role: 'crew' },
    ];
    expectProblem(
      await t.http
        .post(`/api/rallies/${rallyId}/entries`)
        .set(bearer(organizer))
        .send({ teamId, boatName: 'B', crew: [{ name: 'X', role: 'captain' }] }),
      400,
      ['crew.0.role'],
    );
    expectProblem(
      await t.http
        .post(`/api/rallies/${rallyId}/entries`)
        .set(bearer(organizer))
        .send({ teamId, boatName: 'B', crew: [{ role: 'crew' }] }),
      400,
      ['crew.0.name'],
    );
    expectProblem(
      await t.http
        .post(`/api/rallies/${rallyId}/entries`)
        .set(bearer(organizer))
        .send({ teamId, boatName: 'B', crew: 'all of us' }),
      400,
      ['crew'],
    );
    const created = await t.http
      .post(`/api/rallies/${rallyId}/entries`)
      .set(bearer(organizer))
      .send({ teamId, boatName: 'Laoshan', crew })
      .expect(201);
    expect((created.body as Entry).crew).toEqual(crew);

    const asOrganizer = await get<Rally>(`/rallies/${rallyId}`, organizer);
    expect(asOrganizer.entries[0]?.crew).toEqual(crew);
    const anonymous = await get<Rally>(`/rallies/${rallyId}`);
    expect(anonymous.entries[0]).not.toHaveProperty('crew');
    const manager = await t.signUp();
    expect((await get<Rally>(`/rallies/${rallyId}`, manager.token)).entries[0]).not.toHaveProperty('crew');

    // An entry without a crew has an empty one.
    const seeded = await get<Rally>(`/rallies/shandong-peninsula-rally-2023`, organizer);
    expect(seeded.entries.every((e) => Array.isArray(e.crew) && e.crew.length === 0)).toBe(true);
  });
});

describe('the database keeps the invariants of leg results', () => {
  it('refuses a second result per boat and leg, unknown codes, stray points, and entries of another rally', async () => {
    const other = await createRally({
      name: 'Foreign rally',
      startDate: '2024-07-01',
      endDate: '2024-07-02',
      legs: [{ number: 1, startsAt: '2024-07-01T10:00:00+08:00', distanceNm: 5 }],
      boats: ['Z9'],
    });
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ id: string }>(
        `SELECT r.id FROM rally_leg_results r JOIN rallies y ON y.id = r.rally_id WHERE y.slug = 'shandong-peninsula-rally-2023' AND r.code IS NULL LIMIT 1`,
      );
      const id = rows[0]?.id;
      expect(id).toBeTruthy();
      await expect(
        db.query(
          `INSERT INTO rally_leg_results (rally_id, leg_id, entry_id, code) SELECT rally_id, leg_id, entry_id, 'DNF' FROM rally_leg_results WHERE id = $1`,
          [id],
        ),
      ).rejects.toThrow(/rally_leg_results_leg_entry_unique/);
      await expect(db.query(`UPDATE rally_leg_results SET code = 'XYZ' WHERE id = $1`, [id])).rejects.toThrow(
        /rally_leg_results_code_valid/,
      );
      await expect(db.query(`UPDATE rally_leg_results SET points = 3 WHERE id = $1`, [id])).rejects.toThrow(
        /rally_leg_results_points_given/,
      );
      await expect(db.query(`UPDATE rally_leg_results SET code = 'RDG' WHERE id = $1`, [id])).rejects.toThrow(
        /rally_leg_results_points_given/,
      );
      await expect(
        db.query(`UPDATE rally_leg_results SET code = 'ZFP', finished_at = NULL WHERE id = $1`, [id]),
      ).rejects.toThrow(/rally_leg_results_penalty_has_finish/);
      await expect(db.query(`UPDATE rally_leg_results SET code = 'DNS' WHERE id = $1`, [id])).rejects.toThrow(
        /rally_leg_results_no_finish_without_start/,
      );
      await expect(db.query(`UPDATE rally_leg_results SET finished_at = NULL WHERE id = $1`, [id])).rejects.toThrow(
        /rally_leg_results_finish_or_code/,
      );
      await expect(
        db.query(`UPDATE rally_leg_results SET entry_id = $2 WHERE id = $1`, [id, other.entryIds.get('Z9')]),
      ).rejects.toThrow(/foreign key/);
      await expect(
        db.query(`UPDATE rally_entries SET crew = '{"name": "x"}' WHERE rally_id = $1`, [other.rallyId]),
      ).rejects.toThrow(/rally_entries_crew_is_array/);
    } finally {
      await db.end();
    }
  });
});
