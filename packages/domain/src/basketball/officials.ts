// Game officials: which assignments are allowed, and a balanced suggestion that respects every check.
// Times are epoch milliseconds so the rules stay free of any date library or time zone.
import { compareIds } from './group-support.js';

export type OfficialRole = 'referee' | 'table';
export const OFFICIAL_ROLES: readonly OfficialRole[] = ['referee', 'table'];

export interface OfficiatedGame {
  readonly matchId: string;
  /** Start, epoch ms. */
  readonly startsAt: number;
  /** How long the official is taken by the game (warm-up to paperwork), minutes. */
  readonly durationMinutes: number;
  /** Where it is played; null when not yet known (then any other place needs the travel buffer). */
  readonly venueKey: string | null;
  readonly teamIds: readonly [string, string];
}

export interface AvailabilityWindow {
  readonly startsAt: number;
  readonly endsAt: number;
}

export interface OfficialProfile {
  readonly officialId: string;
  readonly roles: readonly OfficialRole[];
  /** Teams the official is connected with (club, family, employer): never their games. */
  readonly affiliatedTeamIds: readonly string[];
  /** When the official can work; empty means no restriction recorded. */
  readonly availability: readonly AvailabilityWindow[];
}

export interface OfficialRules {
  /** Minutes needed between two games at different venues. */
  readonly travelBufferMinutes: number;
}

export type OfficialConflictKind = 'role' | 'affiliated' | 'unavailable' | 'overlap' | 'travel' | 'already-assigned';

export interface OfficialConflict {
  readonly kind: OfficialConflictKind;
  /** The other game involved (overlap, travel, already-assigned). */
  readonly matchId?: string;
  readonly message: string;
}

const MINUTE = 60_000;
const end = (g: OfficiatedGame): number => g.startsAt + g.durationMinutes * MINUTE;

/**
 * Every reason `official` may not take `role` in `game`, given the games they already officiate (`busy`, any
 * event). Empty means allowed.
 */
export function officialConflicts(
  official: OfficialProfile,
  game: OfficiatedGame,
  role: OfficialRole,
  busy: readonly OfficiatedGame[],
  rules: OfficialRules,
): OfficialConflict[] {
  const out: OfficialConflict[] = [];
  if (!official.roles.includes(role)) out.push({ kind: 'role', message: `is not a ${role} official` });
  const team = game.teamIds.find((t) => official.affiliatedTeamIds.includes(t));
  if (team !== undefined)
    out.push({ kind: 'affiliated', message: `is affiliated with team ${team}, which plays this game` });
  if (
    official.availability.length > 0 &&
    !official.availability.some((w) => w.startsAt <= game.startsAt && end(game) <= w.endsAt)
  ) {
    out.push({ kind: 'unavailable', message: 'is not available for the whole game' });
  }
  for (const other of busy) {
    if (other.matchId === game.matchId) {
      out.push({ kind: 'already-assigned', matchId: other.matchId, message: 'already officiates this game' });
      continue;
    }
    if (other.startsAt < end(game) && game.startsAt < end(other)) {
      out.push({
        kind: 'overlap',
        matchId: other.matchId,
        message: `officiates game ${other.matchId} at the same time`,
      });
      continue;
    }
    const sameVenue = other.venueKey !== null && other.venueKey === game.venueKey;
    const gap = other.startsAt >= end(game) ? other.startsAt - end(game) : game.startsAt - end(other);
    if (!sameVenue && gap < rules.travelBufferMinutes * MINUTE) {
      out.push({
        kind: 'travel',
        matchId: other.matchId,
        message: `needs ${rules.travelBufferMinutes} minutes to travel from game ${other.matchId} at another venue (has ${Math.floor(gap / MINUTE)})`,
      });
    }
  }
  return out;
}

/** An assignment the official already holds. */
export interface HeldAssignment {
  readonly game: OfficiatedGame;
  readonly role: OfficialRole;
}

/**
 * The assignments an edited profile would break: a role dropped, a new affiliation with a team in the game, or
 * availability that no longer covers it. Overlap and travel between held games do not depend on the profile and
 * were checked when each was assigned.
 */
