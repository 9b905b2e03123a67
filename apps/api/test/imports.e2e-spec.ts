import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createLeague, type League, listMatches } from './support/competition-fixtures.js';
import { expectProblem } from './support/problem.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();

const HEADER = '队名,城市,姓名,号码,角色,出生日期';
const sheet = (rows: string[]) => `${HEADER}\r\n${rows.join('\r\n')}\r\n`;
const GOOD = sheet([
  '青岛雏鹰,青岛,张伟,7,球员,2013-05-01',
  '青岛雏鹰,青岛,李强,8,,41061',
  '青岛雏鹰,青岛,王教练,,教练,',
  '烟台海鸥,烟台,赵磊,5,球员,2012/9/3',
]);

type Preview = {
  encoding: string;
  rows: Record<string, string | number>[];
  problems: { row: number; column: string; reason: string }[];
  teams: { name: string; action: string; people: number }[];
};
const preview = (league: League, body: Buffer | string, type = 'text/csv') =>
  t.http
    .post(`/api/events/${league.eventId}/imports/teams/preview`)
    .set(league.organizer)
    .set('Content-Type', type)
    .send(body);
const commit = (league: League, rows: unknown) =>
  t.http.post(`/api/events/${league.eventId}/imports/teams`).set(league.organizer).send({ rows });
const registrations = async (league: League) =>
  (await t.http.get(`/api/events/${league.eventId}/registrations`).expect(200)).body as {
    teamId: string;
    status: string;
    rosterSize: number;
  }[];

