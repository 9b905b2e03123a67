import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decodeCsv,
  excelSerialToDate,
  IMPORT_MAX_ROWS,
  looksLikeFormula,
  neutralise,
  readSheet,
  SheetError,
} from './spreadsheet.js';
import { rowsFromSheet, type TeamImportRow, validateTeamRows } from './team-rows.js';

const CSV =
  '队名,城市,姓名,号码,角色,出生日期\n青岛雏鹰,青岛,张伟,7,球员,2013-05-01\n青岛雏鹰,青岛,李强,8,,39600\n青岛雏鹰,青岛,王教练,,教练,\n';

describe('reading sheets', () => {
  it('detects UTF-8, UTF-8 with BOM and GB18030, and refuses UTF-16 and undecodable bytes', () => {
    expect(decodeCsv(Buffer.from(CSV, 'utf8')).encoding).toBe('utf-8');
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')])).encoding).toBe(
      'utf-8-bom',
    );
    const gb = decodeCsv(iconv.encode(CSV, 'gb18030'));
    expect(gb).toEqual({ encoding: 'gb18030', text: CSV });
    expect(() => decodeCsv(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toThrow(/UTF-16/);
    expect(() => decodeCsv(Buffer.from([0x81, 0x20, 0xff, 0xff]))).toThrow(SheetError);
  });

  it('refuses more than 5,000 rows and files over 10 MB, with the limit in the answer', async () => {
    const many = `队名,姓名\n${'甲队,张三\n'.repeat(IMPORT_MAX_ROWS + 1)}`;
    await expect(readSheet(Buffer.from(many))).rejects.toThrow(/5001 rows; at most 5000/);
    await expect(readSheet(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41))).rejects.toThrow(/larger than 10 MB/);
  });

  it('converts Excel serial dates (39600 = 2008-06-01) and rejects impossible ones', () => {
    expect(excelSerialToDate(39600)).toBe('2008-06-01');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(-5)).toBeNull();
  });

  it('flags formulas on import and neutralises them on export (plain negative numbers are not formulas)', () => {
    expect(looksLikeFormula("=cmd|' /C calc'!A0")).toBe(true);
    expect(looksLikeFormula('@SUM(A1)')).toBe(true);
    expect(looksLikeFormula('-3')).toBe(false);
    expect(neutralise('=1+1')).toBe("'=1+1");
    expect(neutralise('张伟')).toBe('张伟');
  });
});

describe('team rows', () => {
  const rows = async (csv: string): Promise<TeamImportRow[]> => rowsFromSheet(await readSheet(Buffer.from(csv))).rows;

  it('reads Chinese headers, keeps spreadsheet row numbers, and validates a clean file', async () => {
    const r = await rows(CSV);
    expect(r.map((x) => x.row)).toEqual([2, 3, 4]);
    const { valid, problems } = validateTeamRows(r);
    expect(problems).toEqual([]);
    expect(valid.map((v) => [v.player, v.number, v.role, v.birthYear])).toEqual([
      ['张伟', 7, 'player', 2013],
      ['李强', 8, 'player', 2008],
      ['王教练', null, 'coach', null],
    ]);
  });

  it('names each bad cell by row, column and reason', async () => {
    const bad =
      '队名,城市,姓名,号码,角色,出生日期\n甲队,青岛,张三,7,,\n甲队,青岛,李四,7,,\n甲队,济南,,100,裁判,2013-02-30\n乙队,青岛,=cmd|x,,,\n';
    const { problems } = validateTeamRows(await rows(bad));
    expect(problems.map((p) => `${p.row} ${p.column}`)).toEqual([
      '3 number',
      '4 player',
      '4 number',
      '4 role',
      '4 birthDate',
      '4 city',
      '5 player',
    ]);
    expect(problems[0]?.reason).toBe('number 7 is already used by row 2 of the same team');
  });

  it('English headers work too; a file without the team or name column is refused as a whole', async () => {
    expect((await rows('team,name,number\nA,B,1\n'))[0]).toMatchObject({ team: 'A', player: 'B', number: '1' });
    await expect(rows('foo,bar\n1,2\n')).rejects.toThrow(/missing: 队名 \(team\), 姓名 \(player\)/);
  });
});
