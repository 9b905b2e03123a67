// Group stage → knockout: ranking teams of one place across groups, and the first-round draw.
//
// Ranking across groups
// - FIBA (five-a-side). FIBA's competition regulations (e.g. FIBA Basketball World Cup 2019 Regulations, "comparative
//   ranking … between the teams placed on the same position in the groups"): the teams in question form one group;
//   1. better win–loss record of all their games, 2. higher points difference, 3. more points scored; if still level,
//   a draw decides (quoted from the 2019 regulations at https://www.tarafdari.com/node/1411803). Groups of unequal
//   size: only the games against the teams placed 1st…N count, N being the size of the smallest group, so every team
//   is compared on the same games. This is how the brief states FIBA's rule and how UEFA's qualifying
//   regulations word it ("results against the sixth-placed teams in six-team groups are not counted"); the FIBA text
//   itself was not found in the sources searched.
// - FIBA 3x3. The 3x3 rules' team ranking procedure (see classification-3x3.ts): 1. most wins, or win ratio when the
//   numbers of games differ "in inter-pool comparison"; 2. head-to-head applies "within a pool only" and is skipped;
//   3. most points scored on average, without the winning scores of forfeits; then the highest seeding.
// A draw of lots is the organizer's: when nothing separates two teams they are listed in group order and marked
// `group-order`, so the preview shows that lots are needed.
//
// The draw
// - `crossover` (two per group, an even number of groups, 2 × groups a power of two — FIBA World Cup / EuroBasket and
//   UEFA-style): groups are paired A–B, C–D, …; each pair gives X1 v Y2 in the top half and Y1 v X2 in the bottom half,
//   in group order. A group's winner and runner-up are in opposite halves and can meet only in the final. FIBA
//   Basketball World Cup 2019: I1 v J2, K1 v L2 | J1 v I2, L1 v K2 (see the tests).
// - `ranked` (any other shape, e.g. best third-placed teams): group winners, ranked across groups, then runners-up, …,
//   then the best next-placed teams; standard seeding (1 v n, 2 v n−1, …; byes to the top seeds). A first-round game
//   between two teams of one group is then undone by swapping the lower team with the nearest team of the same tier
//   whose move creates no other such game; `sameGroupGames` counts what no swap could avoid.
import { BasketballRuleError } from './errors.js';
import { bracketSeedOrder, createPlayoffBracketFromSeeds, type PlayoffBracket, type PlayoffSeed } from './playoffs.js';

export type KnockoutRuleset = 'fiba' | 'fiba-3x3';

export interface KnockoutGameResult {
  readonly homeTeamId: string;
  readonly awayTeamId: string;
  /** Null for a forfeit stored without scores. */
  readonly homeScore: number | null;
  readonly awayScore: number | null;
  readonly forfeitedBy?: string;
}

export interface KnockoutGroup {
  readonly groupId: string;
  /** The group's final order (ties already settled). */
  readonly rankedTeamIds: readonly string[];
  /** The group's finished games. */
  readonly games: readonly KnockoutGameResult[];
}

/** The step that separated a team from the next one down; `group-order`: nothing did (lots are the organizer's). */
export type CrossGroupCriterion =
  'win-record' | 'points-diff' | 'points-scored' | 'points-average' | 'seeding' | 'group-order';

export interface CrossGroupRow {
  readonly rank: number;
  readonly teamId: string;
  readonly groupId: string;
  readonly groupRank: number;
  /** Games counted (against teams placed 1st…N). */
  readonly played: number;
  readonly won: number;
  readonly lost: number;
  readonly winRatio: number;
  readonly pointsFor: number;
  readonly pointsAgainst: number;
  readonly pointsDiff: number;
  /** 3x3: points per game that counts for the average (not a forfeit's w); null when none. */
  readonly pointsAverage: number | null;
  /** Games left out: against teams placed below the smallest group's size. */
  readonly gamesDisregarded: number;
  /** Why this team is above the next row; null on the last row. */
  readonly aboveNextBy: CrossGroupCriterion | null;
}

