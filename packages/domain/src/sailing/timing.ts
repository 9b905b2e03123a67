// Leg timing: elapsed, corrected (time-on-time) and average speed.
// Pure functions over ISO-8601 instants that carry an explicit offset ("Z" or "+08:00").

import { SailingScoringError } from './errors.js';

/** ISO-8601 date-time with a mandatory offset; seconds and fractions optional. */
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO instant that carries an offset and returns epoch milliseconds.
 * Local times without an offset are refused: a rally crosses no time zones, but a
 * stored "2023-06-19T10:00" is still ambiguous once it leaves the organizer's laptop.
 */
export function parseRaceInstant(iso: string): number {
  if (!INSTANT_WITH_OFFSET.test(iso)) {
    throw new SailingScoringError(
      'INVALID_INSTANT',
      `"${iso}" is not an ISO-8601 instant with an offset (e.g. 2023-06-19T10:00:00+08:00).`,
    );
  }
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    throw new SailingScoringError('INVALID_INSTANT', `"${iso}" is not a valid date-time.`);
  }
  return ms;
}

/**
 * Elapsed seconds between the leg start and a boat's finish.
 * A finish at or before the start is refused (it would mean a negative or zero
 * race and an infinite speed): almost always a wrong date or offset in the data.
 */
export function elapsedRaceSeconds(startsAt: string, finishedAt: string): number {
  const start = parseRaceInstant(startsAt);
  const finish = parseRaceInstant(finishedAt);
  if (finish <= start) {
    throw new SailingScoringError(
      'FINISH_NOT_AFTER_START',
      `Finish ${finishedAt} is not after the leg start ${startsAt}.`,
    );
  }
  return (finish - start) / 1000;
}

function assertRating(rating: number): void {
  if (!Number.isFinite(rating) || rating <= 0) {
    throw new SailingScoringError('INVALID_RATING', `Rating must be a positive number, got ${rating}.`);
  }
}

function assertElapsed(elapsedSeconds: number): void {
  if (!Number.isFinite(elapsedSeconds) || elapsedSeconds <= 0) {
    throw new SailingScoringError(
      'INVALID_ELAPSED',
      `Elapsed time must be a positive number of seconds, got ${elapsedSeconds}.`,
    );
  }
}

/**
 * Time-on-time corrected seconds: elapsed × rating (rating 1 for one-design fleets).
 * Rounded to the millisecond so that floating-point noise never splits, or creates,
 * a tie on corrected time (A7 compares corrected times for equality).
 */
export function correctedRaceSeconds(elapsedSeconds: number, rating = 1): number {
  assertElapsed(elapsedSeconds);
  assertRating(rating);
  return Math.round(elapsedSeconds * rating * 1000) / 1000;
}

/** Average speed over the leg's distance, in knots (nautical miles per hour). */
export function averageSpeedKnots(distanceNm: number, elapsedSeconds: number): number {
  if (!Number.isFinite(distanceNm) || distanceNm <= 0) {
    throw new SailingScoringError(
      'INVALID_DISTANCE',
      `Leg distance must be a positive number of nautical miles, got ${distanceNm}.`,
    );
  }
  assertElapsed(elapsedSeconds);
  return distanceNm / (elapsedSeconds / 3600);
}

export interface LegTimingInput {
  /** Leg start (starting signal), ISO instant with offset. */
  readonly startsAt: string;
  /** Boat's finish, ISO instant with offset. */
  readonly finishedAt: string;
  /** Leg distance in nautical miles. */
  readonly distanceNm: number;
  /** Time-on-time rating (time correction factor); 1 for one-design. */
  readonly rating?: number;
}

export interface LegTiming {
  readonly elapsedSeconds: number;
  readonly correctedSeconds: number;
  readonly speedKnots: number;
}

/** Elapsed, corrected and speed for one boat on one leg. Throws SailingScoringError. */
export function computeLegTiming(input: LegTimingInput): LegTiming {
  const elapsedSeconds = elapsedRaceSeconds(input.startsAt, input.finishedAt);
  return {
    elapsedSeconds,
    correctedSeconds: correctedRaceSeconds(elapsedSeconds, input.rating ?? 1),
    speedKnots: averageSpeedKnots(input.distanceNm, elapsedSeconds),
  };
}
