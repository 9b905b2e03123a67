// Single-elimination playoffs: seeding from group standings, byes, and automatic advancement.
import { BasketballRuleError } from './errors.js';

export interface PlayoffSeed {
  /** 1 is the strongest. */
  readonly seed: number;
  readonly teamId: string;
  readonly groupId?: string;
  readonly groupRank?: number;
}

export type PlayoffSideSource =
  | { readonly kind: 'seed'; readonly seed: number }
  | { readonly kind: 'winner'; readonly matchId: string }
  | { readonly kind: 'loser'; readonly matchId: string };

export interface PlayoffSide {
  readonly source: PlayoffSideSource;
  /** Null until known, and for a bye. */
  readonly teamId: string | null;
  /** No team will ever come: a seed beyond the field, or the "loser" of a bye. */
  readonly bye: boolean;
}

/** waiting: a side is not known yet · ready: to be played · bye: walked over · decided: result in. */
export type PlayoffMatchStatus = 'waiting' | 'ready' | 'bye' | 'decided';

export interface PlayoffMatch {
  /** 'R1-M1' … (round, position top to bottom); the third-place game is 'third-place'. */
  readonly id: string;
  readonly kind: 'main' | 'third-place';
  /** 1 = first round; the third-place game carries the final's round. */
  readonly round: number;
  /** Teams the round starts with: 8 = quarter-finals, 4 = semi-finals, 2 = final (and third place). */
  readonly teamsInRound: number;
  readonly position: number;
  /** The better seed (or the winner of the upper match) is listed home. */
  readonly home: PlayoffSide;
  readonly away: PlayoffSide;
  readonly status: PlayoffMatchStatus;
  readonly winnerTeamId: string | null;
  readonly loserTeamId: string | null;
}

export interface PlayoffBracket {
  /** Bracket size: the field rounded up to a power of two; the gap is filled with byes. */
  readonly size: number;
  readonly seeds: readonly PlayoffSeed[];
  readonly matches: readonly PlayoffMatch[];
}

export interface PlayoffBracketOptions {
  readonly thirdPlaceGame?: boolean;
}

export interface PlayoffGroupStanding {
  readonly groupId: string;
  /** Final order of the group (ties already settled, by lot if need be). */
  readonly rankedTeamIds: readonly string[];
}

export interface PlayoffResult {
  readonly matchId: string;
  readonly winnerTeamId: string;
}

export const THIRD_PLACE_MATCH_ID = 'third-place';

/**
 * Standard seeding: 1 v 8, 4 v 5, 2 v 7, 3 v 6 for eight, so seeds 1 and 2 can meet only in the
 * final. With a field short of a power of two the top seeds get the byes.
 */
export function createPlayoffBracket(
  seededTeamIds: readonly string[],
  options: PlayoffBracketOptions = {},
): PlayoffBracket {
  return buildBracket(
    seededTeamIds.map((teamId, i) => ({ seed: i + 1, teamId })),
    options,
  );
}

/**
 * A bracket from seeds already placed (seed numbers 1…n, each with its group), e.g. a knockout draw
 * (`drawKnockout`). Standard positions as in `createPlayoffBracket`.
 */
export function createPlayoffBracketFromSeeds(
  seeds: readonly PlayoffSeed[],
  options: PlayoffBracketOptions = {},
): PlayoffBracket {
  const numbers = seeds.map((s) => s.seed).sort((a, b) => a - b);
  if (numbers.some((n, i) => n !== i + 1))
    throw new BasketballRuleError('invalid-argument', 'Seeds must be numbered 1…n without gaps');
  return buildBracket(
    [...seeds].sort((a, b) => a.seed - b.seed),
    options,
  );
}

/** Positions of seeds down the bracket of `size` (a power of two): [1, 4, 2, 3] for four. */
export function bracketSeedOrder(size: number): number[] {
  return seedPositions(size);
}

/** Seeds a bracket from group standings with cross-over (A1–B2, B1–A2, …); see `playoffSeedsFromGroups`. */
export function seedPlayoffsFromGroups(
  groups: readonly PlayoffGroupStanding[],
  qualifiersPerGroup: number,
  options: PlayoffBracketOptions = {},
): PlayoffBracket {
  return buildBracket(playoffSeedsFromGroups(groups, qualifiersPerGroup), options);
}

