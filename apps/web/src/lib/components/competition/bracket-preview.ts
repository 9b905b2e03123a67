import type { Schemas } from '@sailcourt/api-client';
import { seedPlayoffsFromGroups } from '@sailcourt/domain';
import type { Problem } from '$lib/components/registration/form-errors';

/** One first-round game of a previewed bracket: each side a seed and its team (null: a bye). */
export type PreviewSide = { seed: number; teamName: string; teamNameEn: string | null } | null;
export type PreviewGame = { slot: string; home: PreviewSide; away: PreviewSide };

/**
 * The first round the API would draw from these standings (the domain's own seeding, FIBA cross-over), or why it
 * cannot be drawn yet. Default qualifiers as the API's: 2 per group with several groups, else 4 (or the group's size).
 */
export function previewBracket(
  groups: readonly Schemas['StandingsGroupDto'][],
  qualifiersPerGroup: number | undefined,
  thirdPlaceGame: boolean,
): { games: PreviewGame[] } | { problem: Problem } {
  const scheduled = groups.filter((g) => g.gamesScheduled > 0);
  if (scheduled.length === 0)
    return { problem: { status: 422, errors: [], detail: null, code: 'playoffs.no-group-games' } };
  if (scheduled.some((g) => !g.complete))
    return { problem: { status: 422, errors: [], detail: null, code: 'playoffs.groups-remain' } };
  const smallest = Math.min(...scheduled.map((g) => g.rows.length));
  const qualifiers = qualifiersPerGroup ?? Math.min(scheduled.length > 1 ? 2 : 4, smallest);
  try {
    const bracket = seedPlayoffsFromGroups(
      scheduled.map((g) => ({ groupId: g.name, rankedTeamIds: g.rows.map((r) => r.teamId) })),
      qualifiers,
      { thirdPlaceGame },
    );
    const row = (teamId: string | null) => scheduled.flatMap((g) => g.rows).find((r) => r.teamId === teamId);
    const side = (source: { kind: string; seed?: number }, teamId: string | null): PreviewSide => {
      const found = row(teamId);
      return source.kind === 'seed' && found
        ? { seed: source.seed ?? 0, teamName: found.teamName, teamNameEn: found.teamNameEn }
        : null;
    };
    const firstRound = bracket.matches.filter((m) => m.round === 1 && m.kind === 'main');
    return {
      games: firstRound.map((m) => ({
        slot: m.id,
        home: side(m.home.source, m.home.teamId),
        away: side(m.away.source, m.away.teamId),
      })),
    };
  } catch {
    return {
      problem: {
        status: 422,
        errors: [{ field: 'qualifiersPerGroup', message: 'is more than a group has teams' }],
        detail: null,
        code: 'playoffs.too-many-qualifiers',
      },
    };
  }
}
