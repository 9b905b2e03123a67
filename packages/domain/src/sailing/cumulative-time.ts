// Alternative rally ranking by cumulative corrected time (the "overall time" table of an offshore
// rally), next to the low-point standings.
//
// A leg counts for a boat only when she has a finishing place in it (a clean finish, or ZFP/SCP/
// RDG/DPI with a finish time) and a corrected time. Scoring penalties are points-only: a ZFP boat's
// time counts unchanged.
//
// Boats missing a leg (no finish, or DNF/RET/DSQ/...) rank after every boat that completed all legs,
// because a partial sum of times is not comparable with a full one. Among incomplete boats: more
// legs completed first, then the smaller partial time. Equal keys share the rank (1, 1, 3).
// This is a display choice for the platform; a notice of race that uses time-based overall results
// usually sets a time for a non-finisher instead, which an organizer can model as a finish time.

import { compareSailingIds } from './compare.js';
import { SailingScoringError } from './errors.js';

export interface RallyCumulativeTimeRowInput {
  readonly entryId: string;
  readonly place: number | null;
  readonly correctedSeconds: number | null;
}

export interface RallyCumulativeTimeLegInput {
  readonly number: number;
  /** Rows of `scoreRallyLeg`; boats without a row did not complete the leg. */
  readonly rows: readonly RallyCumulativeTimeRowInput[];
}

export interface RankRallyByCumulativeTimeInput {
  readonly entries: readonly { readonly entryId: string }[];
  readonly legs: readonly RallyCumulativeTimeLegInput[];
}

export interface RallyCumulativeTimeRow {
  readonly rank: number;
  readonly entryId: string;
  /** True when the boat has a counted time in every leg. */
  readonly complete: boolean;
  readonly legsCompleted: number;
  /** Sum of corrected seconds over the completed legs (partial when not complete). */
  readonly totalCorrectedSeconds: number;
  readonly legs: readonly { readonly number: number; readonly correctedSeconds: number | null }[];
}

interface Line {
  readonly entryId: string;
  readonly legs: { number: number; correctedSeconds: number | null }[];
  readonly legsCompleted: number;
  readonly totalCorrectedSeconds: number;
}

function compareLines(a: Line, b: Line): number {
  return b.legsCompleted - a.legsCompleted || a.totalCorrectedSeconds - b.totalCorrectedSeconds;
}

/** Ranks boats by the sum of their corrected times over the rally's legs. */
export function rankRallyByCumulativeTime(input: RankRallyByCumulativeTimeInput): RallyCumulativeTimeRow[] {
  const ids = new Set<string>();
  for (const entry of input.entries) {
    if (ids.has(entry.entryId)) {
      throw new SailingScoringError('DUPLICATE_ENTRY', `Entry ${entry.entryId} is listed twice.`);
    }
    ids.add(entry.entryId);
  }
  const legNumbers = new Set<number>();
  for (const leg of input.legs) {
    if (!Number.isInteger(leg.number) || leg.number < 1) {
      throw new SailingScoringError(
        'INVALID_LEG_NUMBER',
        `Leg number must be a positive whole number, got ${leg.number}.`,
      );
    }
    if (legNumbers.has(leg.number))
      throw new SailingScoringError('DUPLICATE_LEG', `Leg ${leg.number} is listed twice.`);
    legNumbers.add(leg.number);
  }
  const legs = [...input.legs].sort((a, b) => a.number - b.number);

  const timeByLeg = legs.map((leg) => {
    const times = new Map<string, number | null>();
    for (const row of leg.rows) {
      if (!ids.has(row.entryId)) {
        throw new SailingScoringError('UNKNOWN_ENTRY', `Leg ${leg.number} has a row for unknown entry ${row.entryId}.`);
      }
      if (times.has(row.entryId)) {
        throw new SailingScoringError(
          'DUPLICATE_RESULT',
          `Entry ${row.entryId} has more than one row in leg ${leg.number}.`,
        );
      }
      const counted = row.place !== null && row.correctedSeconds !== null ? row.correctedSeconds : null;
      times.set(row.entryId, counted);
    }
    return { number: leg.number, times };
  });

  const lines: Line[] = input.entries.map(({ entryId }) => {
    const perLeg = timeByLeg.map(({ number, times }) => ({ number, correctedSeconds: times.get(entryId) ?? null }));
    const completed = perLeg.filter((leg) => leg.correctedSeconds !== null);
    const total = completed.reduce((sum, leg) => sum + (leg.correctedSeconds ?? 0), 0);
    return {
      entryId,
      legs: perLeg,
      legsCompleted: completed.length,
      totalCorrectedSeconds: Math.round(total * 1000) / 1000,
    };
  });

  const sorted = [...lines].sort((a, b) => compareLines(a, b) || compareSailingIds(a.entryId, b.entryId));
  const rows: RallyCumulativeTimeRow[] = [];
  sorted.forEach((line, index) => {
    const previous = sorted[index - 1];
    const previousRow = rows[index - 1];
    const rank =
      previous !== undefined && previousRow !== undefined && compareLines(previous, line) === 0
        ? previousRow.rank
        : index + 1;
    rows.push({
      rank,
      entryId: line.entryId,
      complete: line.legsCompleted === legs.length,
      legsCompleted: line.legsCompleted,
      totalCorrectedSeconds: line.totalCorrectedSeconds,
      legs: line.legs,
    });
  });
  return rows;
}
