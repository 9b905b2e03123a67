import { describe, expect, it } from 'vitest';
import { parseScore, shanghaiInstant } from './forms.js';
import { clashIds, clashOf, describeMatchError, fieldAttrs } from './match-errors.js';

const OTHER = 'ff348d0e-1ecc-4552-96f5-50a4a7a1c970';
const TEAM = 'cd008a88-c736-4e71-b8ae-0b9f0abfc071';
const clashing = [
  {
    id: OTHER,
    homeTeamId: 'x',
    homeTeamName: '天津',
    homeTeamNameEn: 'Tianjin',
    awayTeamId: TEAM,
    awayTeamName: '山东',
    awayTeamNameEn: 'Shandong',
    startsAt: '2023-08-16T10:00:00+08:00',
    court: 1,
  },
];

describe('errors of the games’ forms', () => {
  it('reads a clash from its code and params, and names the other game in words', () => {
    // The API's English may change; the page reads code `match.clash` and its params only.
    const sameDay = {
      field: 'startsAt',
      message: 'anything',
      code: 'match.clash',
      params: { kind: 'team-same-day', matchId: OTHER, teamId: TEAM },
    };
    expect(clashOf(sameDay)).toEqual({ kind: 'team-same-day', matchId: OTHER, teamId: TEAM });
    expect(describeMatchError('en', sameDay, clashing)).toBe(
      'Clash: Shandong already plays that day (Aug 16 10:00 Tianjin v Shandong)',
    );
    expect(describeMatchError('zh-CN', sameDay, clashing)).toBe(
      '时间冲突:山东当天已有比赛(8月16日 10:00 天津 对 山东)',
    );
    const court = {
      field: 'court',
      message: 'court 1 is taken',
      code: 'match.clash',
      params: { kind: 'court-busy', matchId: OTHER },
    };
    expect(clashOf(court)).toEqual({ kind: 'court-busy', matchId: OTHER, teamId: null });
    expect(
      clashOf({ field: 'court', message: 'x', code: 'match.clash', params: { kind: 'unheard-of', matchId: OTHER } }),
    ).toBeNull();
    expect(clashIds([sameDay, court, { field: 'homeScore', message: `team-rest with match ${OTHER}` }])).toEqual([
      OTHER,
    ]);
  });

  it('gives the rules the API enforces the reader’s language, by code', () => {
    expect(describeMatchError('en', { field: 'homeScore', message: 'x', code: 'result.level-score' })).toMatch(
      /cannot end level/,
    );
    expect(
      describeMatchError('zh-CN', { field: 'homeScore', message: 'x', code: 'validation.min', params: { limit: 0 } }),
    ).toBe('比分不能为负数');
    expect(describeMatchError('en', { field: 'awayScore', message: 'x', code: 'validation.is-int' })).toBe(
      'Enter a whole number',
    );
    expect(
      describeMatchError('en', { field: 'version', message: 'x', code: 'match.stale', params: { current: 4 } }),
    ).toBe('Someone else changed it: reload the page.');
    expect(
      describeMatchError('en', {
        field: 'startsAt',
        message: 'x',
        code: 'match.outside-event',
        params: { start: '2023-08-10', end: '2023-08-20' },
      }),
    ).toBe('Must fall within the event’s dates, 2023-08-10 to 2023-08-20');
    expect(describeMatchError('en', { field: 'odd', message: 'something new', code: 'rule.unheard-of' })).toContain(
      'something new',
    );
    // English alone no longer decides anything.
    expect(describeMatchError('en', { field: 'homeScore', message: 'equals awayScore' })).not.toMatch(
      /cannot end level/,
    );
  });

  it('ties an input to its error, keeping its hint', () => {
    expect(fieldAttrs([{ field: 'homeScore', message: 'x' }], 'homeScore', 'homeScore-1')).toEqual({
      'aria-invalid': 'true',
      'aria-describedby': 'homeScore-1-error',
    });
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
