import { describe, expect, it } from 'vitest';
import { defaultInstant, legWindow, parseInstant, trailPathUpTo } from './tracker.js';

const legs = [
  { number: 1, startsAt: '2023-06-19T10:00:00+08:00' },
  { number: 2, startsAt: '2023-06-24T10:00:00+08:00' },
];

describe('tracker helpers', () => {
  it('a leg runs until the next starts; the last until the rally’s last day ends', () => {
    expect(legWindow(legs, 1, '2023-07-05')).toEqual({
      from: Date.parse('2023-06-19T10:00:00+08:00'),
      to: Date.parse('2023-06-24T09:59:00+08:00'),
    });
    expect(legWindow(legs, 2, '2023-07-05')?.to).toBe(Date.parse('2023-07-05T23:59:00+08:00'));
    expect(legWindow(legs, 3, '2023-07-05')).toBeNull();
  });

  it('shows now while the leg is on, else its end or start; ?at= is kept inside the leg', () => {
    const window = { from: 1000, to: 2000 };
    expect(defaultInstant(window, 1500)).toBe(1500);
    expect(defaultInstant(window, 5000)).toBe(2000);
    expect(defaultInstant(window, 10)).toBe(1000);
    expect(parseInstant('1200', window)).toBe(1200);
    expect(parseInstant('1970-01-01T00:00:01.9Z', window)).toBe(1900);
    expect(parseInstant('soon', window)).toBeNull();
    expect(parseInstant(null, window)).toBeNull();
  });

  it('draws a trail only as far as it was sailed at the chosen time', () => {
    const points = [
      [0, 0, 10],
      [5, 5, 20],
      [9, 9, 30],
    ] as const;
    expect(trailPathUpTo(points, 25)).toBe('M0,0L5,5');
    expect(trailPathUpTo(points, 15)).toBe('');
    expect(trailPathUpTo(points, 30)).toBe('M0,0L5,5L9,9');
  });
});