/**
 * Overall seeds from group places. Group winners come first (in group order), then runners-up,
 * and so on. Every other tier is ordered so that, under standard seeding, each team meets a team
 * from its partner group (A↔B, C↔D, …; an odd last group is its own partner): for two groups of
 * two that is A1–B2 and B1–A2, and teams of one group land in opposite halves where the numbers allow.
 */
export function playoffSeedsFromGroups(
  groups: readonly PlayoffGroupStanding[],
  qualifiersPerGroup: number,
): PlayoffSeed[] {
  if (groups.length === 0) throw new BasketballRuleError('invalid-argument', 'At least one group is needed');
  if (!Number.isInteger(qualifiersPerGroup) || qualifiersPerGroup < 1) {
    throw new BasketballRuleError(
      'invalid-argument',
      `qualifiersPerGroup must be a positive integer, got ${qualifiersPerGroup}`,
    );
  }
  for (const g of groups) {
    if (g.rankedTeamIds.length < qualifiersPerGroup) {
      const message = `Group ${g.groupId} has ${g.rankedTeamIds.length} teams, ${qualifiersPerGroup} must qualify`;
      throw new BasketballRuleError('invalid-argument', message);
    }
  }
  const count = groups.length;
  const partner = (i: number): number => ((i ^ 1) < count ? i ^ 1 : i);
  const seeds: PlayoffSeed[] = [];
  for (let tier = 0; tier < qualifiersPerGroup; tier++) {
    for (let j = 0; j < count; j++) {
      const groupIndex = tier % 2 === 0 ? j : partner(count - 1 - j);
      const group = groups[groupIndex];
      const teamId = group?.rankedTeamIds[tier];
      if (!group || teamId === undefined) continue;
      seeds.push({ seed: seeds.length + 1, teamId, groupId: group.groupId, groupRank: tier + 1 });
    }
  }
  return seeds;
}

/**
 * Applies results and fills winners and losers into the following matches, walking over byes.
 * Results already in `bracket` are kept while they still fit; a result that no longer fits
 * (an earlier result was corrected and the pairing changed) is cleared. New `results` must fit.
 */
export function advanceBracket(bracket: PlayoffBracket, results: readonly PlayoffResult[]): PlayoffBracket {
  const ids = new Set(bracket.matches.map((m) => m.id));
  const fresh = new Map<string, string>();
  for (const r of results) {
    if (!ids.has(r.matchId)) throw new BasketballRuleError('invalid-result', `No playoff match "${r.matchId}"`);
    fresh.set(r.matchId, r.winnerTeamId);
  }
  const kept = new Map(
    bracket.matches.flatMap((m) =>
      m.status === 'decided' && m.winnerTeamId !== null ? [[m.id, m.winnerTeamId] as const] : [],
    ),
  );
  return { ...bracket, matches: resolve(bracket.seeds, bracket.matches, fresh, kept) };
}

function buildBracket(seeds: readonly PlayoffSeed[], options: PlayoffBracketOptions): PlayoffBracket {
  const seen = new Set<string>();
  for (const s of seeds) {
    if (seen.has(s.teamId)) throw new BasketballRuleError('duplicate-team', `Team "${s.teamId}" is seeded twice`);
    seen.add(s.teamId);
  }
  if (seeds.length < 2) throw new BasketballRuleError('invalid-argument', 'A playoff needs at least two teams');
  let size = 2;
  while (size < seeds.length) size *= 2;
  const rounds = Math.log2(size);

  const order = seedPositions(size);
  const skeleton: PlayoffMatch[] = [];
  for (let round = 1; round <= rounds; round++) {
    const teamsInRound = size / 2 ** (round - 1);
    for (let position = 1; position <= teamsInRound / 2; position++) {
      const [home, away]: [PlayoffSideSource, PlayoffSideSource] =
        round === 1
          ? [
              { kind: 'seed', seed: order[2 * position - 2] ?? 0 },
              { kind: 'seed', seed: order[2 * position - 1] ?? 0 },
            ]
          : [
              { kind: 'winner', matchId: matchId(round - 1, 2 * position - 1) },
              { kind: 'winner', matchId: matchId(round - 1, 2 * position) },
            ];
      skeleton.push(emptyMatch(matchId(round, position), 'main', round, teamsInRound, position, home, away));
    }
  }
  if (options.thirdPlaceGame && size >= 4) {
    const semi = rounds - 1;
    skeleton.push(
      emptyMatch(
        THIRD_PLACE_MATCH_ID,
        'third-place',
        rounds,
        2,
        1,
        { kind: 'loser', matchId: matchId(semi, 1) },
        { kind: 'loser', matchId: matchId(semi, 2) },
      ),
    );
  }
  return { size, seeds, matches: resolve(seeds, skeleton, new Map(), new Map()) };
}

