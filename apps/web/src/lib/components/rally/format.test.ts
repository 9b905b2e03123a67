import { describe, expect, it } from 'vitest';
import { formatDuration, parseQingdaoTime, qingdaoWallClock } from './format.js';

describe('rally time formats', () => {
  it('writes elapsed seconds as h:mm:ss, past 24 hours on long legs', () => {
    expect(formatDuration(199_800)).toBe('55:30:00');
    expect(formatDuration(20_700)).toBe('5:45:00');
    expect(formatDuration(59.6)).toBe('0:01:00');
    expect(formatDuration(3_661)).toBe('1:01:01');
  });

  it('shows any instant on the Qingdao wall clock', () => {
    expect(qingdaoWallClock('2023-06-21T17:30:00+08:00')).toBe('2023-06-21 17:30:00');
    expect(qingdaoWallClock('2023-06-21T17:30:05Z')).toBe('2023-06-22 01:30:05');
    expect(qingdaoWallClock('not a date')).toBe('');
  });

  it('reads typed or datetime-local Qingdao times as +08:00 instants', () => {
    expect(parseQingdaoTime('2023-06-21 17:30:00')).toBe('2023-06-21T17:30:00+08:00');
    expect(parseQingdaoTime(' 2023-6-21 7:05 ')).toBe('2023-06-21T07:05:00+08:00');
    expect(parseQingdaoTime('2023-06-21T17:30')).toBe('2023-06-21T17:30:00+08:00');
  });

  it('refuses what is not a real date and time', () => {
    for (const bad of [
      '',
      '17:30',
      '2023-06-31 10:00',
      '2023-02-29 10:00',
      '2023-06-21 24:00',
      '2023-06-21 10:60',
      '21/06/2023 10:00',
      '2023-06-21 10:00+02:00',
    ]) {
      expect(parseQingdaoTime(bad), bad).toBeNull();
    }
    expect(parseQingdaoTime('2024-02-29 10:00')).toBe('2024-02-29T10:00:00+08:00');
  });
});
