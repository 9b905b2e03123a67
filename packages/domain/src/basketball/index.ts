// Basketball rules: FIBA classification, fixtures, slot scheduling and playoffs.
export { BasketballRuleError, type BasketballRuleErrorCode } from './errors.js';
export {
  classifyFibaGroup,
  type FibaGameResult,
  type FibaGroupInput,
  type FibaStandingRow,
  type FibaTieBreak,
  type FibaTieBreakCriterion,
  type FibaTieBreakValue,
} from './classification.js';
export {
  classifyFiba3x3Group,
  type Fiba3x3GameResult,
  type Fiba3x3GroupInput,
  type Fiba3x3StandingRow,
  type Fiba3x3TieBreak,
  type Fiba3x3TieBreakCriterion,
  type Fiba3x3TieBreakValue,
} from './classification-3x3.js';
export {
  assertFiba3x3Score,
  FIBA_3X3_OVERTIME_POINTS,
  FIBA_3X3_SCORE_LIMIT,
  fiba3x3ScoreProblems,
  type Fiba3x3FinalScore,
  type Fiba3x3ScoreProblem,
  type Fiba3x3ScoreProblemField,
} from './result-3x3.js';
export {
  generateRoundRobin,
  snakeGroups,
  type RoundRobinOptions,
  type RoundRobinPairing,
  type RoundRobinRound,
} from './round-robin.js';
export {
  findScheduleConflicts,
  scheduleMatchSlots,
  type MatchScheduleCandidate,
  type MatchScheduleConflict,
  type MatchScheduleConflictKind,
  type MatchScheduleRules,
  type MatchSlotCourt,
  type MatchSlotInput,
  type MatchSlotSchedule,
  type PlacedMatchSlot,
  type SchedulablePairing,
  type ScheduledMatchRef,
  type UnplacedMatchSlot,
  type UnplacedMatchSlotReason,
} from './slot-scheduler.js';
export {
  advanceBracket,
  createPlayoffBracket,
  playoffSeedsFromGroups,
  seedPlayoffsFromGroups,
  THIRD_PLACE_MATCH_ID,
  type PlayoffBracket,
  type PlayoffBracketOptions,
  type PlayoffGroupStanding,
  type PlayoffMatch,
  type PlayoffMatchStatus,
  type PlayoffResult,
  type PlayoffSeed,
  type PlayoffSide,
  type PlayoffSideSource,
} from './playoffs.js';
