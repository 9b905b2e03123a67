import type { Schemas } from '@sailcourt/api-client';

type Group = Schemas['StandingsGroupDto'];
type Row = Group['rows'][number];

/** The lot recorded for a row's tie, under either ruleset. */
const recordedLot = (row: Row) => row.tieBreak?.lot ?? row.tieBreak3x3?.lot;

/** A tie the rules leave to lots and no recorded lot has decided yet: the organizer draws it. */
export type OpenTie = {
  divisionId: string | null;
  group: string;
  rank: number;
  teams: { id: string; name: string; nameEn: string | null }[];
};

/**
 * The ties still waiting for a drawing of lots, from the standings: rows of a complete group that share a rank with
 * `decidedByLot` and whose tie-break names no recorded lot. A lot once recorded takes its tie off this list.
 */
export function openTies(groups: readonly Group[]): OpenTie[] {
  return groups.flatMap((group) => {
    const waiting = group.rows.filter((row) => row.decidedByLot && !recordedLot(row));
    const ranks = [...new Set(waiting.map((row) => row.rank))].sort((a, b) => a - b);
    return ranks
      .map((rank) => ({
        divisionId: group.divisionId ?? null,
        group: group.name,
        rank,
        teams: waiting
          .filter((row) => row.rank === rank)
          .map((row) => ({ id: row.teamId, name: row.teamName, nameEn: row.teamNameEn ?? null })),
      }))
      .filter((tie) => tie.teams.length > 1);
  });
}
