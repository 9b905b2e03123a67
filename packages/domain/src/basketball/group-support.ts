// Small helpers shared by the five-a-side and 3x3 group classifications.
import { BasketballRuleError } from './errors.js';

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
