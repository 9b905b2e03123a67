// FIBA 3x3 pool classification.
//
// Rule text (FIBA 3x3 Official Rules of the Game, team ranking procedure; FIBA prints the same steps in each
// official competition's "Competition Format", e.g. FIBA 3x3 World Cup 2019 Qualifier and Youth Olympic Games 2018):
//   "If teams are tied after the first step, refer to the next one – and so on.
//    1. Most wins (or win ratio in case of unequal number of games in inter-pool comparison);
//    2. Head-to-head confrontation (only taking win/loss into account and applies within a pool only);
//    3. Most points scored in average (without considering winning scores of forfeits).
//    If teams are still tied after those three steps, the one(s) with the highest seeding win(s) the tie-breaker."
// Forfeits (Art. 6.4): the game score is set at w-0 / 0-w: the winner's score is not a number, so it is left out of
// the winner's average; the forfeiting team's 0 counts in its own.
//
// How we read the steps, where the text leaves room:
// - Head-to-head decides between exactly two tied teams (FIBA's tables: "Head-to-head record" for two-team ties); a
//   tie of three or more goes straight to the points average, and teams still level after it go to seeding — the
//   steps are applied once, in order, without restarting for a smaller tie.
// - Wins are compared as a win ratio whenever the teams being compared have not played the same number of games
//   (a pool still in progress), else as wins; the order is the same when the counts are equal.
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

export interface Fiba3x3GameResult {
  readonly homeTeamId: string;
  readonly awayTeamId: string;
  /** Null (or absent) for a forfeit: its score is w-0. Required otherwise. */
  readonly homeScore?: number | null;
  readonly awayScore?: number | null;
  /** The team that forfeited (Art. 6.4): it scores 0; the winner's score counts in no average. */
  readonly forfeitedBy?: string;
}

export interface Fiba3x3GroupInput {
  readonly teamIds: readonly string[];
  /** Finished games only. */
  readonly games: readonly Fiba3x3GameResult[];
  /** Every pool game has a result. */
  readonly groupComplete?: boolean;
  /** Seeding (1 = highest), the last step. Teams without a seed rank below seeded ones at that step. */
  readonly seeds?: Readonly<Record<string, number>>;
  /** Lots the organizer drew, in place of seeding, for teams still level after every step (once the pool is complete). */
  readonly lots?: readonly DrawnLot[];
}

export type Fiba3x3TieBreakCriterion =
  | 'head-to-head'
  | 'points-average'
  | 'seeding'
  /** Level on every step, no seeding, and the organizer recorded the lot drawn between them. */
  | 'lot'
  /** Level on every step and no seeding tells them apart: they share the rank (until a lot is recorded). */
  | 'level';

/** head-to-head: wins against the other tied team; points-average: points per counted game; seeding: the seed. */
export type Fiba3x3TieBreakValue = TieBreakValue;

/** `tiedWith`: the other teams level with this one on wins when the step was applied. */
export type Fiba3x3TieBreak = TieBreak<Fiba3x3TieBreakCriterion>;

export interface Fiba3x3StandingRow extends GroupStandingRecord {
  /** won / played, 0 before the first game. */
  readonly winRatio: number;
  /** Games whose score counts for the average (not the w of a forfeit win); `pointsFor` sums only these. */
  readonly gamesCounted: number;
  /** pointsFor / gamesCounted, rounded to 2 decimals; null when no game counts yet. */
  readonly pointsAverage: number | null;
  readonly tieBreak?: Fiba3x3TieBreak;
}

interface Game {
  readonly home: string;
  readonly away: string;
  readonly winner: string;
  /** Null for a forfeit. */
  readonly homeScore: number | null;
  readonly awayScore: number | null;
  readonly forfeitedBy: string | null;
}

interface Tally {
  played: number;
  won: number;
  lost: number;
  forfeits: number;
  pointsFor: number;
  pointsAgainst: number;
  gamesCounted: number;
}

type Decisive = Exclude<Fiba3x3TieBreakCriterion, 'level' | 'lot'>;

interface Placement {
  readonly teams: readonly string[];
  readonly criterion?: Decisive;
  readonly subset?: readonly string[];
  /** A recorded lot separated this team from the others in `tied`. */
  readonly lot?: LotPlaced;
}

