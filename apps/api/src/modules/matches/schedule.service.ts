import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost, type TxHost } from '../../database/transactions.js';
import {
  chinaDayStart,
  generateRoundRobin,
  type MatchSlotCourt,
  type MatchSlotInput,
  type MatchSlotSchedule,
  scheduleMatchSlots,
  snakeGroups,
} from '@sailcourt/domain';
import type { DeepPartial } from 'typeorm';
import { badRequest, conflict, type FieldError, unprocessable } from '../../common/problem.js';
import type { DivisionEntity } from '../divisions/division.entity.js';
import { DivisionsService } from '../divisions/divisions.service.js';
import type { EventEntity } from '../events/event.entity.js';
import { EventsService } from '../events/events.service.js';
import { RegistrationsService } from '../registrations/registrations.service.js';
import type { VenueEntity } from '../venues/venue.entity.js';
import { type MatchDto, type MatchView, toMatchDto } from './dto/match.dto.js';
import type { ScheduleRequestDto, ScheduleResultDto } from './dto/schedule.dto.js';
import { type MatchEntity, STARTED_STATUSES } from './match.entity.js';
import { TeamsService } from '../teams/teams.service.js';
import { VenuesService } from '../venues/venues.service.js';
import { MatchesRepository } from './matches.repository.js';
import {
  addHours,
  clashReachHours,
  DEFAULT_DAILY_SLOTS,
  DEFAULT_RULES,
  ruleProblem,
  toScheduleRef,
} from './schedule-rules.js';

type Pairing = { homeTeamId: string; awayTeamId: string; round: number; group: string };

const groupName = (index: number, count: number): string => (count === 1 ? '' : String.fromCharCode(65 + index));

/** Stands for "venue to be announced" inside the scheduler; such games are stored without venue and court. */
const VENUE_TBA = '';

/**
 * An event without a venue is still scheduled (the contract's bare `{format: 'round-robin'}` must
 * work): on as many unnamed courts as a round has games, so only the teams' own days and rest bind.
 */
const courtsToBeAnnounced = (teamCount: number): MatchSlotCourt[] =>
  Array.from({ length: Math.max(1, Math.floor(teamCount / 2)) }, (_, k) => ({
    venueId: VENUE_TBA,
    court: String(k + 1),
  }));

/**
 * Generates an event's round robin from its confirmed teams and places it on courts and evening
 * slots with the domain scheduler. What cannot be placed is reported, never dropped.
 */