describe('spreadsheet import of teams with rosters', () => {
  it('previews a GB18030 CSV (nothing stored), commits it all, and a second import of the same rows duplicates nothing', async () => {
    const league = await createLeague(t, { teams: 0 });
    const res = await preview(league, iconv.encode(GOOD, 'gb18030'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const p = res.body as Preview;
    expect(p.encoding).toBe('gb18030');
    expect(p.problems).toEqual([]);
    expect(p.teams).toEqual([
      { name: '青岛雏鹰', city: '青岛', people: 3, action: 'create' },
      { name: '烟台海鸥', city: '烟台', people: 1, action: 'create' },
    ]);
    expect(await registrations(league)).toEqual([]);

    const first = await commit(league, p.rows);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ teamsCreated: 2, teamsUpdated: 0, registrationsCreated: 2, people: 4 });
    const again = await commit(league, p.rows);
    expect(again.body).toEqual({ teamsCreated: 0, teamsUpdated: 2, registrationsCreated: 0, people: 4 });
    const regs = await registrations(league);
    expect(regs).toHaveLength(2);
    expect(regs.every((r) => r.status === 'confirmed')).toBe(true);
    // 41061 is an Excel serial date: 2012-06-01.
    const team = regs.find((r) => r.rosterSize === 3)!;
    const roster = (await t.http.get(`/api/teams/${team.teamId}/roster`).set(league.organizer).expect(200)).body as {
      roster: { name: string; birthYear: number | null }[];
    };
    expect(roster.roster.map((m) => [m.name, m.birthYear])).toEqual([
      ['张伟', 2013],
      ['李强', 2012],
      ['王教练', null],
    ]);

    // Export in the same format; importing the export changes nothing.
    const exported = await t.http
      .get(`/api/events/${league.eventId}/exports/teams.csv`)
      .set(league.organizer)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(exported.status).toBe(200);
    const back = (await preview(league, exported.body as Buffer)).body as Preview;
    expect(back.encoding).toBe('utf-8-bom');
    expect(back.problems).toEqual([]);
    expect(back.teams.map((x) => x.action)).toEqual(['update', 'update']);
  });

  it('names every problem by row, column and reason; a commit with any problem stores nothing (422)', async () => {
    const league = await createLeague(t, { teams: 0 });
    const bad = sheet([
      '甲队,青岛,张三,7,,',
      '甲队,青岛,李四,7,,',
      "乙队,青岛,=cmd|' /C calc'!A0,3,,",
      '乙队,青岛,周五,4,,45000.5',
    ]);
    const p = (await preview(league, Buffer.from(bad)).expect(200)).body as Preview;
    expect(p.problems.map((x) => `${x.row} ${x.column}`)).toEqual(['3 number', '4 player']);
    expect(p.problems[1]?.reason).toMatch(/formula/);
    expectProblem(await commit(league, p.rows), 422, ['rows[1].number', 'rows[2].player']);
    expect(await registrations(league)).toEqual([]);
    // Fixed rows go in.
    const fixed = p.rows.map((r) => (r.row === 3 ? { ...r, number: '9' } : r.row === 4 ? { ...r, player: '孙六' } : r));
    expect((await commit(league, fixed).expect(200)).body).toMatchObject({ teamsCreated: 2, people: 4 });
  });

  it('reads XLSX with real dates and formula cells; refuses wrong encodings, 10 MB and 5,000 rows with the reason', async () => {
    const league = await createLeague(t, { teams: 0 });
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('队伍');
    ws.addRow(HEADER.split(','));
    ws.addRow(['威海浪花', '威海', '钱七', 10, '球员', new Date(Date.UTC(2014, 2, 3))]);
    ws.addRow(['威海浪花', '威海', { formula: 'HYPERLINK("http://x","y")' }, 11, '球员', null]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const p = (
      await preview(league, xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').expect(200)
    ).body as Preview;
    expect(p.encoding).toBe('xlsx');
    expect(p.rows[0]).toMatchObject({ row: 2, player: '钱七', number: '10', birthDate: '2014-03-03' });
    expect(p.problems.map((x) => `${x.row} ${x.column}`)).toEqual(['3 player']);

    expectProblem(await preview(league, Buffer.from([0xff, 0xfe, 0x41, 0x00])), 415, 'file');
    expectProblem(await preview(league, Buffer.from([0x81, 0x20, 0xff, 0xff, 0x0a])), 415, 'file');
    expectProblem(await preview(league, Buffer.from(`${HEADER}\n${'甲,乙,丙,1,,\n'.repeat(5001)}`)), 413, 'file');
    const big = await preview(league, Buffer.alloc(10 * 1024 * 1024 + 2048, 0x41));
    expect(big.status).toBe(413);
    expect(big.body.detail).toMatch(/larger than 10 MB/);
    expectProblem(await preview(league, Buffer.from('foo,bar\n1,2\n')), 422, 'file');
    expect(await registrations(league)).toEqual([]);
  });
});

describe('spreadsheet import of a schedule', () => {
  it('previews (clashes included, nothing stored), imports every game or none, and a second import adds nothing', async () => {
    const league = await createLeague(t, { teams: 4, prefix: '程' });
    const [a, b, c, d] = league.names as [string, string, string, string];
    // 44927 = 2023-01-01, so the league's first day is a serial too; 0.8125 = 19:30.
    const serial =
      44927 + (Date.parse(`${league.startDate}T00:00:00Z`) - Date.parse('2023-01-01T00:00:00Z')) / 86_400_000;
    const csv = [
      '日期,时间,主队,客队,组别,轮次',
      `${league.startDate},17:00,${a},${b},A,1`,
      `${serial},0.8125,${c},${d},A,1`,
      `${serial + 1},17:00,${a},${c},A,2`,
    ].join('\n');
    const previewRes = await t.http
      .post(`/api/events/${league.eventId}/imports/schedule/preview`)
      .set(league.organizer)
      .set('Content-Type', 'text/csv')
      .send(Buffer.from(csv));
    expect(previewRes.status, JSON.stringify(previewRes.body)).toBe(200);
    expect(previewRes.body).toMatchObject({ encoding: 'utf-8', problems: [], created: 3, existing: 0 });
    expect(await listMatches(t, league.eventId)).toEqual([]);

    const rows = previewRes.body.rows as Record<string, unknown>[];
    // A clash (team A twice on day 1) and an unknown team: 422 naming the rows, and nothing is stored.
    const bad = [...rows, { ...rows[0], row: 5, away: d, time: '20:00' }, { ...rows[0], row: 6, home: '不存在的队' }];
    const refused = expectProblem(
      await t.http.post(`/api/events/${league.eventId}/imports/schedule`).set(league.organizer).send({ rows: bad }),
      422,
    );
    expect(refused.detail).toMatch(/problem/);
    expect(refused.errors?.map((e) => e.message).join(' | ')).toMatch(/row 6, home: is not a confirmed team/);
    expect(await listMatches(t, league.eventId)).toEqual([]);
    const clash = await t.http
      .post(`/api/events/${league.eventId}/imports/schedule`)
      .set(league.organizer)
      .send({ rows: [...rows, { ...rows[0], row: 5, away: d, time: '20:00' }] });
    expectProblem(clash, 422);
    expect(clash.body.errors[0].message).toMatch(/row 5, time: .*team-same-day/);
    expect(await listMatches(t, league.eventId)).toEqual([]);

    const done = await t.http
      .post(`/api/events/${league.eventId}/imports/schedule`)
      .set(league.organizer)
      .send({ rows })
      .expect(200);
    expect(done.body).toEqual({ created: 3, existing: 0 });
    const again = await t.http
      .post(`/api/events/${league.eventId}/imports/schedule`)
      .set(league.organizer)
      .send({ rows })
      .expect(200);
    expect(again.body).toEqual({ created: 0, existing: 3 });
    const games = await listMatches(t, league.eventId);
    expect(games.map((g) => [g.startsAt, g.group])).toEqual([
      [`${league.startDate}T17:00:00+08:00`, 'A'],
      [`${league.startDate}T19:30:00+08:00`, 'A'],
      [`${games[2]!.startsAt.slice(0, 10)}T17:00:00+08:00`, 'A'],
    ]);
  });
});
