/**
 * Live scoring as an append-only log: a game's status, period and score are whatever its actions
 * add up to, and an undo is one more action that cancels an earlier one, never a deletion.
 *
 * FIBA Official Basketball Rules 2024: a game has four periods (Art. 8.1); a game tied at the end of
 * the fourth goes to as many overtime periods as it takes (Art. 8.7), so it can never end level.
 * A goal counts 1 (free throw), 2 or 3 points (Art. 16.2); FIBA 3x3 counts 1 or 2 (3x3 Rules Art. 7).
 */

export type LiveSide = 'home' | 'away';
export type LiveGameStatus = 'scheduled' | 'live' | 'final';

export type LiveAction =
  | { clientEventId: string; type: 'start' }
  | { clientEventId: string; type: 'score'; team: LiveSide; points: number }
  | { clientEventId: string; type: 'period-end' }
  | { clientEventId: string; type: 'undo'; targetClientEventId: string }
  | { clientEventId: string; type: 'final' };

export type LiveActionType = LiveAction['type'];
export const LIVE_ACTION_TYPES: readonly LiveActionType[] = ['start', 'score', 'period-end', 'undo', 'final'];

export type LiveState = { status: LiveGameStatus; period: number; homeScore: number; awayScore: number };

/** The goals a shot can be worth under a ruleset. */
export const LIVE_POINTS: Readonly<Record<'fiba' | 'fiba-3x3', readonly number[]>> = {
  fiba: [1, 2, 3],
  'fiba-3x3': [1, 2],
};

export type LiveRefusalCode =
  /** A scoring action (or an end of period, an undo, a final) on a game that is not being played. */
  | 'not-live'
  /** `start` on a game that already started or ended. */
  | 'already-started'
  /** Points the ruleset does not know (4, or 3 in 3x3). */
  | 'invalid-points'
  /** `undo` naming no action of this game. */
  | 'unknown-target'
  /** `undo` of an action that cannot be undone (start, final, an undo) or is already undone. */
  | 'not-undoable'
  /** `final` with the score level: play overtime. */
  | 'level-score';

export type LiveRefusal = { code: LiveRefusalCode; message: string; field: string };
export type LiveOutcome = { ok: true; state: LiveState } | { ok: false; refusal: LiveRefusal };

export const INITIAL_LIVE_STATE: LiveState = { status: 'scheduled', period: 0, homeScore: 0, awayScore: 0 };

/** Folds a game's accepted actions, oldest first, into its current state. */
export function replayLiveActions(actions: readonly LiveAction[], initial: LiveState = INITIAL_LIVE_STATE): LiveState {
  let state = initial;
  const applied: LiveAction[] = [];
  for (const action of actions) {
    const outcome = applyLiveAction(state, applied, action);
    if (!outcome.ok)
      throw new Error(
        `The log holds an action that its rules refuse (${action.clientEventId}: ${outcome.refusal.message})`,
      );
    state = outcome.state;
    applied.push(action);
  }
  return state;
}

/**
 * The state after `action`, given the state that `history` (the game's earlier actions, oldest
 * first) produced; or why the rules refuse it. `pointValues` is the ruleset's (LIVE_POINTS).
 */
export function applyLiveAction(
  state: LiveState,
  history: readonly LiveAction[],
  action: LiveAction,
  pointValues: readonly number[] = LIVE_POINTS.fiba,
): LiveOutcome {
  switch (action.type) {
    case 'start':
      if (state.status !== 'scheduled')
        return refuse('already-started', `The game is already ${state.status}.`, 'type');
      return { ok: true, state: { ...state, status: 'live', period: 1 } };
    case 'score':
      if (state.status !== 'live') return notLive(state);
      if (!pointValues.includes(action.points))
        return refuse(
          'invalid-points',
          `A goal counts ${pointValues.join(', ')} point(s) under this ruleset.`,
          'points',
        );
      return { ok: true, state: withPoints(state, action.team, action.points) };
    case 'period-end':
      if (state.status !== 'live') return notLive(state);
      return { ok: true, state: { ...state, period: state.period + 1 } };
    case 'undo':
      return undo(state, history, action.targetClientEventId);
    case 'final':
      if (state.status !== 'live') return notLive(state);
      if (state.homeScore === state.awayScore)
        return refuse('level-score', 'A basketball game cannot end level: play overtime.', 'type');
      return { ok: true, state: { ...state, status: 'final' } };
  }
}

function undo(state: LiveState, history: readonly LiveAction[], targetId: string): LiveOutcome {
  if (state.status !== 'live') return notLive(state);
  const target = history.find((a) => a.clientEventId === targetId);
  if (!target) return refuse('unknown-target', `No action '${targetId}' in this game.`, 'targetClientEventId');
  if (isUndone(history, targetId))
    return refuse('not-undoable', 'That action is already undone.', 'targetClientEventId');
  if (target.type === 'score') return { ok: true, state: withPoints(state, target.team, -target.points) };
  if (target.type === 'period-end') {
    // Only the latest end of period can be taken back, or periods would no longer follow each other.
    const later = history
      .slice(history.indexOf(target) + 1)
      .some((a) => a.type === 'period-end' && !isUndone(history, a.clientEventId));
    if (later) return refuse('not-undoable', 'Only the latest end of period can be undone.', 'targetClientEventId');
    return { ok: true, state: { ...state, period: state.period - 1 } };
  }
  return refuse('not-undoable', `A '${target.type}' cannot be undone.`, 'targetClientEventId');
}

const isUndone = (history: readonly LiveAction[], id: string): boolean =>
  history.some((a) => a.type === 'undo' && a.targetClientEventId === id);

function withPoints(state: LiveState, team: LiveSide, points: number): LiveState {
  return team === 'home'
    ? { ...state, homeScore: state.homeScore + points }
    : { ...state, awayScore: state.awayScore + points };
}

const notLive = (state: LiveState): LiveOutcome => refuse('not-live', `The game is ${state.status}, not live.`, 'type');
const refuse = (code: LiveRefusalCode, message: string, field: string): LiveOutcome => ({
  ok: false,
  refusal: { code, message, field },
});

/** FIBA Art. 8.1 / 8.7: periods 1–4 are quarters, 5 and later overtime (OT1, OT2, …). */
export function periodLabel(period: number): { kind: 'quarter' | 'overtime'; number: number } | null {
  if (period < 1) return null;
  return period <= 4 ? { kind: 'quarter', number: period } : { kind: 'overtime', number: period - 4 };
}