/** Ranks a 3x3 pool. Deterministic and independent of input order. */
export function classifyFiba3x3Group(input: Fiba3x3GroupInput): Fiba3x3StandingRow[] {
  const teams = validateTeams(input.teamIds);
  const games = input.games.map((g, i) => normalizeGame(g, i, teams));
  const tallies = tally(games, teams);
  const seeds = input.seeds ?? {};

  const sameGameCount = new Set([...tallies.values()].map((t) => t.played)).size <= 1;
  const primary = (t: string): Fraction =>
    sameGameCount ? { n: get(tallies, t).won, d: 1 } : ratio(get(tallies, t).won, get(tallies, t).played);
  const placements = bucketsBy([...teams].sort(compareIds), primary)
    .flatMap((bucket) => (bucket.length === 1 ? [{ teams: bucket }] : breakTie(bucket, games, tallies, seeds)))
    .flatMap((p) => (input.groupComplete === true ? byLot(p, input.lots) : [p]));

  const order = placements.flatMap((p) => p.teams);
  const rows: Fiba3x3StandingRow[] = [];
  let position = 1;
  for (const placement of placements) {
    for (const teamId of placement.teams) {
      const t = get(tallies, teamId);
      const tieBreak = describe(teamId, placement, order, position, { games, tallies, seeds });
      rows.push({
        rank: position,
        teamId,
        played: t.played,
        won: t.won,
        lost: t.lost,
        forfeits: t.forfeits,
        winRatio: t.played === 0 ? 0 : round2(t.won / t.played),
        pointsFor: t.pointsFor,
        pointsAgainst: t.pointsAgainst,
        gamesCounted: t.gamesCounted,
        pointsAverage: t.gamesCounted === 0 ? null : round2(t.pointsFor / t.gamesCounted),
        ...(tieBreak ? { tieBreak } : {}),
      });
    }
    position += placement.teams.length;
  }
  return rows;
}

/** Steps 2, 3 and seeding, each applied once to the teams still level after the step before. */
function breakTie(
  subset: readonly string[],
  games: readonly Game[],
  tallies: ReadonlyMap<string, Tally>,
  seeds: Readonly<Record<string, number>>,
): Placement[] {
  const steps: Decisive[] =
    subset.length === 2 ? ['head-to-head', 'points-average', 'seeding'] : ['points-average', 'seeding'];
  return applySteps(subset, steps, { games, tallies, seeds });
}

interface Context {
  readonly games: readonly Game[];
  readonly tallies: ReadonlyMap<string, Tally>;
  readonly seeds: Readonly<Record<string, number>>;
}

function applySteps(subset: readonly string[], steps: readonly Decisive[], ctx: Context): Placement[] {
  const [step, ...rest] = steps;
  if (step === undefined) return [{ teams: subset }];
  const buckets = bucketsBy(subset, (t) => stepValue(step, t, subset, ctx));
  if (buckets.length === 1) return applySteps(subset, rest, ctx);
  return buckets.flatMap((b) => (b.length === 1 ? [{ teams: b, criterion: step, subset }] : applySteps(b, rest, ctx)));
}

/** A step's value as a fraction; higher ranks first. */
function stepValue(step: Decisive, teamId: string, subset: readonly string[], ctx: Context): Fraction {
  switch (step) {
    case 'head-to-head': {
      const others = new Set(subset.filter((t) => t !== teamId));
      const wins = ctx.games.filter((g) => g.winner === teamId && (others.has(g.home) || others.has(g.away))).length;
      return { n: wins, d: 1 };
    }
    case 'points-average': {
      const t = get(ctx.tallies, teamId);
      return t.gamesCounted === 0 ? { n: 0, d: 1 } : ratio(t.pointsFor, t.gamesCounted);
    }
    case 'seeding': {
      // Seed 1 is the highest: rank by the negated seed; unseeded teams come after every seeded one.
      const seed = ctx.seeds[teamId];
      return seed === undefined ? { n: Number.NEGATIVE_INFINITY, d: 1 } : { n: -seed, d: 1 };
    }
  }
}

function describe(
  teamId: string,
  placement: Placement,
  order: readonly string[],
  rank: number,
  ctx: Context,
): Fiba3x3TieBreak | undefined {
  if (placement.lot)
    return lotTieBreak(teamId, placement.lot, 'on wins, head-to-head and points average, with no seeding');

  if (placement.teams.length > 1) {
    const others = placement.teams.filter((t) => t !== teamId);
    return {
      criterion: 'level',
      tiedWith: others,
      values: [],
      explanation: `Level with ${list(others)} on wins, head-to-head and points average, and no seeding separates them; shares rank ${rank}`,
    };
  }
  const { criterion, subset } = placement;
  if (!criterion || !subset) return undefined;
  const inOrder = [...subset].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const others = inOrder.filter((t) => t !== teamId);
  const shown = (t: string): number => displayValue(criterion, t, subset, ctx);
  const values = inOrder.map((t) => ({ teamId: t, value: shown(t) }));
  const position = inOrder.indexOf(teamId);
  const behind = inOrder.slice(0, position);
  const ahead = inOrder.slice(position + 1);
  const clauses = [
    ...(behind.length > 0 ? [`behind ${list(behind)}`] : []),
    ...(ahead.length > 0 ? [`ahead of ${list(ahead)}`] : []),
  ];
  const numbers = `${fmt(criterion, shown(teamId))} vs ${others.map((t) => fmt(criterion, shown(t))).join(', ')}`;
  const sentence = `${clauses.join(' and ')} on ${LABELS[criterion]} (${numbers})`;
  return { criterion, tiedWith: others, values, explanation: sentence.charAt(0).toUpperCase() + sentence.slice(1) };
}