export interface KnockoutDrawInput {
  readonly ruleset: KnockoutRuleset;
  readonly groups: readonly KnockoutGroup[];
  /** Teams per group that qualify directly (1st…k). */
  readonly qualifiersPerGroup: number;
  /** How many of the (k+1)-th placed teams qualify as the best across groups; default 0. */
  readonly bestNextPlaced?: number;
  readonly thirdPlaceGame?: boolean;
  /** 3x3 seeding (1 = highest), the last 3x3 step. */
  readonly seeding?: Readonly<Record<string, number>>;
}

export type KnockoutDrawPattern = 'crossover' | 'ranked';

export interface KnockoutDraw {
  readonly pattern: KnockoutDrawPattern;
  readonly seeds: readonly PlayoffSeed[];
  readonly bracket: PlayoffBracket;
  /** The (k+1)-th placed teams ranked across groups (empty when none qualify that way); the first `bestNextPlaced` go through. */
  readonly nextPlacedRanking: readonly CrossGroupRow[];
  /** First-round games between two teams of one group that no swap could avoid. */
  readonly sameGroupGames: number;
}

/** Forfeit score under five-a-side rules (Art. 20): 20–0. */
const FORFEIT_SCORE = 20;

interface Tally {
  played: number;
  won: number;
  pointsFor: number;
  pointsAgainst: number;
  averageGames: number;
  averagePoints: number;
  disregarded: number;
}

/** Teams placed `place` (1-based) in each group, ranked across groups by the ruleset's criteria. */
export function rankAcrossGroups(
  ruleset: KnockoutRuleset,
  groups: readonly KnockoutGroup[],
  place: number,
  seeding: Readonly<Record<string, number>> = {},
): CrossGroupRow[] {
  validateGroups(groups);
  const counted = Math.min(...groups.map((g) => g.rankedTeamIds.length));
  const entries = groups.flatMap((g, groupIndex) => {
    const teamId = g.rankedTeamIds[place - 1];
    return teamId === undefined
      ? []
      : [{ teamId, group: g, groupIndex, tally: tallyTeam(ruleset, g, teamId, counted) }];
  });
  const keys = entries.map((e) => ({ ...e, key: sortKey(ruleset, e.tally, seeding[e.teamId]) }));
  keys.sort((a, b) => compareKeys(a.key, b.key) || a.groupIndex - b.groupIndex);
  return keys.map((e, i) => {
    const next = keys[i + 1];
    const t = e.tally;
    return {
      rank: i + 1,
      teamId: e.teamId,
      groupId: e.group.groupId,
      groupRank: place,
      played: t.played,
      won: t.won,
      lost: t.played - t.won,
      winRatio: t.played === 0 ? 0 : round(t.won / t.played, 4),
      pointsFor: t.pointsFor,
      pointsAgainst: t.pointsAgainst,
      pointsDiff: t.pointsFor - t.pointsAgainst,
      pointsAverage: t.averageGames === 0 ? null : round(t.averagePoints / t.averageGames, 2),
      gamesDisregarded: t.disregarded,
      aboveNextBy: next ? separatingCriterion(e.key, next.key) : null,
    };
  });
}

