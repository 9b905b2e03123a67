// Sailing rally scoring — RRS Appendix A low point, framework-free.
export { SailingScoringError, isSailingScoringError, type SailingScoringErrorKind } from './errors.js';
export {
  SAILING_SCORING_CODES,
  SAILING_SCORING_CODE_DESCRIPTIONS,
  isSailingScoringCode,
  isSailingNonFinisherCode,
  isSailingPenaltyCode,
  isSailingGivenPointsCode,
  roundSailingPoints,
  type SailingScoringCode,
  type SailingNonFinisherCode,
  type SailingPenaltyCode,
  type SailingGivenPointsCode,
} from './codes.js';
export {
  parseRaceInstant,
  elapsedRaceSeconds,
  correctedRaceSeconds,
  averageSpeedKnots,
  computeLegTiming,
  type LegTimingInput,
  type LegTiming,
} from './timing.js';
export {
  DEFAULT_SCORING_PENALTY_PERCENT,
  sailingDnfScore,
  sailingScoringPenaltyPoints,
  scoreRallyLeg,
  type RallyEntry,
  type RallyLeg,
  type RallyLegFinishResult,
  type RallyLegCodedResult,
  type RallyLegResultInput,
  type RallyLegScoringOptions,
  type ScoreRallyLegInput,
  type RallyLegScoreRow,
} from './leg-scoring.js';
export {
  scoreRallySeries,
  selectRallyDiscards,
  type RallySeriesScoreInput,
  type RallySeriesLegInput,
  type ScoreRallySeriesInput,
  type RallySeriesLegCell,
  type RallyTieBreakRule,
  type RallyTieBreak,
  type RallySeriesStandingRow,
} from './series-scoring.js';
export {
  rankRallyByCumulativeTime,
  type RallyCumulativeTimeRowInput,
  type RallyCumulativeTimeLegInput,
  type RankRallyByCumulativeTimeInput,
  type RallyCumulativeTimeRow,
} from './cumulative-time.js';
export { scoreRally, type RallyLegWithResults, type ScoreRallyInput, type ScoredRally } from './rally.js';
