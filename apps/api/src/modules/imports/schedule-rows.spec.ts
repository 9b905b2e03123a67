import { describe, expect, it } from 'vitest';
import { readSheet } from './spreadsheet.js';
import { scheduleRowsFromSheet, validateScheduleRows } from './schedule-rows.js';

describe('schedule rows', () => {
  it('reads dates and times typed or as Excel serials (45127 = 2023-07-20 (44927 = 2023-01-01), 0.8125 = 19:30, 45127.75 = 18:00)', async () => {
    const csv =
      '日期,时间,主队,客队,场馆,场地,组别,轮次\n2023-07-20,19:30,甲,乙,,,A,1\n45127,0.8125,丙,丁,,2,A,1\n45127.75,,甲,丙,,,,\n';
    const { games, problems } = validateScheduleRows(scheduleRowsFromSheet(await readSheet(Buffer.from(csv))));
    expect(problems).toEqual([]);
    expect(games.map((g) => [g.row, g.startsAt, g.court, g.group, g.round])).toEqual([
      [2, '2023-07-20T19:30:00+08:00', null, 'A', 1],
      [3, '2023-07-20T19:30:00+08:00', 2, 'A', 1],
      [4, '2023-07-20T18:00:00+08:00', null, '', null],
    ]);
  });

  it('names bad cells by row and column', async () => {
    const csv = 'date,time,home,away,court\n2023-02-30,19:30,A,B,\n2023-07-20,25:00,A,A,0\n2023-07-20,10:00,@A,B,\n';
    const { problems } = validateScheduleRows(scheduleRowsFromSheet(await readSheet(Buffer.from(csv))));
    expect(problems.map((p) => `${p.row} ${p.column}`)).toEqual(['2 date', '3 time', '3 away', '3 court', '4 home']);
  });
});
