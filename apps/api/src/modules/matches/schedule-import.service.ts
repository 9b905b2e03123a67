import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost, type TxHost } from '../../database/transactions.js';
import { ProblemException, unprocessable } from '../../common/problem.js';
import { EventsService } from '../events/events.service.js';
import {
  type ScheduleGame,
  type ScheduleImportRow,
  type ScheduleProblem,
  validateScheduleRows,
} from '../imports/schedule-rows.js';
import { RegistrationsService } from '../registrations/registrations.service.js';
import type { VenueEntity } from '../venues/venue.entity.js';
import { TeamsService } from '../teams/teams.service.js';
import { VenuesService } from '../venues/venues.service.js';
import { MatchesRepository } from './matches.repository.js';
import { ScheduleGuard } from './schedule-guard.js';
import { assertWithinEvent } from './schedule-rules.js';

export type ScheduleImportOutcome = { problems: ScheduleProblem[]; created: number; existing: number };

/** Thrown to roll a preview's transaction back after every clash check has run. */
class PreviewOnly extends Error {
  constructor(readonly outcome: ScheduleImportOutcome) {
    super('preview');
  }
}

/**
 * A schedule from a sheet, checked exactly as single games are (confirmed teams, the event's dates, the clash
 * guard), all in one transaction under the event lock: every game goes in, or none. A preview runs the same and
 * rolls back. A game already there (same teams, same start) is left alone, so a file imports once.
 */
@Injectable()
export class ScheduleImportService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly matches: MatchesRepository,
    private readonly teams: TeamsService,
    private readonly venues: VenuesService,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly guard: ScheduleGuard,
  ) {}

  async run(eventId: string, rows: readonly ScheduleImportRow[], dryRun: boolean): Promise<ScheduleImportOutcome> {
    const event = await this.events.require(eventId);
    const { games, problems } = validateScheduleRows(rows);
    const names = await this.teams.names(await this.registrations.confirmedTeamIds(event.id));
    const byName = new Map(
      [...names.values()].flatMap((t) => [[t.name, t.id] as const, ...(t.nameEn ? [[t.nameEn, t.id] as const] : [])]),
    );
    const placed: (ScheduleGame & {
      homeId: string;
      awayId: string;
      place: VenueEntity | null;
      label: string | null;
    })[] = [];
    for (const g of games) {
      const homeId = byName.get(g.home);
      const awayId = byName.get(g.away);
      if (!homeId)
        problems.push({ row: g.row, column: 'home', reason: 'is not a confirmed team of this event', value: g.home });
      if (!awayId)
        problems.push({ row: g.row, column: 'away', reason: 'is not a confirmed team of this event', value: g.away });
      try {
        assertWithinEvent(event, new Date(g.startsAt));
      } catch {
        problems.push({
          row: g.row,
          column: 'date',
          reason: `is outside the event (${event.startDate} – ${event.endDate})`,
          value: g.startsAt.slice(0, 10),
        });
      }
      const venue = g.venue
        ? await this.venues.findByAnyName(g.venue)
        : event.venueId
          ? await this.venues.findById(event.venueId)
          : null;
      if (venue && g.court !== null && g.court > venue.courts)
        problems.push({
          row: g.row,
          column: 'court',
          reason: `${venue.name} has ${venue.courts} court(s)`,
          value: String(g.court),
        });
      if (homeId && awayId) placed.push({ ...g, homeId, awayId, place: venue, label: venue ? null : g.venue });
    }
    if (problems.length > 0) return this.answer({ problems: sorted(problems), created: 0, existing: 0 }, dryRun);
    try {
      return await this.txHost.withTransaction(async () => {
        await this.events.lockForUpdate(event.id);
        const outcome: ScheduleImportOutcome = { problems: [], created: 0, existing: 0 };
        for (const g of placed) {
          const startsAt = new Date(g.startsAt);
          if (await this.matches.hasGame(event.id, g.homeId, g.awayId, startsAt)) {
            outcome.existing += 1;
            continue;
          }
          try {
            const court = await this.guard.place({
              homeTeamId: g.homeId,
              awayTeamId: g.awayId,
              startsAt,
              venue: g.place,
              ...(g.court !== null ? { court: g.court } : {}),
            });
            await this.matches.insertMatches([
              {
                eventId: event.id,
                homeTeamId: g.homeId,
                awayTeamId: g.awayId,
                startsAt,
                venueId: g.place?.id ?? null,
                venueLabel: g.label,
                court,
                group: g.group,
                round: g.round,
                status: 'scheduled',
                source: null,
              },
            ]);
            outcome.created += 1;
          } catch (error) {
            if (!(error instanceof ProblemException)) throw error;
            const body = error.getResponse() as { detail?: string };
            outcome.problems.push({
              row: g.row,
              column: 'time',
              reason: body.detail ?? 'clashes with another game',
              value: g.startsAt,
            });
          }
        }
        if (outcome.problems.length > 0 && !dryRun) throw tooBad(outcome.problems);
        if (dryRun) throw new PreviewOnly(outcome);
        return outcome;
      });
    } catch (error) {
      if (error instanceof PreviewOnly) return error.outcome;
      throw error;
    }
  }

  private answer(outcome: ScheduleImportOutcome, dryRun: boolean): ScheduleImportOutcome {
    if (!dryRun) throw tooBad(outcome.problems);
    return outcome;
  }
}

const sorted = (problems: ScheduleProblem[]): ScheduleProblem[] => [...problems].sort((a, b) => a.row - b.row);

function tooBad(problems: readonly ScheduleProblem[]): Error {
  return unprocessable(
    `${problems.length} problem(s) in the schedule; nothing was imported.`,
    problems.map((p) => ({
      field: `row ${p.row}.${p.column ?? 'row'}`,
      message: `row ${p.row}, ${p.column ?? 'row'}: ${p.reason}`,
    })),
  );
}
