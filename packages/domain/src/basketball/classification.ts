// FIBA classification of teams in a round-robin group — Official Basketball Rules 2022/2024, Appendix D.
import { type DrawnLot, type LotPlaced, lotTieBreak, placeByLot } from './drawn-lots.js';
import { BasketballRuleError } from './errors.js';
import {
  compareIds,
  getTeam as get,
  type GroupStandingRecord,
  listTeams as list,
  type TieBreak,
  type TieBreakValue,
  validateTeamIds as validateTeams,
} from './group-support.js';

export interface FibaGameResult {
  readonly homeTeamId: string;
  readonly awayTeamId: string;
  readonly homeScore: number;
  readonly awayScore: number;
  /**
   * The team that forfeited. The game then counts 20–0 for the opponent (Art. 20) whatever
   * scores were entered, so a typo in a forfeited game can never move a tie-break.
   * A game lost by default (Art. 21) is an ordinary result with its recorded score.
   */
  readonly forfeitedBy?: string;
}

export interface FibaGroupInput {
  /** Every team of the group, so teams that have not played yet still get a row. */
  readonly teamIds: readonly string[];
  /** Finished games only. */
  readonly games: readonly FibaGameResult[];
  /** The group is complete once this many games are finished. */
  readonly totalGamesScheduled?: number;
  /** Explicit completeness; wins over `totalGamesScheduled` when given. */
  readonly groupComplete?: boolean;
  /** Lots the organizer drew for ties that nothing else separates (applied once the group is complete). */
  readonly lots?: readonly DrawnLot[];
}

export type FibaTieBreakCriterion =
  | 'head-to-head-points'
  | 'head-to-head-diff'
  | 'head-to-head-scored'
  | 'overall-diff'
  | 'overall-scored'
  /** Group complete and still level on every criterion: a draw decides (D.1.3). */
  | 'lot'
  /** Still level on every criterion while games remain: the teams share the rank (D.1.3). */
  | 'level';

export type FibaTieBreakValue = TieBreakValue;

/** `criterion` is the deepest step after D.1.4 restarts; `values` is empty for lot/level. */
export type FibaTieBreak = TieBreak<FibaTieBreakCriterion>;

export interface FibaStandingRow extends GroupStandingRecord {
  readonly classificationPoints: number;
  readonly pointsDiff: number;
  readonly tieBreak?: FibaTieBreak;
  /**
   * Set when the group is complete and the team is still level with others: the organizer must
   * draw lots. Until a lot is recorded we keep the shared rank (ordered by team id) rather than invent an order.
   */
  readonly decidedByLot?: true;
}

const FORFEIT_WINNER_SCORE = 20;

type Decisive = Exclude<FibaTieBreakCriterion, 'lot' | 'level'>;
const CRITERIA: readonly Decisive[] = [
  'head-to-head-points',
  'head-to-head-diff',
  'head-to-head-scored',
  'overall-diff',
  'overall-scored',
];

interface Game {
  readonly home: string;
  readonly away: string;
  readonly homeScore: number;
  readonly awayScore: number;
  readonly forfeitedBy: string | undefined;
}

interface Tally {
  played: number;
  won: number;
  lost: number;
  forfeits: number;
  classificationPoints: number;
  pointsFor: number;
  pointsAgainst: number;
}

interface Step {
  readonly criterion: Decisive;
  readonly subset: readonly string[];
  readonly values: ReadonlyMap<string, number>;
}

/** One place in the order: a single team, or several that nothing separates. */
interface Placement {
  readonly teams: readonly string[];
  readonly step?: Step;
  /** A recorded lot separated this team from the others in `tied`. */
  readonly lot?: LotPlaced;
}

