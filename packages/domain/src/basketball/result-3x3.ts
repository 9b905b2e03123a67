// What a FIBA 3x3 final score can be — FIBA 3x3 Official Rules of the Game, Art. 6 (Playing time / Winner of a game).
//
// Art. 6.1–6.2: one period of 10 minutes; the first team to score 21 points or more wins before the end of regular
//   playing time ("sudden death"; the score limit applies to regular playing time only).
// Art. 6.3: level at the end of regular time → overtime, won by the first team to score 2 points in it.
// Shots score 1 or 2 (Art. 5), so the basket that reaches 21 is scored from 19 or 20: a regulation winner has at
// most 22 (e.g. Canada 22–4 Brazil and USA 22–12 Uganda, FIBA 3x3 World Cup 2018, pool games of 11 June 2018).
import { BasketballRuleError } from './errors.js';

/** The score limit of regular playing time (Art. 6.2). */
export const FIBA_3X3_SCORE_LIMIT = 21;
/** Points that win an overtime (Art. 6.3). */
export const FIBA_3X3_OVERTIME_POINTS = 2;
/** Largest single score: a 2-point shot (Art. 5.2). */
const BIGGEST_SHOT = 2;

export interface Fiba3x3FinalScore {
  readonly homeScore: number;
  readonly awayScore: number;
  /** The game went to overtime (Art. 6.3). */
  readonly overtime: boolean;
}

export type Fiba3x3ScoreProblemField = 'homeScore' | 'awayScore' | 'overtime';

export interface Fiba3x3ScoreProblem {
  readonly field: Fiba3x3ScoreProblemField;
  readonly message: string;
}

/**
 * Every reason a final score cannot have happened under Art. 6, or [] if it can. It checks only what the
 * final score alone can tell (a game's course is not known here).
 */
export function fiba3x3ScoreProblems(score: Fiba3x3FinalScore): Fiba3x3ScoreProblem[] {
  const { homeScore, awayScore, overtime } = score;
  for (const s of [homeScore, awayScore]) {
    if (!Number.isInteger(s) || s < 0)
      throw new BasketballRuleError('invalid-argument', `score ${s} is not a non-negative integer`);
  }
  if (homeScore === awayScore) {
    return [
      {
        field: 'homeScore',
        message: 'equals awayScore: a 3x3 game level after regular time goes to overtime (Art. 6.3)',
      },
    ];
  }
  const homeWon = homeScore > awayScore;
  const winner = homeWon ? homeScore : awayScore;
  const loser = homeWon ? awayScore : homeScore;
  const winnerField: Fiba3x3ScoreProblemField = homeWon ? 'homeScore' : 'awayScore';
  const loserField: Fiba3x3ScoreProblemField = homeWon ? 'awayScore' : 'homeScore';
  return overtime
    ? overtimeProblems(winner, loser, winnerField, loserField)
    : regulationProblems(winner, loser, winnerField, loserField);
}

/** Throws when the score is impossible; for callers that only need a yes/no. */
export function assertFiba3x3Score(score: Fiba3x3FinalScore): void {
  const problems = fiba3x3ScoreProblems(score);
  const first = problems[0];
  if (first) throw new BasketballRuleError('invalid-result', `${first.field} ${first.message}`);
}

function regulationProblems(
  winner: number,
  loser: number,
  winnerField: Fiba3x3ScoreProblemField,
  loserField: Fiba3x3ScoreProblemField,
): Fiba3x3ScoreProblem[] {
  const problems: Fiba3x3ScoreProblem[] = [];
  const most = FIBA_3X3_SCORE_LIMIT - 1 + BIGGEST_SHOT;
  if (winner > most) {
    problems.push({
      field: winnerField,
      message: `is above ${most}: the game ends when a team reaches ${FIBA_3X3_SCORE_LIMIT}, with a basket of at most ${BIGGEST_SHOT} (Art. 6.2)`,
    });
  }
  if (loser >= FIBA_3X3_SCORE_LIMIT) {
    problems.push({
      field: loserField,
      message: `is ${loser}: a team that reaches ${FIBA_3X3_SCORE_LIMIT} in regular time wins (Art. 6.2)`,
    });
  }
  return problems;
}

/**
 * Level at T ≤ 20 after regular time (neither reached 21); then the winner scores 2 or 3 in overtime (1 + a
 * 2-pointer) while the loser scores 0 or 1. So the margin is 1–3, the loser has at most 21, a margin of 3 means
 * the loser scored nothing in overtime (≤ 20), and a margin of 1 means the loser scored 1 in it (≥ 1).
 */
function overtimeProblems(
  winner: number,
  loser: number,
  winnerField: Fiba3x3ScoreProblemField,
  loserField: Fiba3x3ScoreProblemField,
): Fiba3x3ScoreProblem[] {
  const margin = winner - loser;
  const levelMost = FIBA_3X3_SCORE_LIMIT - 1;
  if (margin > FIBA_3X3_OVERTIME_POINTS + 1) {
    return [
      {
        field: winnerField,
        message: `wins overtime by ${margin}: overtime ends when a team has scored ${FIBA_3X3_OVERTIME_POINTS} in it, so the margin is 1 to 3 (Art. 6.3)`,
      },
    ];
  }
  if (loser > levelMost + 1 || (margin === 3 && loser > levelMost)) {
    return [
      {
        field: loserField,
        message: `is too high for overtime: the score was level at ${levelMost} or less after regular time (Art. 6.2–6.3)`,
      },
    ];
  }
  if (margin === 1 && loser === 0) {
    return [
      {
        field: 'overtime',
        message: `cannot be won 1–0: the winner of overtime scores ${FIBA_3X3_OVERTIME_POINTS} (Art. 6.3)`,
      },
    ];
  }
  return [];
}
