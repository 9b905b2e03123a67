// Scoring one rally leg (one race) under the Low Point System of RRS Appendix A.
//
// Rules applied (RRS 2021–2024 / 2025–2028 Appendix A, paraphrased):
// - A3/A4: finishing places come from corrected time (time-on-time); a place scores its number in points.
// - A7: boats with equal corrected times share the points of the places involved, averaged.
// - A5.2: DNC, DNS, OCS, UFD, BFD, NSC, DNF, RET, DSQ, DNE score boats entered in the series + 1
//   (the "DNF score"). A boat with no result in a scored leg is DNC.
// - A6.1: a boat that is disqualified or retires after finishing gives up her place; boats behind move up.
// - ZFP (rule 30.2) and SCP (rule 44.3(c)): the finishing place's points plus a penalty of 20 %
//   (configurable) of the DNF score, rounded to the nearest whole number (0.5 upward), never worse
//   than the DNF score. The penalized boat keeps her place; other boats' places do not change.
// - RDG and DPI: the points the committee gives (required). A boat with such a code that also has a
//   finish time keeps her finishing place for the other boats (A6.2: other scores are not changed).
// - The leg coefficient multiplies every points value of the leg (e.g. 2 for a double-points leg);
//   committee-given RDG/DPI points are expressed in unweighted race points and multiplied too.

import {
  isSailingGivenPointsCode,
  isSailingPenaltyCode,
  isSailingScoringCode,
  roundSailingPoints,
  type SailingScoringCode,
} from './codes.js';
import { compareNullableAsc, compareSailingIds } from './compare.js';
import { SailingScoringError } from './errors.js';
import { averageSpeedKnots, correctedRaceSeconds, elapsedRaceSeconds, parseRaceInstant } from './timing.js';

export interface RallyEntry {
  readonly entryId: string;
  /** Time-on-time rating; defaults to 1 (one-design). */
  readonly rating?: number;
}

export interface RallyLeg {
  /** Starting signal, ISO instant with offset. */
  readonly startsAt: string;
  readonly distanceNm: number;
  /** Points multiplier for the leg; defaults to 1. */
  readonly coefficient?: number;
}

/** A boat that finished cleanly. */
export interface RallyLegFinishResult {
  readonly entryId: string;
  readonly finishedAt: string;
  readonly code?: null;
  readonly points?: null;
}

/**
 * A boat with a scoring abbreviation. `code` is a string because it usually comes from stored
 * data; it is validated at run time (unknown codes are refused).
 * - ZFP/SCP need `finishedAt` (the penalty is added to the finishing place).
 * - RDG/DPI need `points`; `finishedAt` optional.
 * - DNC/DNS cannot carry a finish time; other codes may (e.g. DSQ after finishing) but the boat
 *   takes no place.
 */
export interface RallyLegCodedResult {
  readonly entryId: string;
  readonly code: string;
  readonly points?: number | null;
  readonly finishedAt?: string | null;
}

export type RallyLegResultInput = RallyLegFinishResult | RallyLegCodedResult;

export interface RallyLegScoringOptions {
  /** Scoring penalty for ZFP/SCP as a percentage of the DNF score; default 20. */
  readonly scoringPenaltyPercent?: number;
}

export interface ScoreRallyLegInput {
  /** Every boat entered in the series (their count sets the DNF score). */
  readonly entries: readonly RallyEntry[];
  readonly leg: RallyLeg;
  readonly results: readonly RallyLegResultInput[];
  readonly options?: RallyLegScoringOptions;
}

export interface RallyLegScoreRow {
  /** Finishing place by corrected time (tied boats share the tied place); null for non-finishers. */
  readonly place: number | null;
  readonly entryId: string;
  readonly finishedAt: string | null;
  readonly elapsedSeconds: number | null;
  readonly correctedSeconds: number | null;
  readonly speedKnots: number | null;
  readonly code: SailingScoringCode | null;
  /** Race score after the leg coefficient. */
  readonly points: number;
}

export const DEFAULT_SCORING_PENALTY_PERCENT = 20;

/** Points for a boat scored as did-not-finish: boats entered in the series + 1 (A5.2). */
export function sailingDnfScore(entriesInSeries: number): number {
  return entriesInSeries + 1;
}

/**
 * Points for a ZFP/SCP boat before the leg coefficient: place points plus `percent` % of the DNF
 * score rounded to the nearest whole number (0.5 upward), capped at the DNF score.
 */
