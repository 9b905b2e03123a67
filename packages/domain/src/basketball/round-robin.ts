// Round-robin fixtures by the circle method, and snake seeding into groups.
import { BasketballRuleError } from './errors.js';

export interface RoundRobinPairing {
  /** 1-based, counting on through the second cycle of a double round robin. */
  readonly round: number;
  readonly cycle: 1 | 2;
  readonly homeTeamId: string;
  readonly awayTeamId: string;
}

export interface RoundRobinRound {
  readonly round: number;
  readonly cycle: 1 | 2;
  readonly pairings: readonly RoundRobinPairing[];
  /** The team resting this round when the number of teams is odd. */
  readonly byeTeamId?: string;
}

export interface RoundRobinOptions {
  /** Play everyone twice; the second cycle repeats the first with home and away swapped. */
  readonly double?: boolean;
}

/**
 * Circle method in de Werra's canonical form: team i (0-based) plays i+k against i−k.
 * Its home/away rule gives every team at most one more home than away game per cycle and, within
 * a cycle, never three home (or away) games in a row. With an odd count the phantom opponent is the fixed team,
 * which makes every real team's home and away counts exactly equal.
 */
export function generateRoundRobin(teamIds: readonly string[], options: RoundRobinOptions = {}): RoundRobinRound[] {
  assertUniqueIds(teamIds);
  if (teamIds.length < 2) return [];
  const odd = teamIds.length % 2 === 1;
  const size = odd ? teamIds.length + 1 : teamIds.length;
  const fixed: string | null = odd ? null : (teamIds[size - 1] ?? null);
  const spinner = size - 1; // teams 0..size-2 turn around the circle
  const at = (i: number): string => teamIds[((i % spinner) + spinner) % spinner] ?? '';

  const first: RoundRobinRound[] = [];
  for (let r = 0; r < spinner; r++) {
    const round = r + 1;
    const pairings: RoundRobinPairing[] = [];
    let byeTeamId: string | undefined;
    if (fixed === null) byeTeamId = at(r);
    else pairings.push(pair(round, 1, r % 2 === 1 ? fixed : at(r), r % 2 === 1 ? at(r) : fixed));
    for (let k = 1; k < size / 2; k++) {
      const [home, away] = k % 2 === 1 ? [at(r + k), at(r - k)] : [at(r - k), at(r + k)];
      pairings.push(pair(round, 1, home, away));
    }
    first.push({ round, cycle: 1, pairings, ...(byeTeamId === undefined ? {} : { byeTeamId }) });
  }
  if (!options.double) return first;

  const second = first.map((r): RoundRobinRound => {
    const round = r.round + spinner;
    return {
      round,
      cycle: 2,
      pairings: r.pairings.map((p) => pair(round, 2, p.awayTeamId, p.homeTeamId)),
      ...(r.byeTeamId === undefined ? {} : { byeTeamId: r.byeTeamId }),
    };
  });
  return [...first, ...second];
}

function pair(round: number, cycle: 1 | 2, homeTeamId: string, awayTeamId: string): RoundRobinPairing {
  return { round, cycle, homeTeamId, awayTeamId };
}

/**
 * Deals seeded teams into groups in snake order (A, B, C, C, B, A, A, …) so that each group gets
 * a fair mix of strong and weak seeds. Group sizes differ by at most one.
 */
export function snakeGroups<T>(seededTeams: readonly T[], groupCount: number): T[][] {
  if (!Number.isInteger(groupCount) || groupCount < 1) {
    throw new BasketballRuleError('invalid-argument', `groupCount must be a positive integer, got ${groupCount}`);
  }
  const groups: T[][] = Array.from({ length: groupCount }, () => []);
  seededTeams.forEach((team, i) => {
    const row = Math.floor(i / groupCount);
    const col = i % groupCount;
    groups[row % 2 === 0 ? col : groupCount - 1 - col]?.push(team);
  });
  return groups;
}

function assertUniqueIds(ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (id.length === 0) throw new BasketballRuleError('invalid-argument', 'Team ids must be non-empty');
    if (seen.has(id)) throw new BasketballRuleError('duplicate-team', `Team "${id}" is listed twice`);
    seen.add(id);
  }
}
