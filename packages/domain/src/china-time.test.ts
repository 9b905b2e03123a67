import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDayStart, chinaWallClock, toChinaIso } from './china-time.js';

describe('China Standard Time (UTC+08:00, no daylight saving)', () => {
  it('starts the calendar day 8 hours before UTC does', () => {
    expect(chinaDate(new Date('2023-08-14T15:59:59Z'))).toBe('2023-08-14');
    expect(chinaDate(new Date('2023-08-14T16:00:00Z'))).toBe('2023-08-15');
    expect(chinaDayStart('2023-08-15').toISOString()).toBe('2023-08-14T16:00:00.000Z');
  });

  it('writes instants with the offset, the same in winter and summer', () => {
    expect(toChinaIso(new Date('2023-07-10T11:30:00Z'))).toBe('2023-07-10T19:30:00+08:00');
    expect(toChinaIso(Date.parse('2023-01-10T11:30:00Z'))).toBe('2023-01-10T19:30:00+08:00');
    expect(chinaWallClock(Date.parse('2023-06-19T02:00:00Z'))).toBe('2023-06-19T10:00:00');
  });
});
