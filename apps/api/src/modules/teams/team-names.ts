/** What games, tables and brackets show of a team. */
export type TeamName = { id: string; name: string; nameEn: string | null };

/** A team's names for a DTO; an id missing from `names` shows as an empty name rather than failing the page. */
export function teamLabel(
  names: ReadonlyMap<string, TeamName>,
  teamId: string,
): { teamName: string; teamNameEn: string | null } {
  const team = names.get(teamId);
  return { teamName: team?.name ?? '', teamNameEn: team?.nameEn ?? null };
}