/** The seeded knockout for the group standings given; nothing is stored. */
export function drawKnockout(input: KnockoutDrawInput): KnockoutDraw {
  const { groups, qualifiersPerGroup: k } = input;
  const extra = input.bestNextPlaced ?? 0;
  validateGroups(groups);
  if (!Number.isInteger(k) || k < 1)
    throw new BasketballRuleError('invalid-argument', `qualifiersPerGroup must be a positive integer, got ${k}`);
  if (!Number.isInteger(extra) || extra < 0)
    throw new BasketballRuleError('invalid-argument', `bestNextPlaced must be a whole number, got ${extra}`);
  for (const g of groups) {
    if (g.rankedTeamIds.length < k)
      throw new BasketballRuleError(
        'invalid-argument',
        `Group ${g.groupId} has ${g.rankedTeamIds.length} teams, ${k} must qualify`,
      );
  }
  const nextPlacedRanking = extra > 0 ? rankAcrossGroups(input.ruleset, groups, k + 1, input.seeding) : [];
  if (extra > nextPlacedRanking.length) {
    throw new BasketballRuleError(
      'invalid-argument',
      `Only ${nextPlacedRanking.length} teams are placed ${k + 1}th; ${extra} cannot qualify`,
    );
  }
  const total = k * groups.length + extra;
  if (total < 2) throw new BasketballRuleError('invalid-argument', 'A knockout needs at least two teams');
  const options = { thirdPlaceGame: input.thirdPlaceGame ?? false };
  const size = 2 ** Math.ceil(Math.log2(total));

  if (extra === 0 && k === 2 && groups.length % 2 === 0 && size === total) {
    const seeds = crossoverSeeds(groups, size);
    return {
      pattern: 'crossover',
      seeds,
      bracket: createPlayoffBracketFromSeeds(seeds, options),
      nextPlacedRanking,
      sameGroupGames: 0,
    };
  }
  const tiers: CrossGroupRow[] = [];
  for (let place = 1; place <= k; place++) tiers.push(...rankAcrossGroups(input.ruleset, groups, place, input.seeding));
  tiers.push(...nextPlacedRanking.slice(0, extra));
  const ranked = tiers.map((r, i) => ({ seed: i + 1, teamId: r.teamId, groupId: r.groupId, groupRank: r.groupRank }));
  const { seeds, clashes } = keepGroupsApart(ranked, size);
  return {
    pattern: 'ranked',
    seeds,
    bracket: createPlayoffBracketFromSeeds(seeds, options),
    nextPlacedRanking,
    sameGroupGames: clashes,
  };
}

function validateGroups(groups: readonly KnockoutGroup[]): void {
  if (groups.length === 0) throw new BasketballRuleError('invalid-argument', 'At least one group is needed');
  const ids = new Set(groups.map((g) => g.groupId));
  if (ids.size !== groups.length) throw new BasketballRuleError('invalid-argument', 'Group ids must be unique');
  const teams = groups.flatMap((g) => g.rankedTeamIds);
  if (new Set(teams).size !== teams.length)
    throw new BasketballRuleError('duplicate-team', 'A team appears twice in the groups');
}

/** Its games against teams placed 1st…`counted` in its group; forfeits scored as the ruleset says. */
function tallyTeam(ruleset: KnockoutRuleset, group: KnockoutGroup, teamId: string, counted: number): Tally {
  const placeOf = new Map(group.rankedTeamIds.map((id, i) => [id, i + 1]));
  const tally: Tally = {
    played: 0,
    won: 0,
    pointsFor: 0,
    pointsAgainst: 0,
    averageGames: 0,
    averagePoints: 0,
    disregarded: 0,
  };
  for (const game of group.games) {
    const home = game.homeTeamId === teamId;
    if (!home && game.awayTeamId !== teamId) continue;
    const opponent = home ? game.awayTeamId : game.homeTeamId;
    if ((placeOf.get(opponent) ?? Infinity) > counted) {
      tally.disregarded += 1;
      continue;
    }
    tally.played += 1;
    if (game.forfeitedBy !== undefined) {
      const lostIt = game.forfeitedBy === teamId;
      if (!lostIt) tally.won += 1;
      if (ruleset === 'fiba') {
        tally.pointsFor += lostIt ? 0 : FORFEIT_SCORE;
        tally.pointsAgainst += lostIt ? FORFEIT_SCORE : 0;
      } else if (lostIt) {
        // The forfeiting team's 0 counts in its average; the winner's w counts nowhere.
        tally.averageGames += 1;
      }
      continue;
    }
    const own = (home ? game.homeScore : game.awayScore) ?? 0;
    const other = (home ? game.awayScore : game.homeScore) ?? 0;
    if (own > other) tally.won += 1;
    tally.pointsFor += own;
    tally.pointsAgainst += other;
    tally.averageGames += 1;
    tally.averagePoints += own;
  }
  return tally;
}

type SortKey = readonly [criterion: CrossGroupCriterion, value: number][];

