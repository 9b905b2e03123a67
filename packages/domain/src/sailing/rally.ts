// One call from raw leg results to per-leg results, low-point standings and the cumulative-time table.

import { rankRallyByCumulativeTime, type RallyCumulativeTimeRow } from './cumulative-time.js';
import {
  scoreRallyLeg,
  type RallyEntry,
  type RallyLeg,
  type RallyLegResultInput,
  type RallyLegScoreRow,
  type RallyLegScoringOptions,
} from './leg-scoring.js';
import { scoreRallySeries, type RallySeriesStandingRow } from './series-scoring.js';

export interface RallyLegWithResults extends RallyLeg {
  readonly number: number;
  /** false when the notice of race makes this leg non-discardable; default true. */
  readonly discardable?: boolean;
  readonly results: readonly RallyLegResultInput[];
}

export interface ScoreRallyInput {
  readonly entries: readonly RallyEntry[];
  /** Only legs that have been sailed and scored; a leg not yet sailed is left out. */
  readonly legs: readonly RallyLegWithResults[];
  readonly discards?: number;
  readonly options?: RallyLegScoringOptions;
}

export interface ScoredRally {
  readonly legs: readonly { readonly number: number; readonly rows: readonly RallyLegScoreRow[] }[];
  readonly standings: readonly RallySeriesStandingRow[];
  readonly cumulativeTime: readonly RallyCumulativeTimeRow[];
}

export function scoreRally(input: ScoreRallyInput): ScoredRally {
  const legs = [...input.legs]
    .sort((a, b) => a.number - b.number)
    .map((leg) => ({
      number: leg.number,
      discardable: leg.discardable,
      rows: scoreRallyLeg({ entries: input.entries, leg, results: leg.results, options: input.options }),
    }));
  const standings = scoreRallySeries({
    entries: input.entries,
    legs: legs.map((leg) => ({ number: leg.number, scores: leg.rows, discardable: leg.discardable })),
    discards: input.discards,
  });
  const cumulativeTime = rankRallyByCumulativeTime({ entries: input.entries, legs });
  return { legs: legs.map(({ number, rows }) => ({ number, rows })), standings, cumulativeTime };
}