@Injectable()
export class ScheduleService {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly matches: MatchesRepository,
    private readonly teams: TeamsService,
    private readonly venues: VenuesService,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly divisions: DivisionsService,
  ) {}

  async generate(eventId: string, input: ScheduleRequestDto): Promise<ScheduleResultDto> {
    const event = await this.events.require(eventId);
    if (event.sport !== 'basketball')
      throw unprocessable(`This is a ${event.sport} event; basketball schedules need a basketball event.`);
    const division = await this.divisionFor(event.id, input.division);
    const { startDate, endDate } = datesOf(event, input);
    const namedCourts = await this.courtsFor(event, input);
    const rules = {
      ...DEFAULT_RULES,
      ...(input.minRestHours !== undefined ? { minRestHours: input.minRestHours } : {}),
      ...(input.matchDurationMinutes !== undefined ? { matchDurationMinutes: input.matchDurationMinutes } : {}),
    };

    const outcome = await this.txHost.withTransaction(async () => {
      await this.events.lockForUpdate(event.id);
      // A division's schedule replaces that division's games only; the other divisions' stay and are worked around.
      const existing = (await this.matches.eventMatches(event.id)).filter(
        (m) => !division || m.divisionId === division.id,
      );
      const whose = division ? `division ${division.code}` : 'event';
      if (existing.length > 0 && !input.replace) {
        throw conflict(
          `The ${whose} already has ${existing.length} game(s); send replace: true to generate the schedule again.`,
          [{ field: 'replace', message: 'is needed' }],
          'schedule.replace-needed',
        );
      }
      const playedGames = existing.filter((m) => STARTED_STATUSES.includes(m.status)).length;
      if (playedGames > 0)
        throw conflict(
          `${playedGames} game(s) of the ${whose} already have results; the schedule can no longer be replaced.`,
        );

      const groups = this.draw(await this.registrations.confirmedTeamIds(event.id, division?.id), input);
      const pairings: Pairing[] = groups.flatMap((g) =>
        generateRoundRobin(g.teamIds, { double: input.double ?? false }).flatMap((r) =>
          r.pairings.map((p) => ({
            homeTeamId: p.homeTeamId,
            awayTeamId: p.awayTeamId,
            round: p.round,
            group: g.name,
          })),
        ),
      );
      const teamIds = groups.flatMap((g) => g.teamIds);
      const courts = namedCourts ?? courtsToBeAnnounced(teamIds.length);
      const venueIds = [...new Set(courts.map((c) => c.venueId))].filter((id) => id !== VENUE_TBA);
      await this.matches.lockScheduleKeys([
        ...teamIds.map((id) => `team:${id}`),
        ...venueIds.map((id) => `venue:${id}`),
      ]);
      // Other events' games at these venues or of these teams are worked around; this event's own are replaced.
      const reach = clashReachHours(rules);
      const others = await this.matches.clashCandidates({
        teamIds,
        venueIds,
        from: addHours(chinaDayStart(startDate), -reach),
        to: addHours(chinaDayStart(endDate), 24 + reach),
        excludeEventId: event.id,
        ...(division ? { excludeDivisionId: division.id } : {}),
      });
      const plan = place({
        ...rules,
        pairings,
        startDate,
        endDate,
        dailySlots: input.dailySlots ?? DEFAULT_DAILY_SLOTS,
        courts,
        fixedMatches: others.flatMap((m) => toScheduleRef(m) ?? []),
      });
      const games: DeepPartial<MatchEntity>[] = plan.placed.map((p) => ({
        eventId: event.id,
        divisionId: division?.id ?? null,
        homeTeamId: p.pairing.homeTeamId,
        awayTeamId: p.pairing.awayTeamId,
        startsAt: new Date(p.startsAt),
        venueId: p.venueId === VENUE_TBA ? null : p.venueId,
        court: p.venueId === VENUE_TBA ? null : Number(p.court),
        group: p.pairing.group,
        round: p.round,
        status: 'scheduled',
        source: null,
      }));
      const unplaced = plan.unplaced.map(
        ({ pairing: { homeTeamId, awayTeamId, round, group }, reason, blockingTeamIds, detail }) => ({
          homeTeamId,
          awayTeamId,
          round,
          group,
          reason,
          blockingTeamIds: [...blockingTeamIds],
          detail,
        }),
      );
      if (input.dryRun) return { games, unplaced, groups };
      if (division) await this.matches.deleteDivisionMatches(event.id, division.id);
      else await this.matches.deleteEventMatches(event.id);
      // The bracket seeded from the games replaced goes with them.
      await this.matches.deleteBracket(event.id, division?.id ?? null);
      await this.matches.insertMatches(games);
      return { games, unplaced, groups };
    });

    const matches = input.dryRun
      ? await this.preview(outcome.games)
      : (await this.matches.list(event.id, division ? { divisionId: division.id } : {}))[0].map(toMatchDto);
    return { dryRun: input.dryRun ?? false, groups: outcome.groups, matches, unplaced: outcome.unplaced };
  }

  /** The division to schedule: required once the event has divisions, so two divisions' teams never meet. */
  private async divisionFor(eventId: string, key: string | undefined): Promise<DivisionEntity | null> {
    if (key === undefined && (await this.divisions.hasDivisions(eventId))) {
      throw badRequest(
        'This event has divisions: schedule one at a time (division).',
        [{ field: 'division', message: 'is required: the event has divisions', code: 'schedule.division-required' }],
        'schedule.division-required',
      );
    }
    return this.divisions.resolve(eventId, key, 'division');
  }

  /** Confirmed teams in seeding order, dealt into groups in snake order. */
  private draw(confirmed: readonly string[], input: ScheduleRequestDto): { name: string; teamIds: string[] }[] {
    if (confirmed.length < 2) {
      throw unprocessable(
        `A schedule needs at least two teams with confirmed registrations; the event has ${confirmed.length}.`,
      );
    }
    const seeded = input.seededTeamIds ?? [...confirmed];
    const errors: FieldError[] = [];
    const known = new Set(confirmed);
    seeded.forEach((id, i) => {
      if (!known.has(id))
        errors.push({ field: `seededTeamIds.${i}`, message: 'holds no confirmed registration for this event' });
    });
    if (new Set(seeded).size !== seeded.length) errors.push({ field: 'seededTeamIds', message: 'lists a team twice' });
    const missing = confirmed.filter((id) => !seeded.includes(id));
    if (missing.length > 0)
      errors.push({
        field: 'seededTeamIds',
        message: `misses ${missing.length} confirmed team(s): ${missing.join(', ')}`,
      });
    if (errors.length > 0) throw unprocessable('The seeding must list every confirmed team once.', errors);
    const count = input.groups ?? 1;
    if (seeded.length < 2 * count) {
      throw unprocessable(
        `${seeded.length} teams cannot make ${count} groups of at least two.`,
        [
          {
            field: 'groups',
            message: `must be at most ${Math.floor(seeded.length / 2)}`,
            params: { max: Math.floor(seeded.length / 2) },
          },
        ],
        'schedule.groups',
      );
    }
    return snakeGroups(seeded, count).map((teamIds, i) => ({ name: groupName(i, count), teamIds }));
  }

  /** The courts asked for, or the event venue's; null when neither names a venue. */
  private async courtsFor(event: EventEntity, input: ScheduleRequestDto): Promise<MatchSlotCourt[] | null> {
    const wanted = input.venues ?? (event.venueId ? [{ venueId: event.venueId }] : []);
    if (wanted.length === 0) return null;
    const courts: MatchSlotCourt[] = [];
    const errors: FieldError[] = [];
    for (const [i, w] of wanted.entries()) {
      const venue: VenueEntity | null = await this.venues.findById(w.venueId);
      if (!venue) {
        errors.push({ field: `venues.${i}.venueId`, message: 'does not exist' });
        continue;
      }
      const numbers = 'courts' in w && w.courts ? w.courts : Array.from({ length: venue.courts }, (_, k) => k + 1);
      for (const n of numbers) {
        if (n > venue.courts)
          errors.push({
            field: `venues.${i}.courts`,
            message: `${venue.name} has ${venue.courts} court(s); there is no court ${n}`,
          });
        else courts.push({ venueId: venue.id, court: String(n) });
      }
    }
    if (errors.length > 0) throw unprocessable('Some venues or courts do not exist.', errors);
    if (new Set(courts.map((c) => `${c.venueId}/${c.court}`)).size !== courts.length) {
      throw unprocessable('A venue is listed twice.', [{ field: 'venues', message: 'lists a venue twice' }]);
    }
    return courts;
  }

  /** A preview renders like stored games, with names, but carries no id. */
  private async preview(games: DeepPartial<MatchEntity>[]): Promise<MatchDto[]> {
    const names = await this.teams.names(games.flatMap((g) => [g.homeTeamId ?? '', g.awayTeamId ?? '']));
    const venues = new Map<string, VenueEntity | null>();
    for (const id of new Set(games.map((g) => g.venueId ?? '')))
      venues.set(id, id ? await this.venues.findById(id) : null);
    const now = new Date();
    return games.map((g): MatchDto => {
      const view: MatchView = {
        id: '',
        eventId: g.eventId ?? '',
        divisionId: g.divisionId ?? null,
        homeTeamId: g.homeTeamId ?? '',
        awayTeamId: g.awayTeamId ?? '',
        startsAt: g.startsAt instanceof Date ? g.startsAt : null,
        venueId: g.venueId ?? null,
        court: g.court ?? null,
        venueLabel: null,
        group: g.group ?? '',
        round: g.round ?? null,
        status: 'scheduled',
        period: 0,
        liveSeq: null,
        homeScore: null,
        awayScore: null,
        forfeitedBy: null,
        overtime: false,
        version: 0,
        playoffSlot: null,
        source: null,
        illustrative: [],
        createdAt: now,
        updatedAt: now,
        homeTeam: names.get(g.homeTeamId ?? ''),
        awayTeam: names.get(g.awayTeamId ?? ''),
        venue: venues.get(g.venueId ?? '') ?? null,
      };
      return toMatchDto(view);
    });
  }
}

