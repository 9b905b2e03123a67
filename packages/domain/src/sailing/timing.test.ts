import { describe, expect, it } from 'vitest';
import { SailingScoringError } from './errors.js';
import {
  averageSpeedKnots,
  computeLegTiming,
  correctedRaceSeconds,
  elapsedRaceSeconds,
  parseRaceInstant,
} from './timing.js';

describe('elapsedRaceSeconds', () => {
  it.each([
    ['same offset', '2023-06-19T10:00:00+08:00', '2023-06-19T11:30:00+08:00', 5400],
    ['finish given in UTC', '2023-06-19T10:00:00+08:00', '2023-06-19T03:30:00Z', 5400],
    [
      'across midnight and days',
      '2023-06-19T10:00:00+08:00',
      '2023-06-21T20:41:30+08:00',
      2 * 86400 + 10 * 3600 + 41 * 60 + 30,
    ],
    ['without seconds', '2023-07-04T08:00+08:00', '2023-07-04T16:15+08:00', 8.25 * 3600],
    ['fractional seconds', '2023-07-04T08:00:00.000+08:00', '2023-07-04T08:00:01.250+08:00', 1.25],
  ])('%s', (_label, start, finish, expected) => {
    expect(elapsedRaceSeconds(start, finish)).toBe(expected);
  });

  it.each([
    ['before the start', '2023-06-19T10:00:00+08:00', '2023-06-19T09:59:59+08:00'],
    ['at the start', '2023-06-19T10:00:00+08:00', '2023-06-19T02:00:00Z'],
  ])('rejects a finish %s with a typed error', (_label, start, finish) => {
    try {
      elapsedRaceSeconds(start, finish);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SailingScoringError);
      expect((error as SailingScoringError).kind).toBe('FINISH_NOT_AFTER_START');
      expect((error as SailingScoringError).message).toContain('is not after the leg start');
    }
  });
});

describe('parseRaceInstant', () => {
  it.each(['2023-06-19T10:00:00', '2023-06-19', 'yesterday', '2023-02-30T10:00:00+08:00x', ''])(
    'refuses "%s" (no offset or not ISO)',
    (value) => {
      expect(() => parseRaceInstant(value)).toThrow(SailingScoringError);
    },
  );

  it('accepts Z and ±hh:mm', () => {
    expect(parseRaceInstant('2023-06-19T02:00:00Z')).toBe(parseRaceInstant('2023-06-19T10:00:00+08:00'));
    expect(parseRaceInstant('2023-06-18T21:00:00-05:00')).toBe(parseRaceInstant('2023-06-19T02:00:00Z'));
  });
});

describe('correctedRaceSeconds (time-on-time)', () => {
  it.each([
    [3600, 1, 3600],
    [3600, undefined, 3600],
    [3600, 0.95, 3420],
    [10000, 1.0325, 10325],
    [7200.5, 0.9, 6480.45],
  ])('elapsed %d × rating %s = %d', (elapsed, rating, expected) => {
    expect(correctedRaceSeconds(elapsed, rating)).toBe(expected);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses rating %s', (rating) => {
    expect(() => correctedRaceSeconds(3600, rating)).toThrow(/rating/i);
  });
});

describe('averageSpeedKnots', () => {
  it.each([
    [58, 8 * 3600, 7.25],
    [345, 57.5 * 3600, 6],
    [41, 5 * 3600, 8.2],
  ])('%d nm in %d s', (distance, elapsed, expected) => {
    expect(averageSpeedKnots(distance, elapsed)).toBeCloseTo(expected, 10);
  });

  it('refuses a non-positive distance', () => {
    expect(() => averageSpeedKnots(0, 3600)).toThrow(SailingScoringError);
  });
});

describe('computeLegTiming', () => {
  it('combines elapsed, corrected and speed', () => {
    expect(
      computeLegTiming({
        startsAt: '2023-07-04T08:00:00+08:00',
        finishedAt: '2023-07-04T16:00:00+08:00',
        distanceNm: 58,
        rating: 0.98,
      }),
    ).toEqual({ elapsedSeconds: 28800, correctedSeconds: 28224, speedKnots: 7.25 });
  });
});