export function assignmentsBrokenBy(
  profile: OfficialProfile,
  held: readonly HeldAssignment[],
  rules: OfficialRules,
): (OfficialConflict & { readonly matchId: string })[] {
  return held.flatMap((a) =>
    officialConflicts(profile, a.game, a.role, [], rules).map((c) => ({ ...c, matchId: a.game.matchId })),
  );
}

export interface GameToStaff {
  readonly game: OfficiatedGame;
  /** Officials each role needs. */
  readonly slots: Readonly<Record<OfficialRole, number>>;
  /** Assignments it already has. */
  readonly assigned: readonly { readonly officialId: string; readonly role: OfficialRole }[];
}

export interface SuggestedAssignment {
  readonly matchId: string;
  readonly officialId: string;
  readonly role: OfficialRole;
}

export interface UnfilledSlot {
  readonly matchId: string;
  readonly role: OfficialRole;
  readonly missing: number;
}

export interface OfficialSuggestion {
  readonly assignments: SuggestedAssignment[];
  readonly unfilled: UnfilledSlot[];
}

/**
 * Fills open slots game by game (earliest first), each with the allowed official who has the fewest games so far
 * (existing and suggested), ties by fewer games that day, then by id: deterministic, balanced, and never a
 * conflict — each pick is checked against everything already held or suggested.
 */
export function suggestOfficialAssignments(input: {
  readonly games: readonly GameToStaff[];
  readonly officials: readonly OfficialProfile[];
  /** Games each official already has (any event). */
  readonly busy: ReadonlyMap<string, readonly OfficiatedGame[]>;
  readonly rules: OfficialRules;
}): OfficialSuggestion {
  const load = new Map(input.officials.map((o) => [o.officialId, [...(input.busy.get(o.officialId) ?? [])]]));
  const assignments: SuggestedAssignment[] = [];
  const unfilled: UnfilledSlot[] = [];
  const games = [...input.games].sort(
    (a, b) => a.game.startsAt - b.game.startsAt || compareIds(a.game.matchId, b.game.matchId),
  );
  for (const { game, slots, assigned } of games) {
    for (const role of OFFICIAL_ROLES) {
      let missing = Math.max(0, slots[role] - assigned.filter((a) => a.role === role).length);
      while (missing > 0) {
        const pick = input.officials
          .filter((o) => officialConflicts(o, game, role, load.get(o.officialId) ?? [], input.rules).length === 0)
          .sort(
            (a, b) =>
              gamesOf(load, a) - gamesOf(load, b) ||
              sameDay(load, a, game) - sameDay(load, b, game) ||
              compareIds(a.officialId, b.officialId),
          )[0];
        if (!pick) break;
        load.get(pick.officialId)?.push(game);
        assignments.push({ matchId: game.matchId, officialId: pick.officialId, role });
        missing -= 1;
      }
      if (missing > 0) unfilled.push({ matchId: game.matchId, role, missing });
    }
  }
  return { assignments, unfilled };
}

const gamesOf = (load: ReadonlyMap<string, readonly OfficiatedGame[]>, o: OfficialProfile): number =>
  load.get(o.officialId)?.length ?? 0;

const DAY = 24 * 60 * MINUTE;
function sameDay(
  load: ReadonlyMap<string, readonly OfficiatedGame[]>,
  o: OfficialProfile,
  game: OfficiatedGame,
): number {
  return (load.get(o.officialId) ?? []).filter((g) => Math.floor(g.startsAt / DAY) === Math.floor(game.startsAt / DAY))
    .length;
}

/**
 * Officials a game needs. Five-a-side: a referee and one or two umpires (Official Basketball Rules, Art. 46), so
 * at least 2 on court; FIBA 3x3 Rules of the Game, Art. 3: 1 or 2 referees and time/score keepers. One table
 * official each is our minimum (organizers add more), not a rule.
 */
export const OFFICIAL_SLOTS: Readonly<Record<'fiba' | 'fiba-3x3', Readonly<Record<OfficialRole, number>>>> = {
  fiba: { referee: 2, table: 1 },
  'fiba-3x3': { referee: 1, table: 1 },
};