function displayValue(criterion: Decisive, teamId: string, subset: readonly string[], ctx: Context): number {
  if (criterion === 'seeding') return ctx.seeds[teamId] ?? 0;
  const v = stepValue(criterion, teamId, subset, ctx);
  return round2(v.n / v.d);
}

const fmt = (criterion: Decisive, v: number): string =>
  criterion === 'seeding' ? (v === 0 ? 'unseeded' : `seed ${v}`) : String(v);

const LABELS: Record<Decisive, string> = {
  'head-to-head': 'the game between them (wins)',
  'points-average': 'points scored per game (forfeit wins left out)',
  seeding: 'seeding',
};

// ---- tallies and input --------------------------------------------------------------------------

function tally(games: readonly Game[], teams: Iterable<string>): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const t of teams)
    out.set(t, { played: 0, won: 0, lost: 0, forfeits: 0, pointsFor: 0, pointsAgainst: 0, gamesCounted: 0 });
  for (const g of games) {
    record(get(out, g.home), g, g.home, g.homeScore, g.awayScore);
    record(get(out, g.away), g, g.away, g.awayScore, g.homeScore);
  }
  return out;
}

function record(t: Tally, g: Game, teamId: string, scored: number | null, conceded: number | null): void {
  t.played += 1;
  if (g.winner === teamId) t.won += 1;
  else t.lost += 1;
  if (g.forfeitedBy === null) {
    t.pointsFor += scored ?? 0;
    t.pointsAgainst += conceded ?? 0;
    t.gamesCounted += 1;
  } else if (g.forfeitedBy === teamId) {
    // 0-w: the forfeiting team's 0 counts in its average; the w conceded is no number.
    t.forfeits += 1;
    t.gamesCounted += 1;
  }
}

function normalizeGame(g: Fiba3x3GameResult, index: number, teams: ReadonlySet<string>): Game {
  const where = `Game #${index + 1} (${g.homeTeamId} v ${g.awayTeamId})`;
  for (const id of [g.homeTeamId, g.awayTeamId]) {
    if (!teams.has(id)) throw new BasketballRuleError('unknown-team', `${where}: team "${id}" is not in the pool`);
  }
  if (g.homeTeamId === g.awayTeamId)
    throw new BasketballRuleError('invalid-game', `${where}: a team cannot play itself`);
  if (g.forfeitedBy !== undefined) {
    if (g.forfeitedBy !== g.homeTeamId && g.forfeitedBy !== g.awayTeamId) {
      throw new BasketballRuleError('invalid-game', `${where}: forfeitedBy "${g.forfeitedBy}" did not play in it`);
    }
    const winner = g.forfeitedBy === g.homeTeamId ? g.awayTeamId : g.homeTeamId;
    return {
      home: g.homeTeamId,
      away: g.awayTeamId,
      winner,
      homeScore: null,
      awayScore: null,
      forfeitedBy: g.forfeitedBy,
    };
  }
  const { homeScore, awayScore } = g;
  if (homeScore === undefined || homeScore === null || awayScore === undefined || awayScore === null) {
    throw new BasketballRuleError('invalid-game', `${where}: a game that was not forfeited needs both scores`);
  }
  for (const s of [homeScore, awayScore]) {
    if (!Number.isInteger(s) || s < 0)
      throw new BasketballRuleError('invalid-game', `${where}: score ${s} is not a non-negative integer`);
  }
  if (homeScore === awayScore) throw new BasketballRuleError('invalid-game', `${where}: a 3x3 game cannot end level`);
  const winner = homeScore > awayScore ? g.homeTeamId : g.awayTeamId;
  return { home: g.homeTeamId, away: g.awayTeamId, winner, homeScore, awayScore, forfeitedBy: null };
}

// ---- exact comparison ---------------------------------------------------------------------------

/** Averages and ratios compare exactly (no floating-point ties or splits). */
interface Fraction {
  readonly n: number;
  readonly d: number;
}

const ratio = (n: number, d: number): Fraction => (d === 0 ? { n: 0, d: 1 } : { n, d });

function compareFractions(a: Fraction, b: Fraction): number {
  if (!Number.isFinite(a.n) || !Number.isFinite(b.n)) return a.n === b.n ? 0 : a.n < b.n ? -1 : 1;
  return a.n * b.d - b.n * a.d;
}

/** Groups of equal value, highest first; each group keeps id order. */
function bucketsBy(items: readonly string[], value: (t: string) => Fraction): string[][] {
  const sorted = [...items].sort((a, b) => compareFractions(value(b), value(a)) || compareIds(a, b));
  const out: string[][] = [];
  let last: Fraction | undefined;
  for (const t of sorted) {
    const v = value(t);
    const current = out[out.length - 1];
    if (current && last && compareFractions(v, last) === 0) current.push(t);
    else out.push([t]);
    last = v;
  }
  return out;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** The last step: a tie nothing else separates, one placement per team in the order drawn (when a lot is recorded). */
function byLot(placement: Placement, lots: readonly DrawnLot[] | undefined): Placement[] {
  return placeByLot(placement.teams, lots)?.map(({ teamId, lot }) => ({ teams: [teamId], lot })) ?? [placement];
}