export function sailingScoringPenaltyPoints(
  placePoints: number,
  dnfScore: number,
  percent: number = DEFAULT_SCORING_PENALTY_PERCENT,
): number {
  const penaltyPlaces = Math.floor((dnfScore * percent) / 100 + 0.5 + 1e-9);
  return Math.min(placePoints + penaltyPlaces, dnfScore);
}

interface NormalizedResult {
  readonly entryId: string;
  readonly code: SailingScoringCode | null;
  readonly givenPoints: number | null;
  readonly finishedAt: string | null;
  readonly elapsedSeconds: number | null;
  readonly correctedSeconds: number | null;
  readonly speedKnots: number | null;
}

function validateEntries(entries: readonly RallyEntry[]): Map<string, number> {
  const ratings = new Map<string, number>();
  for (const entry of entries) {
    if (typeof entry.entryId !== 'string' || entry.entryId.trim() === '') {
      throw new SailingScoringError('INVALID_ENTRY', 'Every entry needs a non-empty entryId.');
    }
    if (ratings.has(entry.entryId)) {
      throw new SailingScoringError('DUPLICATE_ENTRY', `Entry ${entry.entryId} is listed twice.`);
    }
    const rating = entry.rating ?? 1;
    if (!Number.isFinite(rating) || rating <= 0) {
      throw new SailingScoringError(
        'INVALID_RATING',
        `Entry ${entry.entryId} has rating ${rating}; a rating must be a positive number.`,
      );
    }
    ratings.set(entry.entryId, rating);
  }
  return ratings;
}

function legCoefficient(leg: RallyLeg): number {
  const coefficient = leg.coefficient ?? 1;
  if (!Number.isFinite(coefficient) || coefficient <= 0) {
    throw new SailingScoringError(
      'INVALID_COEFFICIENT',
      `Leg coefficient must be a positive number, got ${coefficient}.`,
    );
  }
  return coefficient;
}

function penaltyPercent(options: RallyLegScoringOptions | undefined): number {
  const percent = options?.scoringPenaltyPercent ?? DEFAULT_SCORING_PENALTY_PERCENT;
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new SailingScoringError(
      'INVALID_PENALTY_PERCENT',
      `Scoring penalty must be between 0 and 100 %, got ${percent}.`,
    );
  }
  return percent;
}

function normalizeResult(result: RallyLegResultInput, leg: RallyLeg, rating: number): NormalizedResult {
  const rawCode = result.code ?? null;
  let code: SailingScoringCode | null = null;
  if (rawCode !== null) {
    if (!isSailingScoringCode(rawCode)) {
      throw new SailingScoringError('UNKNOWN_CODE', `Entry ${result.entryId} has unknown scoring code "${rawCode}".`);
    }
    code = rawCode;
  }

  const rawPoints = result.points ?? null;
  let givenPoints: number | null = null;
  if (code !== null && isSailingGivenPointsCode(code)) {
    if (rawPoints === null) {
      throw new SailingScoringError(
        'MISSING_POINTS',
        `Entry ${result.entryId} is scored ${code}; the committee-given points are required.`,
      );
    }
    if (!Number.isFinite(rawPoints) || rawPoints < 1) {
      throw new SailingScoringError(
        'INVALID_POINTS',
        `Entry ${result.entryId} is scored ${code} with ${rawPoints} points; points must be a number of at least 1.`,
      );
    }
    givenPoints = rawPoints;
  } else if (rawPoints !== null) {
    throw new SailingScoringError(
      'UNEXPECTED_POINTS',
      `Entry ${result.entryId}: points can only be given with RDG or DPI${code === null ? '' : `, not ${code}`}.`,
    );
  }

  const finishedAt = result.finishedAt ?? null;
  if (code !== null && isSailingPenaltyCode(code) && finishedAt === null) {
    throw new SailingScoringError(
      'MISSING_FINISH',
      `Entry ${result.entryId} is scored ${code}; the penalty is added to her finishing place, so a finish time is required.`,
    );
  }
  if ((code === 'DNC' || code === 'DNS') && finishedAt !== null) {
    throw new SailingScoringError(
      'UNEXPECTED_FINISH',
      `Entry ${result.entryId} is scored ${code} (did not start) but has a finish time.`,
    );
  }

  if (finishedAt === null) {
    return {
      entryId: result.entryId,
      code,
      givenPoints,
      finishedAt,
      elapsedSeconds: null,
      correctedSeconds: null,
      speedKnots: null,
    };
  }
  const elapsedSeconds = elapsedRaceSeconds(leg.startsAt, finishedAt);
  return {
    entryId: result.entryId,
    code,
    givenPoints,
    finishedAt,
    elapsedSeconds,
    correctedSeconds: correctedRaceSeconds(elapsedSeconds, rating),
    speedKnots: averageSpeedKnots(leg.distanceNm, elapsedSeconds),
  };
}

