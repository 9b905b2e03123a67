import { Injectable } from '@nestjs/common';
import { findScheduleConflicts, type MatchScheduleConflict, type MatchScheduleRules } from '@sailcourt/domain';
import { conflict } from '../../common/problem.js';
import type { VenueEntity } from '../venues/venue.entity.js';
import { MatchesRepository } from './matches.repository.js';
import { addHours, clashReachHours, DEFAULT_RULES, toScheduleRef } from './schedule-rules.js';

export type PlacementRequest = {
  /** The game being moved, so it does not clash with its own old slot. */
  id?: string;
  homeTeamId: string;
  awayTeamId: string;
  startsAt: Date;
  venue: VenueEntity | null;
  /** A fixed court; undefined: the first court free at that time. */
  court?: number;
};

/** Checks one game against every other game of its teams and its venue, across events. */
@Injectable()
export class ScheduleGuard {
  constructor(private readonly matches: MatchesRepository) {}

  /**
   * Takes the teams' and the venue's locks, then returns the court the game may use, or throws
   * 409 naming the game it clashes with. Call inside the transaction that writes the game.
   */
  async place(req: PlacementRequest, rules: MatchScheduleRules = DEFAULT_RULES): Promise<number | null> {
    const venueIds = req.venue ? [req.venue.id] : [];
    await this.matches.lockScheduleKeys([
      `team:${req.homeTeamId}`,
      `team:${req.awayTeamId}`,
      ...venueIds.map((id) => `venue:${id}`),
    ]);
    const reach = clashReachHours(rules);
    const nearby = await this.matches.clashCandidates({
      teamIds: [req.homeTeamId, req.awayTeamId],
      venueIds,
      from: addHours(req.startsAt, -reach),
      to: addHours(req.startsAt, reach),
    });
    const refs = nearby.flatMap((m) => (m.id === req.id ? [] : (toScheduleRef(m) ?? [])));
    const courts: (number | null)[] = !req.venue
      ? [null]
      : req.court !== undefined
        ? [req.court]
        : Array.from({ length: req.venue.courts }, (_, i) => i + 1);
    let first: MatchScheduleConflict[] | undefined;
    for (const court of courts) {
      const conflicts = findScheduleConflicts(
        refs,
        {
          homeTeamId: req.homeTeamId,
          awayTeamId: req.awayTeamId,
          startsAt: req.startsAt.toISOString(),
          venueId: req.venue?.id ?? 'no-venue:candidate',
          court: court === null ? '0' : String(court),
        },
        rules,
      );
      if (conflicts.length === 0) return court;
      first ??= conflicts;
    }
    throw clashProblem(first ?? []);
  }
}

function clashProblem(conflicts: readonly MatchScheduleConflict[]): Error {
  const head = conflicts[0];
  const detail = head
    ? `The game clashes with match ${head.matchId} (${head.kind}): ${head.message}.`
    : 'The game clashes with another one.';
  return conflict(
    detail,
    conflicts.map((c) => ({
      field: c.kind === 'court-busy' ? 'court' : 'startsAt',
      message: `${c.kind} with match ${c.matchId}: ${c.message}`,
      code: 'match.clash',
      params: { kind: c.kind, matchId: c.matchId, ...(c.teamId ? { teamId: c.teamId } : {}) },
    })),
    'match.clash',
  );
}