/** Ranks a group by FIBA Appendix D. Deterministic and independent of input order. */
export function classifyFibaGroup(input: FibaGroupInput): FibaStandingRow[] {
  const teams = validateTeams(input.teamIds);
  const games = input.games.map((g, i) => normalizeGame(g, i, teams));
  const complete = isComplete(input, games.length);
  const overall = tally(games, teams);

  const byPoints = bucketsBy([...teams].sort(compareIds), (t) => get(overall, t).classificationPoints);
  const placements = byPoints
    .flatMap((bucket) => (bucket.length === 1 ? [{ teams: bucket }] : resolveTie(bucket, games, overall)))
    .flatMap((p) => (complete ? byLot(p, input.lots) : [p]));

  const order = placements.flatMap((p) => p.teams);
  const rows: FibaStandingRow[] = [];
  let position = 1;
  for (const placement of placements) {
    for (const teamId of placement.teams) {
      const t = get(overall, teamId);
      const tieBreak = describe(teamId, placement, order, complete, position);
      rows.push({
        rank: position,
        teamId,
        played: t.played,
        won: t.won,
        lost: t.lost,
        forfeits: t.forfeits,
        classificationPoints: t.classificationPoints,
        pointsFor: t.pointsFor,
        pointsAgainst: t.pointsAgainst,
        pointsDiff: t.pointsFor - t.pointsAgainst,
        ...(tieBreak ? { tieBreak } : {}),
        ...(tieBreak?.criterion === 'lot' ? { decidedByLot: true as const } : {}),
      });
    }
    position += placement.teams.length;
  }
  return rows;
}

/** D.1.3 criteria (a)–(e) on the tied subset; D.1.4: restart from (a) for every part still tied. */
function resolveTie(
  subset: readonly string[],
  games: readonly Game[],
  overall: ReadonlyMap<string, Tally>,
): Placement[] {
  const inSubset = new Set(subset);
  const h2h = tally(
    games.filter((g) => inSubset.has(g.home) && inSubset.has(g.away)),
    subset,
  );
  for (const criterion of CRITERIA) {
    const values = new Map(subset.map((t) => [t, criterionValue(criterion, get(h2h, t), get(overall, t))]));
    const buckets = bucketsBy(subset, (t) => values.get(t) ?? 0);
    if (buckets.length > 1) {
      const step: Step = { criterion, subset, values };
      return buckets.flatMap((b) => (b.length === 1 ? [{ teams: b, step }] : resolveTie(b, games, overall)));
    }
  }
  return [{ teams: subset }];
}

function criterionValue(criterion: Decisive, h2h: Tally, all: Tally): number {
  switch (criterion) {
    case 'head-to-head-points':
      return h2h.classificationPoints;
    case 'head-to-head-diff':
      return h2h.pointsFor - h2h.pointsAgainst;
    case 'head-to-head-scored':
      return h2h.pointsFor;
    case 'overall-diff':
      return all.pointsFor - all.pointsAgainst;
    case 'overall-scored':
      return all.pointsFor;
  }
}

function tally(games: readonly Game[], teams: Iterable<string>): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const t of teams) {
    out.set(t, { played: 0, won: 0, lost: 0, forfeits: 0, classificationPoints: 0, pointsFor: 0, pointsAgainst: 0 });
  }
  for (const g of games) {
    record(get(out, g.home), g.homeScore, g.awayScore, g.forfeitedBy === g.home);
    record(get(out, g.away), g.awayScore, g.homeScore, g.forfeitedBy === g.away);
  }
  return out;
}

function record(t: Tally, scored: number, conceded: number, forfeited: boolean): void {
  t.played += 1;
  t.pointsFor += scored;
  t.pointsAgainst += conceded;
  if (scored > conceded) {
    t.won += 1;
    t.classificationPoints += 2;
  } else {
    t.lost += 1;
    if (forfeited) t.forfeits += 1;
    else t.classificationPoints += 1;
  }
}

function describe(
  teamId: string,
  placement: Placement,
  order: readonly string[],
  complete: boolean,
  rank: number,
): FibaTieBreak | undefined {
  if (placement.lot) return lotTieBreak(teamId, placement.lot, 'on every criterion');

  if (placement.teams.length > 1) {
    const others = placement.teams.filter((t) => t !== teamId);
    const criterion = complete ? 'lot' : 'level';
    const explanation = complete
      ? `Level with ${list(others)} on every criterion; the group is complete, so lots decide (shares rank ${rank})`
      : `Level with ${list(others)} on every criterion so far; shares rank ${rank} while group games remain`;
    return { criterion, tiedWith: others, values: [], explanation };
  }
  const step = placement.step;
  if (!step) return undefined;
  const inOrder = [...step.subset].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const value = (t: string): number => step.values.get(t) ?? 0;
  const others = inOrder.filter((t) => t !== teamId);
  const own = value(teamId);
  const clauses = [
    ...(others.some((t) => value(t) > own) ? [`behind ${list(others.filter((t) => value(t) > own))}`] : []),
    ...(others.some((t) => value(t) < own) ? [`ahead of ${list(others.filter((t) => value(t) < own))}`] : []),
  ];
  const fmt = (v: number): string => (step.criterion.endsWith('-diff') && v > 0 ? `+${v}` : String(v));
  const shown = `${fmt(own)} vs ${others.map((t) => fmt(value(t))).join(', ')}`;
  const sentence = `${clauses.join(' and ')} on ${LABELS[step.criterion]} (${shown})`;
  return {
    criterion: step.criterion,
    tiedWith: others,
    values: inOrder.map((t) => ({ teamId: t, value: value(t) })),
    explanation: sentence.charAt(0).toUpperCase() + sentence.slice(1),
  };
}