/** Values where higher is better, in the ruleset's order. */
function sortKey(ruleset: KnockoutRuleset, t: Tally, seed: number | undefined): SortKey {
  const winRecord = t.played === 0 ? 0 : t.won / t.played;
  if (ruleset === 'fiba') {
    return [
      ['win-record', winRecord],
      ['points-diff', t.pointsFor - t.pointsAgainst],
      ['points-scored', t.pointsFor],
    ];
  }
  return [
    ['win-record', winRecord],
    ['points-average', t.averageGames === 0 ? -1 : t.averagePoints / t.averageGames],
    // Unseeded teams rank below every seeded one at this step.
    ['seeding', seed === undefined ? -Number.MAX_SAFE_INTEGER : -seed],
  ];
}

const EPSILON = 1e-9;

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (b[i]?.[1] ?? 0) - (a[i]?.[1] ?? 0);
    if (Math.abs(diff) > EPSILON) return diff;
  }
  return 0;
}

function separatingCriterion(a: SortKey, b: SortKey): CrossGroupCriterion {
  for (let i = 0; i < a.length; i++) {
    const [criterion, value] = a[i] ?? ['group-order', 0];
    if (Math.abs(value - (b[i]?.[1] ?? 0)) > EPSILON) return criterion;
  }
  return 'group-order';
}

/** X1 v Y2 for every pair of groups in the top half, Y1 v X2 in the bottom half; positions → standard seed numbers. */
function crossoverSeeds(groups: readonly KnockoutGroup[], size: number): PlayoffSeed[] {
  const top: [KnockoutGroup, number][] = [];
  const bottom: [KnockoutGroup, number][] = [];
  for (let p = 0; p + 1 < groups.length; p += 2) {
    const x = groups[p];
    const y = groups[p + 1];
    if (!x || !y) continue;
    top.push([x, 1], [y, 2]);
    bottom.push([y, 1], [x, 2]);
  }
  const order = bracketSeedOrder(size);
  return [...top, ...bottom].map(([group, place], position) => ({
    seed: order[position] ?? 0,
    teamId: group.rankedTeamIds[place - 1] ?? '',
    groupId: group.groupId,
    groupRank: place,
  }));
}

/**
 * Standard seeding pairs seed s with size + 1 − s. Where that pairs two teams of one group, the lower one trades
 * places with the nearest team of its tier (same group place) whose move leaves both games between different groups.
 */
function keepGroupsApart(ranked: readonly PlayoffSeed[], size: number): { seeds: PlayoffSeed[]; clashes: number } {
  const slots = ranked.map((s) => ({ ...s }));
  const bySeed = (n: number): PlayoffSeed | undefined => slots[n - 1];
  const opponent = (n: number): PlayoffSeed | undefined => bySeed(size + 1 - n);
  const clash = (n: number, team: PlayoffSeed | undefined = bySeed(n)): boolean => {
    const other = opponent(n);
    return team !== undefined && other !== undefined && other.groupId === team.groupId;
  };
  const tryFix = (upperSeed: number): boolean => {
    const lowerSeed = size + 1 - upperSeed;
    const lower = bySeed(lowerSeed);
    if (!lower) return false;
    const candidates = slots
      .filter((c) => c.seed !== lowerSeed && c.seed !== upperSeed && c.groupRank === lower.groupRank)
      .sort((a, b) => Math.abs(a.seed - lowerSeed) - Math.abs(b.seed - lowerSeed) || a.seed - b.seed);
    const swap = candidates.find(
      (c) => opponent(c.seed)?.groupId !== lower.groupId && opponent(lowerSeed)?.groupId !== c.groupId,
    );
    if (!swap) return false;
    const swapSeed = swap.seed;
    slots[lowerSeed - 1] = { ...swap, seed: lowerSeed };
    slots[swapSeed - 1] = { ...lower, seed: swapSeed };
    return true;
  };
  for (let pass = 0; pass < slots.length; pass++) {
    const clashing = slots.filter((s) => s.seed <= size / 2 && clash(s.seed)).map((s) => s.seed);
    if (clashing.length === 0 || !clashing.some(tryFix)) break;
  }
  const clashes = slots.filter((s) => s.seed <= size / 2 && clash(s.seed)).length;
  return { seeds: slots, clashes };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
