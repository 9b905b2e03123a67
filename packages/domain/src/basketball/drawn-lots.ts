// Ties the rules leave to a drawing of lots, and the order an organizer drew.
//
// Five-a-side: FIBA Official Basketball Rules 2024, Appendix D.1.3 — teams still level once every criterion is applied
// and the group is complete are separated by drawing lots. 3x3: the ranking procedure's last step is seeding; a pool
// without seeding (a local tournament) leaves level teams to the organizer, who draws lots in its place.
// The classification shares the rank until a lot is recorded; a recorded lot applies only to exactly the teams it was
// drawn for, so a corrected result that changes the tie sends it back to the organizer.
import { BasketballRuleError } from './errors.js';
import { compareIds, listTeams } from './group-support.js';

export interface DrawnLot {
  /** The tied teams in the order drawn: the first ranks highest. */
  readonly teamIds: readonly string[];
  /** Who recorded it, as readers know them. */
  readonly recordedBy: string;
  /** When, as readers read it (ISO 8601). */
  readonly recordedAt: string;
}

/** Where a recorded lot placed a team. */
export interface LotPlacement {
  readonly lot: DrawnLot;
  /** 1 = drawn first. */
  readonly drawn: number;
}

const setKey = (teamIds: readonly string[]): string => [...teamIds].sort(compareIds).join('\u0000');

/** The lot recorded last for exactly these teams, if any. */
export function lotFor(tied: readonly string[], lots: readonly DrawnLot[] | undefined): DrawnLot | undefined {
  const key = setKey(tied);
  return [...(lots ?? [])].reverse().find((lot) => setKey(lot.teamIds) === key);
}

/** The ties a complete group leaves to lots: rows that share a rank, grouped (rows as the classifications return them). */
export function tiesForLots(
  rows: readonly { readonly rank: number; readonly teamId: string }[],
  groupComplete: boolean,
): string[][] {
  if (!groupComplete) return [];
  const byRank = new Map<number, string[]>();
  for (const r of rows) byRank.set(r.rank, [...(byRank.get(r.rank) ?? []), r.teamId]);
  return [...byRank.values()].filter((teams) => teams.length > 1);
}

/**
 * Checks an order drawn for `teamIds` against the ties still open: it must name each team of one of them exactly once.
 * Throws `lot-not-needed` otherwise (no tie, part of a tie, or teams from different ties).
 */
export function checkDrawnOrder(teamIds: readonly string[], openTies: readonly (readonly string[])[]): void {
  if (new Set(teamIds).size !== teamIds.length)
    throw new BasketballRuleError('duplicate-team', 'A team is listed twice in the drawn order');
  const key = setKey(teamIds);
  if (!openTies.some((tie) => setKey(tie) === key)) {
    const open = openTies.map((tie) => tie.join(', ')).join('; ');
    throw new BasketballRuleError(
      'lot-not-needed',
      open === ''
        ? 'No teams of this group are level in a way only lots can decide'
        : `The teams drawn must be exactly one tie left to lots: ${open}`,
    );
  }
}

/** A team's place after a recorded lot: the lot, its place in the draw, and the teams that were tied. */
export type LotPlaced = LotPlacement & { readonly tied: readonly string[] };

/** The teams of a tie in the order drawn, when a lot is recorded for exactly them; null otherwise. */
export function placeByLot(
  tied: readonly string[],
  lots: readonly DrawnLot[] | undefined,
): { teamId: string; lot: LotPlaced }[] | null {
  const lot = tied.length > 1 ? lotFor(tied, lots) : undefined;
  if (!lot) return null;
  return lot.teamIds.filter((t) => tied.includes(t)).map((teamId, i) => ({ teamId, lot: { lot, drawn: i + 1, tied } }));
}

/**
 * The tie-break of a team placed by a recorded lot; `level` says on what the teams were level. Both classifications
 * describe it alike: values are the places drawn, the sentence ends "decided by lot (recorded by …, at …): drawn n of m".
 */
export function lotTieBreak(
  teamId: string,
  placed: LotPlaced,
  level: string,
): {
  criterion: 'lot';
  tiedWith: string[];
  values: { teamId: string; value: number }[];
  explanation: string;
  lot: { recordedBy: string; recordedAt: string; drawn: number };
} {
  const { lot, drawn, tied } = placed;
  const inOrder = lot.teamIds.filter((t) => tied.includes(t));
  const others = inOrder.filter((t) => t !== teamId);
  return {
    criterion: 'lot',
    tiedWith: others,
    values: inOrder.map((t, i) => ({ teamId: t, value: i + 1 })),
    explanation: `Level with ${listTeams(others)} ${level}; decided by lot (recorded by ${lot.recordedBy}, at ${lot.recordedAt}): drawn ${drawn} of ${inOrder.length}`,
    lot: { recordedBy: lot.recordedBy, recordedAt: lot.recordedAt, drawn },
  };
}