const LABELS: Record<Decisive, string> = {
  'head-to-head-points': 'head-to-head classification points',
  'head-to-head-diff': 'head-to-head points difference',
  'head-to-head-scored': 'head-to-head points scored',
  'overall-diff': 'points difference in all group games',
  'overall-scored': 'points scored in all group games',
};

/** Splits into groups of equal value, highest value first; each group keeps id order. */
function bucketsBy(items: readonly string[], value: (t: string) => number): string[][] {
  const sorted = [...items].sort((a, b) => value(b) - value(a) || compareIds(a, b));
  const out: string[][] = [];
  let last: number | undefined;
  for (const t of sorted) {
    const v = value(t);
    const current = out[out.length - 1];
    if (current && v === last) current.push(t);
    else out.push([t]);
    last = v;
  }
  return out;
}

function isComplete(input: FibaGroupInput, finished: number): boolean {
  if (input.groupComplete !== undefined) return input.groupComplete;
  const total = input.totalGamesScheduled;
  if (total === undefined) return false;
  if (!Number.isInteger(total) || total < 0) {
    throw new BasketballRuleError(
      'invalid-argument',
      `totalGamesScheduled must be a non-negative integer, got ${total}`,
    );
  }
  if (finished > total) {
    throw new BasketballRuleError('invalid-argument', `${finished} games finished but only ${total} scheduled`);
  }
  return finished === total;
}

function normalizeGame(g: FibaGameResult, index: number, teams: ReadonlySet<string>): Game {
  const where = `Game #${index + 1} (${g.homeTeamId} v ${g.awayTeamId})`;
  for (const id of [g.homeTeamId, g.awayTeamId]) {
    if (!teams.has(id)) throw new BasketballRuleError('unknown-team', `${where}: team "${id}" is not in the group`);
  }
  if (g.homeTeamId === g.awayTeamId)
    throw new BasketballRuleError('invalid-game', `${where}: a team cannot play itself`);
  if (g.forfeitedBy !== undefined) {
    if (g.forfeitedBy !== g.homeTeamId && g.forfeitedBy !== g.awayTeamId) {
      throw new BasketballRuleError('invalid-game', `${where}: forfeitedBy "${g.forfeitedBy}" did not play in it`);
    }
    const homeForfeited = g.forfeitedBy === g.homeTeamId;
    return {
      home: g.homeTeamId,
      away: g.awayTeamId,
      homeScore: homeForfeited ? 0 : FORFEIT_WINNER_SCORE,
      awayScore: homeForfeited ? FORFEIT_WINNER_SCORE : 0,
      forfeitedBy: g.forfeitedBy,
    };
  }
  for (const s of [g.homeScore, g.awayScore]) {
    if (!Number.isInteger(s) || s < 0) {
      throw new BasketballRuleError('invalid-game', `${where}: score ${s} is not a non-negative integer`);
    }
  }
  if (g.homeScore === g.awayScore)
    throw new BasketballRuleError('invalid-game', `${where}: basketball games cannot end level`);
  return {
    home: g.homeTeamId,
    away: g.awayTeamId,
    homeScore: g.homeScore,
    awayScore: g.awayScore,
    forfeitedBy: undefined,
  };
}

/** The last step: a tie nothing else separates, one placement per team in the order drawn (when a lot is recorded). */
function byLot(placement: Placement, lots: readonly DrawnLot[] | undefined): Placement[] {
  return placeByLot(placement.teams, lots)?.map(({ teamId, lot }) => ({ teams: [teamId], lot })) ?? [placement];
}