function datesOf(event: EventEntity, input: ScheduleRequestDto): { startDate: string; endDate: string } {
  const startDate = input.startDate ?? event.startDate;
  const endDate = input.endDate ?? event.endDate;
  const errors: FieldError[] = [];
  if (startDate < event.startDate || startDate > event.endDate)
    errors.push({ field: 'startDate', message: `must fall within ${event.startDate} – ${event.endDate}` });
  if (endDate < event.startDate || endDate > event.endDate)
    errors.push({ field: 'endDate', message: `must fall within ${event.startDate} – ${event.endDate}` });
  // Dates the request itself puts in the wrong order are malformed (400); a clash with the event's days is a rule (422).
  if (input.startDate && input.endDate && input.endDate < input.startDate)
    throw badRequest('Invalid request: endDate.', [{ field: 'endDate', message: 'must not be before startDate' }]);
  if (errors.length > 0) throw unprocessable("The schedule must stay within the event's dates.", errors);
  if (endDate < startDate)
    throw unprocessable('endDate is before startDate.', [
      { field: 'endDate', message: 'must not be before startDate' },
    ]);
  return { startDate, endDate };
}

/** The domain refuses malformed slot settings (an impossible time, a court listed twice) with a 422. */
function place(input: MatchSlotInput<Pairing>): MatchSlotSchedule<Pairing> {
  try {
    return scheduleMatchSlots(input);
  } catch (error) {
    throw ruleProblem(error, 'dailySlots');
  }
}
