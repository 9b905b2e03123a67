import { describe, expect, it } from 'vitest';
import { describeOfficialClash, parseOfficialClash } from './clash.js';

const other = {
  matchId: '11111111-2222-4333-8444-555555555555',
  startsAt: '2023-07-15T10:00:00+08:00',
  homeTeamName: '青岛',
  homeTeamNameEn: 'Qingdao',
  awayTeamName: '辽宁',
  awayTeamNameEn: 'Liaoning',
};

describe('official clashes in the reader’s language', () => {
  it('reads the kind and the other game from the API’s message', () => {
    expect(
      parseOfficialClash(`overlap with match ${other.matchId}: 李裁判 officiates game x at the same time`),
    ).toEqual({ kind: 'overlap', matchId: other.matchId });
    expect(parseOfficialClash('affiliated: 李裁判 is affiliated with team t')).toEqual({
      kind: 'affiliated',
      matchId: null,
    });
    expect(parseOfficialClash('something else')).toBeNull();
  });

  it('names the other game by day, time and teams', () => {
    const error = {
      field: 'officialId',
      message: `overlap with match ${other.matchId}: 李裁判 officiates game x at the same time`,
    };
    expect(describeOfficialClash('en', error, 'Li', [other], 60)).toBe(
      'Clash: Li works Jul 15 10:00 Qingdao v Liaoning at the same time',
    );
    expect(describeOfficialClash('zh-CN', error, '李裁判', [other], 60)).toBe(
      '时间冲突:李裁判同时执裁 7月15日 10:00 青岛 对 辽宁',
    );
    const travel = { field: 'officialId', message: `travel with match ${other.matchId}: …` };
    expect(describeOfficialClash('en', travel, 'Li', [other], 60)).toBe(
      'No time to travel: Li works Jul 15 10:00 Qingdao v Liaoning at another venue, less than 60 minutes apart',
    );
  });
});