/** Recomputes every match in bracket order from the seeds and the winners given. */
function resolve(
  seeds: readonly PlayoffSeed[],
  matches: readonly PlayoffMatch[],
  fresh: ReadonlyMap<string, string>,
  kept: ReadonlyMap<string, string>,
): PlayoffMatch[] {
  const done = new Map<string, PlayoffMatch>();
  const side = (source: PlayoffSideSource): PlayoffSide => {
    if (source.kind === 'seed') {
      const teamId = seeds.find((s) => s.seed === source.seed)?.teamId ?? null;
      return { source, teamId, bye: teamId === null };
    }
    const from = done.get(source.matchId);
    if (!from)
      throw new BasketballRuleError('invalid-argument', `Match ${source.matchId} must come before its followers`);
    const teamId = source.kind === 'winner' ? from.winnerTeamId : from.loserTeamId;
    const bye = source.kind === 'winner' ? from.status === 'bye' && teamId === null : from.status === 'bye';
    return { source, teamId, bye };
  };

  for (const m of matches) {
    const home = side(m.home.source);
    const away = side(m.away.source);
    let next: PlayoffMatch;
    if (home.bye || away.bye) {
      const winner = home.bye ? away.teamId : home.teamId;
      const walkedOver = home.bye && away.bye;
      const status = winner !== null || walkedOver ? 'bye' : 'waiting';
      next = { ...m, home, away, status, winnerTeamId: winner, loserTeamId: null };
      if (fresh.has(m.id))
        throw new BasketballRuleError('invalid-result', `Match ${m.id} is a bye and takes no result`);
    } else if (home.teamId === null || away.teamId === null) {
      if (fresh.has(m.id)) throw new BasketballRuleError('invalid-result', `Match ${m.id} has no two teams yet`);
      next = { ...m, home, away, status: 'waiting', winnerTeamId: null, loserTeamId: null };
    } else {
      const winner = decideWinner(m.id, home.teamId, away.teamId, fresh, kept);
      const loser = winner === null ? null : winner === home.teamId ? away.teamId : home.teamId;
      next = {
        ...m,
        home,
        away,
        status: winner === null ? 'ready' : 'decided',
        winnerTeamId: winner,
        loserTeamId: loser,
      };
    }
    done.set(m.id, next);
  }
  return matches.map((m) => done.get(m.id) ?? m);
}

function decideWinner(
  id: string,
  home: string,
  away: string,
  fresh: ReadonlyMap<string, string>,
  kept: ReadonlyMap<string, string>,
): string | null {
  const given = fresh.get(id);
  if (given !== undefined) {
    if (given !== home && given !== away) {
      throw new BasketballRuleError('invalid-result', `Match ${id} is ${home} v ${away}; "${given}" cannot win it`);
    }
    return given;
  }
  const previous = kept.get(id);
  return previous === home || previous === away ? previous : null;
}

/** Positions of seeds down the bracket: [1, 2] → [1, 4, 2, 3] → [1, 8, 4, 5, 2, 7, 3, 6] … */
function seedPositions(size: number): number[] {
  let order = [1, 2];
  while (order.length < size) {
    const n = order.length * 2;
    order = order.flatMap((s) => [s, n + 1 - s]);
  }
  return order;
}

function matchId(round: number, position: number): string {
  return `R${round}-M${position}`;
}

function emptyMatch(
  id: string,
  kind: PlayoffMatch['kind'],
  round: number,
  teamsInRound: number,
  position: number,
  home: PlayoffSideSource,
  away: PlayoffSideSource,
): PlayoffMatch {
  return {
    id,
    kind,
    round,
    teamsInRound,
    position,
    home: { source: home, teamId: null, bye: false },
    away: { source: away, teamId: null, bye: false },
    status: 'waiting',
    winnerTeamId: null,
    loserTeamId: null,
  };
}