/** Whether a result occupies a finishing place that other boats are ranked around. */
function takesPlace(result: NormalizedResult): boolean {
  if (result.correctedSeconds === null) return false;
  return result.code === null || isSailingPenaltyCode(result.code) || isSailingGivenPointsCode(result.code);
}

/**
 * Scores one leg. Throws SailingScoringError on invalid input (unknown or duplicate entry,
 * unknown code, missing RDG/DPI points, ZFP/SCP without finish, finish before start, ...).
 * Rows are sorted by points, then corrected time, then entryId.
 */
export function scoreRallyLeg(input: ScoreRallyLegInput): RallyLegScoreRow[] {
  const ratings = validateEntries(input.entries);
  const coefficient = legCoefficient(input.leg);
  const percent = penaltyPercent(input.options);
  parseRaceInstant(input.leg.startsAt);
  if (!Number.isFinite(input.leg.distanceNm) || input.leg.distanceNm <= 0) {
    throw new SailingScoringError(
      'INVALID_DISTANCE',
      `Leg distance must be a positive number of nautical miles, got ${input.leg.distanceNm}.`,
    );
  }
  const dnfScore = sailingDnfScore(input.entries.length);

  const byEntry = new Map<string, NormalizedResult>();
  for (const result of input.results) {
    const rating = ratings.get(result.entryId);
    if (rating === undefined) {
      throw new SailingScoringError('UNKNOWN_ENTRY', `Result for unknown entry ${result.entryId}.`);
    }
    if (byEntry.has(result.entryId)) {
      throw new SailingScoringError(
        'DUPLICATE_RESULT',
        `Entry ${result.entryId} has more than one result in this leg.`,
      );
    }
    byEntry.set(result.entryId, normalizeResult(result, input.leg, rating));
  }

  // Finishing places by corrected time; equal corrected times share the averaged points (A7).
  const placed = [...byEntry.values()]
    .filter(takesPlace)
    .sort(
      (a, b) => compareNullableAsc(a.correctedSeconds, b.correctedSeconds) || compareSailingIds(a.entryId, b.entryId),
    );
  const placeOf = new Map<string, { place: number; placePoints: number }>();
  let index = 0;
  while (index < placed.length) {
    const first = placed[index];
    if (first === undefined) break;
    let end = index + 1;
    while (end < placed.length && placed[end]?.correctedSeconds === first.correctedSeconds) end += 1;
    const place = index + 1;
    const tiedCount = end - index;
    const placePoints = place + (tiedCount - 1) / 2;
    for (let i = index; i < end; i += 1) {
      const member = placed[i];
      if (member !== undefined) placeOf.set(member.entryId, { place, placePoints });
    }
    index = end;
  }

  const rows: RallyLegScoreRow[] = input.entries.map((entry) => {
    const result = byEntry.get(entry.entryId);
    if (result === undefined) {
      return {
        place: null,
        entryId: entry.entryId,
        finishedAt: null,
        elapsedSeconds: null,
        correctedSeconds: null,
        speedKnots: null,
        code: 'DNC',
        points: roundSailingPoints(dnfScore * coefficient),
      };
    }
    const placing = placeOf.get(result.entryId);
    let rawPoints: number;
    if (result.code !== null && isSailingGivenPointsCode(result.code) && result.givenPoints !== null) {
      rawPoints = result.givenPoints;
    } else if (placing === undefined) {
      rawPoints = dnfScore;
    } else if (result.code !== null && isSailingPenaltyCode(result.code)) {
      rawPoints = sailingScoringPenaltyPoints(placing.placePoints, dnfScore, percent);
    } else {
      rawPoints = placing.placePoints;
    }
    return {
      place: placing?.place ?? null,
      entryId: result.entryId,
      finishedAt: result.finishedAt,
      elapsedSeconds: result.elapsedSeconds,
      correctedSeconds: result.correctedSeconds,
      speedKnots: result.speedKnots,
      code: result.code,
      points: roundSailingPoints(rawPoints * coefficient),
    };
  });

  return rows.sort(
    (a, b) =>
      a.points - b.points ||
      compareNullableAsc(a.correctedSeconds, b.correctedSeconds) ||
      compareSailingIds(a.entryId, b.entryId),
  );
}
