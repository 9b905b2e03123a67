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
