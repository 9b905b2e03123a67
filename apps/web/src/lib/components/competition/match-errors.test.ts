import { describe, expect, it } from 'vitest';
import { parseScore, shanghaiInstant } from './forms.js';
import { clashIds, describeMatchError, fieldAttrs, parseClash } from './match-errors.js';

const OTHER = 'ff348d0e-1ecc-4552-96f5-50a4a7a1c970';
const TEAM = 'cd008a88-c736-4e71-b8ae-0b9f0abfc071';
const clashing = [
  { id: OTHER, homeTeamId: 'x', homeTeamName: '天津', homeTeamNameEn: 'Tianjin', awayTeamId: TEAM, awayTeamName: '山东', awayTeamNameEn: 'Shandong', startsAt: '2023-08-16T10:00:00+08:00', court: 1 },
];

describe('errors of the games’ forms', () => {
  it('reads a clash the API reports and names the other game in words', () => {
    const sameDay = `team-same-day with match ${OTHER}: ${TEAM} already plays match ${OTHER} (x v ${TEAM}, 2023-08-16T02:00:00.000Z) on the same day`;
    expect(parseClash(sameDay)).toEqual({ kind: 'team-same-day', matchId: OTHER, teamId: TEAM });
    expect(describeMatchError('en', { field: 'startsAt', message: sameDay }, clashing)).toBe('Clash: Shandong already plays that day (Aug 16 10:00 Tianjin v Shandong)');
    expect(describeMatchError('zh-CN', { field: 'startsAt', message: sameDay }, clashing)).toBe('时间冲突:山东当天已有比赛(8月16日 10:00 天津 对 山东)');
    const court = `court-busy with match ${OTHER}: f9d1bcb1-561f-493b-acdc-dee8d7979d11 court 1 is taken by match ${OTHER} (…)`;
    expect(parseClash(court)).toEqual({ kind: 'court-busy', matchId: OTHER, teamId: null });
    expect(clashIds([{ field: 'startsAt', message: sameDay }, { field: 'court', message: court }])).toEqual([OTHER]);
  });

  it('gives the rules the API enforces the reader’s language', () => {
    expect(describeMatchError('en', { field: 'homeScore', message: 'equals awayScore' })).toMatch(/cannot end level/);
    expect(describeMatchError('zh-CN', { field: 'homeScore', message: 'must not be less than 0' })).toBe('比分不能为负数');
    expect(describeMatchError('en', { field: 'awayScore', message: 'must be an integer number' })).toBe('Enter a whole number');
    expect(describeMatchError('en', { field: 'version', message: 'is stale: current version is 4' })).toBe('Someone else changed it: reload the page.');
    expect(describeMatchError('en', { field: 'startsAt', message: 'must fall within 2023-08-10 – 2023-08-20 (Asia/Shanghai)' })).toBe('Must fall within the event’s dates, 2023-08-10 to 2023-08-20');
    expect(describeMatchError('en', { field: 'odd', message: 'something new' })).toContain('something new');
  });

  it('ties an input to its error, keeping its hint', () => {
    expect(fieldAttrs([{ field: 'homeScore', message: 'x' }], 'homeScore', 'homeScore-1')).toEqual({ 'aria-invalid': 'true', 'aria-describedby': 'homeScore-1-error' });
    expect(fieldAttrs([], 'court', 'court-1', 'court-1-hint')).toEqual({ 'aria-describedby': 'court-1-hint' });
  });

  it('passes numbers through for the API to judge and refuses what is not one', () => {
    expect(parseScore('')).toEqual({ ok: true, value: undefined });
    expect(parseScore(' -3 ')).toEqual({ ok: true, value: -3 });
    expect(parseScore('2.5')).toEqual({ ok: true, value: 2.5 });
    expect(parseScore('abc')).toEqual({ ok: false });
    expect(shanghaiInstant('2023-08-15', '19:30')).toBe('2023-08-15T19:30:00+08:00');
    expect(shanghaiInstant('2023-08-15', '')).toBeNull();
  });
});
