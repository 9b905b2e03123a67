// Small helpers shared by the five-a-side and 3x3 group classifications.
import { BasketballRuleError } from './errors.js';

/** One team's value on the step that placed it. */
export interface TieBreakValue {
  readonly teamId: string;
  readonly value: number;
}

/** How a tie was broken for one team, in a classification whose steps are named by `C`. */
export interface TieBreak<C extends string> {
  /** The step that finally fixed this team's place. */
  readonly criterion: C;
  /** The other teams still tied with this one when that step was applied, in final order. */
  readonly tiedWith: readonly string[];
  /** This team's and `tiedWith`'s values on `criterion`, in final order (empty when no value decides; a recorded lot: the places drawn). */
  readonly values: readonly TieBreakValue[];
  /** English rendering of the above; the web localizes from the structured fields. */
  readonly explanation: string;
  /** Criterion `lot` once a lot is recorded: who drew it, when, and this team's place in the draw. */
  readonly lot?: { readonly recordedBy: string; readonly recordedAt: string; readonly drawn: number };
}

/** The record every group classification reports for a team. */
export interface GroupStandingRecord {
  /** Competition ranking (1, 2, 2, 4): teams that nothing separates share a rank. */
  readonly rank: number;
  readonly teamId: string;
  readonly played: number;
  readonly won: number;
  /** All losses, forfeits included. */
  readonly lost: number;
  /** Games this team forfeited (a subset of `lost`). */
  readonly forfeits: number;
  readonly pointsFor: number;
  readonly pointsAgainst: number;
}

/** Code-unit order, not localeCompare, so a ranking never depends on the server's locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function getTeam<T>(map: ReadonlyMap<string, T>, key: string): T {
  const v = map.get(key);
  if (v === undefined) throw new BasketballRuleError('unknown-team', `Unknown team "${key}"`);
  return v;
}

/** "A", "A and B", "A, B and C". */
export function listTeams(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function validateTeamIds(teamIds: readonly string[]): Set<string> {
  const teams = new Set<string>();
  for (const id of teamIds) {
    if (id.length === 0) throw new BasketballRuleError('invalid-argument', 'Team ids must be non-empty');
    if (teams.has(id)) throw new BasketballRuleError('duplicate-team', `Team "${id}" is listed twice`);
    teams.add(id);
  }
  return teams;
}
