import { describe, expect, it } from 'vitest';
import {
  applyLiveAction,
  INITIAL_LIVE_STATE,
  LIVE_POINTS,
  type LiveAction,
  type LiveState,
  periodLabel,
  replayLiveActions,
} from './live-score.js';

let counter = 0;
const id = () => `a${++counter}`;
const start = (): LiveAction => ({ clientEventId: id(), type: 'start' });
const score = (team: 'home' | 'away', points: number): LiveAction => ({
  clientEventId: id(),
  type: 'score',
  team,
  points,
});
const periodEnd = (): LiveAction => ({ clientEventId: id(), type: 'period-end' });
const final = (): LiveAction => ({ clientEventId: id(), type: 'final' });
const undo = (target: LiveAction): LiveAction => ({
  clientEventId: id(),
  type: 'undo',
  targetClientEventId: target.clientEventId,
});

/** Goals that add up to a period's points for one side: threes first, then twos, then a free throw. */
function goals(team: 'home' | 'away', points: number): LiveAction[] {
  const out: LiveAction[] = [];
  let left = points;
  for (; left >= 3; left -= 3) out.push(score(team, 3));
  for (; left >= 2; left -= 2) out.push(score(team, 2));
  if (left === 1) out.push(score(team, 1));
  return out;
}

function refusalOf(history: LiveAction[], action: LiveAction, points = LIVE_POINTS.fiba) {
  const outcome = applyLiveAction(replayLiveActions(history), history, action, points);
  return outcome.ok ? null : outcome.refusal.code;
}

describe('live score: a real game replayed period by period', () => {
  // FIBA Basketball World Cup 2023 final, Manila, 10 Sep 2023: Germany 83–77 Serbia.
  // Published running score after each quarter: 23–26, 47–47, 69–57, 83–77 (FIBA box score, as reported by spin.ph).
  const afterQuarter: Array<[number, number]> = [
    [23, 26],
    [47, 47],
    [69, 57],
    [83, 77],
  ];

  it('reaches each published quarter score and the final', () => {
    const log: LiveAction[] = [start()];
    let previous: [number, number] = [0, 0];
    for (const [q, [home, away]] of afterQuarter.entries()) {
      log.push(...goals('home', home - previous[0]), ...goals('away', away - previous[1]));
      expect(replayLiveActions(log)).toEqual({ status: 'live', period: q + 1, homeScore: home, awayScore: away });
      if (q < 3) log.push(periodEnd());
      previous = [home, away];
    }
    log.push(final());
    expect(replayLiveActions(log)).toEqual({ status: 'final', period: 4, homeScore: 83, awayScore: 77 });
  });

  it('refuses a final at the level half-time score (47–47): FIBA Art. 8.7 plays on', () => {
    const log = [start(), ...goals('home', 47), ...goals('away', 47)];
    expect(refusalOf(log, final())).toBe('level-score');
  });
});

describe('live score: rules table', () => {
  const live = [start()];
  const cases: Array<{
    name: string;
    history: LiveAction[];
    action: LiveAction;
    expected: string | null;
    points?: readonly number[];
  }> = [
    { name: 'a score before the start', history: [], action: score('home', 2), expected: 'not-live' },
    { name: 'a second start', history: live, action: start(), expected: 'already-started' },
    { name: 'four points in one goal', history: live, action: score('home', 4), expected: 'invalid-points' },
    { name: 'zero points', history: live, action: score('away', 0), expected: 'invalid-points' },
    {
      name: 'a three in FIBA 3x3 (Art. 7: 1 or 2 points)',
      history: live,
      action: score('home', 3),
      expected: 'invalid-points',
      points: LIVE_POINTS['fiba-3x3'],
    },
    {
      name: 'a two in FIBA 3x3',
      history: live,
      action: score('home', 2),
      expected: null,
      points: LIVE_POINTS['fiba-3x3'],
    },
    {
      name: 'an undo of an unknown action',
      history: live,
      action: { clientEventId: id(), type: 'undo', targetClientEventId: 'nope' },
      expected: 'unknown-target',
    },
    { name: 'an undo of the start', history: live, action: undo(live[0]!), expected: 'not-undoable' },
    { name: 'a final while 0–0', history: live, action: final(), expected: 'level-score' },
    { name: 'an end of period before the start', history: [], action: periodEnd(), expected: 'not-live' },
  ];
  it.each(cases)('$name', ({ history, action, expected, points }) => {
    expect(refusalOf(history, action, points)).toBe(expected);
  });

  it('scores nothing after the final', () => {
    const log = [start(), score('home', 2), final()];
    expect(refusalOf(log, score('away', 3))).toBe('not-live');
  });
});

describe('live score: undo is an action, never a deletion', () => {
  it('takes back a goal once; a second undo of it is refused', () => {
    const three = score('home', 3);
    const log = [start(), score('away', 2), three, undo(three)];
    expect(replayLiveActions(log)).toMatchObject({ homeScore: 0, awayScore: 2 });
    expect(refusalOf(log, undo(three))).toBe('not-undoable');
  });

  it('takes back only the latest end of period', () => {
    const first = periodEnd();
    const second = periodEnd();
    const log = [start(), first, second];
    expect(refusalOf(log, undo(first))).toBe('not-undoable');
    const undone = [...log, undo(second)];
    expect(replayLiveActions(undone).period).toBe(2);
    expect(refusalOf(undone, undo(first))).toBeNull();
  });

  it('goes to overtime when the fourth period ends level (period 5 = OT1)', () => {
    const log = [start(), periodEnd(), periodEnd(), periodEnd(), score('home', 2), score('away', 2), periodEnd()];
    const state: LiveState = replayLiveActions(log);
    expect(state).toEqual({ ...INITIAL_LIVE_STATE, status: 'live', period: 5, homeScore: 2, awayScore: 2 });
    expect(periodLabel(state.period)).toEqual({ kind: 'overtime', number: 1 });
    expect(periodLabel(4)).toEqual({ kind: 'quarter', number: 4 });
    expect(periodLabel(0)).toBeNull();
  });
});
