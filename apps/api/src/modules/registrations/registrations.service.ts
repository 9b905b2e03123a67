import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost, type TxHost } from '../../database/transactions.js';
import type { Caller } from '../../common/auth.js';
import {
  badRequest,
  conflict,
  type FieldError,
  forbidden,
  notFound,
  isNotFound,
  unprocessable,
} from '../../common/problem.js';
import type { EventEntity } from '../events/event.entity.js';
import type { DivisionEntity } from '../divisions/division.entity.js';
import { DivisionsService } from '../divisions/divisions.service.js';
import type { DivisionDto, UpdateDivisionDto } from '../divisions/dto/division.dto.js';
import { EventsService } from '../events/events.service.js';
import { birthDateErrors, duplicateNumberErrors, isPlayingMember } from '../teams/roster-rules.js';
import type { TeamEntity } from '../teams/team.entity.js';
import { canManageTeam, TeamsService } from '../teams/teams.service.js';
import type {
  AwaitingDecisionDto,
  CreateRegistrationDto,
  RegistrationDto,
  RequestedStatus,
  UpdateRegistrationDto,
  WithdrawalRequestInputDto,
} from './dto/registration.dto.js';
import { RegistrationReadsService } from './registration-reads.service.js';
import type { RegistrationOverride } from './registration-audit.entity.js';
import type { RegistrationEntity, RegistrationStatus, RosterEntry } from './registration.entity.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { toChinaIso } from '@sailcourt/domain';

/** From which statuses each requested status may be reached; rejected and withdrawn are final. */
const TRANSITIONS: Record<RequestedStatus, readonly RegistrationStatus[]> = {
  confirmed: ['pending', 'waitlisted'],
  waitlisted: ['pending'],
  rejected: ['pending', 'waitlisted', 'confirmed'],
  withdrawn: ['pending', 'waitlisted', 'confirmed'],
};

const OVERRIDE_TEXT: Record<RegistrationOverride, string> = {
  'registration-window': 'outside the registration window',
  'roster-size': 'roster size outside the event’s limits',
};

/**
 * Registration writes. Each runs in one transaction that first locks the event row, so the confirmed
 * count read inside it is exact: confirmed registrations never exceed capacity and each freed place is
 * given to exactly one waitlisted team.
 */
@Injectable()
export class RegistrationsService implements OnModuleInit {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly registrations: RegistrationsRepository,
    private readonly reads: RegistrationReadsService,
    private readonly events: EventsService,
    private readonly teams: TeamsService,
    private readonly divisions: DivisionsService,
  ) {}

  /** For other modules (matches, schedules): the teams confirmed for an event or one division; an unknown event has none. */
  async confirmedTeamIds(eventId: string, divisionId?: string): Promise<string[]> {
    return this.registrations.confirmedTeamIds(eventId, divisionId);
  }

  /** For spreadsheet imports: the event's active registrations by team name, with their teams. */
  async activeByTeamName(eventId: string): Promise<Map<string, { team: TeamEntity; registrationId: string }>> {
    const registrations = await this.registrations.activeWithTeams(eventId);
    return new Map(
      registrations.flatMap((r) => (r.team ? [[r.team.name, { team: r.team, registrationId: r.id }] as const] : [])),
    );
  }

  countConfirmed(eventId: string): Promise<number> {
    return this.registrations.countWithStatus(eventId, 'confirmed');
  }

  /** For spreadsheet imports (under the caller's event lock): a new confirmed registration with its audit entry, or a new roster. */
  async recordImported(eventId: string, teamId: string, roster: RosterEntry[], actorId: string): Promise<void> {
    const registration = await this.registrations.insert({
      eventId,
      teamId,
      status: 'confirmed',
      roster,
      createdBy: actorId,
    });
    await this.registrations.audit({
      registrationId: registration.id,
      eventId,
      actorId,
      fromStatus: null,
      toStatus: 'confirmed',
      reason: 'imported from a spreadsheet',
      overrides: [],
    });
  }

  replaceImportedRoster(registrationId: string, roster: RosterEntry[]): Promise<void> {
    return this.registrations.setRoster(registrationId, roster);
  }

  async register(eventId: string, input: CreateRegistrationDto, caller: Caller): Promise<RegistrationDto> {
    const event = await this.events.require(eventId);
    const team = await this.teams.require(input.teamId).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
      throw unprocessable(`No team with id '${input.teamId}'.`, [{ field: 'teamId', message: 'does not exist' }]);
    });
    if (!canManageTeam(team, caller))
      throw forbidden('Only the team’s manager or an organizer may register this team.');
    if (team.sport !== event.sport)
      throw unprocessable(`This is a ${event.sport} event; the team plays ${team.sport}.`, [
        { field: 'teamId', message: `is not a ${event.sport} team` },
      ]);
    const organizer = caller.role === 'organizer';
    const division = await this.divisionFor(event.id, input.divisionId);
    const roster = await this.rosterFor(team, input, organizer, division);

    const id = await this.txHost.withTransaction(async () => {
      const locked = await this.lockEvent(event.id);
      if (await this.registrations.findActive(locked.id, team.id)) {
        throw conflict(
          'This team is already registered for the event.',
          [{ field: 'teamId', message: 'already registered' }],
          'registration.duplicate',
        );
      }
      const overrides = this.overridesNeeded(locked, roster, organizer, division);
      // Under the event lock, so the division's count is exact too: its capacity holds under concurrent requests.
      const hasPlace = await this.hasPlace(locked, division);
      const status: RegistrationStatus =
        !organizer && locked.registrationMode === 'approval' ? 'pending' : hasPlace ? 'confirmed' : 'waitlisted';
      const saved = await this.registrations.insert({
        eventId: locked.id,
        divisionId: division?.id ?? null,
        teamId: team.id,
        status,
        roster,
        createdBy: caller.id,
      });
      const reason = [input.reason, ...overrides.map((o) => `organizer override: ${OVERRIDE_TEXT[o]}`)]
        .filter(Boolean)
        .join('; ');
      await this.registrations.audit({
        registrationId: saved.id,
        eventId: locked.id,
        actorId: caller.id,
        fromStatus: null,
        toStatus: status,
        reason: reason || null,
        overrides,
      });
      return saved.id;
    });
    return this.reads.get(id, caller);
  }

  async changeStatus(id: string, input: UpdateRegistrationDto, caller: Caller): Promise<RegistrationDto> {
    const current = await this.registrations.findById(id);
    if (!current?.team) throw notFound('registration', id);
    const organizer = caller.role === 'organizer';
    if (!canManageTeam(current.team, caller))
      throw forbidden('Only the team’s manager or an organizer may change this registration.');
    if (!organizer && input.status !== 'withdrawn')
      throw forbidden('A team manager may withdraw a registration; organizers confirm, waitlist and reject.');
    const teamName = current.team.name;

    await this.txHost.withTransaction(async () => {
      const event = await this.lockEvent(current.eventId);
      const registration = await this.registrations.lockRegistration(id);
      if (!registration) throw notFound('registration', id);
      const from = registration.status;
      if (from === input.status)
        throw conflict(
          `The registration is already ${from}.`,
          [{ field: 'status', message: `is already ${from}` }],
          'registration.same-status',
        );
      if (!TRANSITIONS[input.status].includes(from)) {
        throw conflict(
          `A ${from} registration cannot become ${input.status}.`,
          [{ field: 'status', message: `cannot change from ${from}` }],
          'registration.transition',
        );
      }
      if (!organizer && input.status === 'withdrawn' && from === 'confirmed')
        await this.assertNoGamesPlayed(registration);
      if (input.status === 'confirmed' && !(await this.hasPlace(event))) {
        throw conflict(
          `The event is full (${event.capacity ?? 0} confirmed). Raise its capacity, or waitlist the team instead.`,
          [{ field: 'status', message: 'no place left' }],
          'registration.full',
        );
      }
      const division = registration.divisionId
        ? await this.divisions.resolve(event.id, registration.divisionId, 'divisionId')
        : null;
      if (input.status === 'confirmed' && division && !(await this.hasPlace(event, division))) {
        throw conflict(
          `The division ${division.code} is full (${division.capacity ?? 0} confirmed). Raise its capacity, or waitlist the team instead.`,
          [{ field: 'status', message: 'no place left in the division' }],
          'registration.division-full',
        );
      }
      await this.transition(registration, input.status, caller.id, input.reason ?? null);
      await this.fillPlaces(event, `promoted from the waitlist: a place became free (${teamName} ${input.status})`);
    });
    return this.reads.get(id, caller);
  }

  /**
   * A team manager asks to withdraw a confirmed team that has played games. Its games and the bracket stay as
   * they are until an organizer approves (PATCH … withdrawn) or declines; the audit log keeps the request.
   */
  async requestWithdrawal(id: string, input: WithdrawalRequestInputDto, caller: Caller): Promise<RegistrationDto> {
    const current = await this.registrations.findById(id);
    if (!current?.team) throw notFound('registration', id);
    if (!canManageTeam(current.team, caller))
      throw forbidden('Only the team’s manager or an organizer may ask to withdraw this team.');
    await this.txHost.withTransaction(async () => {
      await this.lockEvent(current.eventId);
      const registration = await this.registrations.lockRegistration(id);
      if (!registration) throw notFound('registration', id);
      if (registration.status !== 'confirmed') {
        throw conflict(
          `A ${registration.status} registration is withdrawn directly (PATCH status withdrawn).`,
          [{ field: 'status', message: `is ${registration.status}` }],
          'registration.withdrawal-not-needed',
        );
      }
      if (registration.withdrawalRequestedAt)
        throw conflict(
          'A withdrawal request is already waiting for an organizer.',
          undefined,
          'registration.withdrawal-already-requested',
        );
      if ((await this.registrations.gamesPlayed(registration.eventId, registration.teamId)) === 0) {
        throw conflict(
          'The team has played no games: withdraw it directly (PATCH status withdrawn).',
          undefined,
          'registration.withdrawal-not-needed',
        );
      }
      const reason = input.reason?.trim() || null;
      await this.registrations.setWithdrawalRequest(id, { at: new Date(), reason });
      await this.auditWithdrawalStep(registration, caller, 'withdrawal requested', reason);
    });
    return this.reads.get(id, caller);
  }

  /** An organizer declines a withdrawal request: the team stays confirmed; the manager sees why in the notifications. */
  async declineWithdrawal(id: string, input: WithdrawalRequestInputDto, caller: Caller): Promise<RegistrationDto> {
    await this.txHost.withTransaction(async () => {
      const registration = await this.registrations.lockRegistration(id);
      if (!registration) throw notFound('registration', id);
      if (!registration.withdrawalRequestedAt)
        throw conflict(
          'No withdrawal request is waiting for this registration.',
          undefined,
          'registration.no-withdrawal-request',
        );
      await this.registrations.setWithdrawalRequest(id, null);
      await this.auditWithdrawalStep(registration, caller, 'withdrawal request declined', input.reason?.trim() || null);
    });
    return this.reads.get(id, caller);
  }

  /** A withdrawal request asked or declined leaves the team confirmed: the log says which, and why. */
  private auditWithdrawalStep(
    registration: RegistrationEntity,
    caller: Caller,
    step: string,
    reason: string | null,
  ): Promise<void> {
    return this.registrations.audit({
      registrationId: registration.id,
      eventId: registration.eventId,
      actorId: caller.id,
      fromStatus: 'confirmed',
      toStatus: 'confirmed',
      reason: [step, reason].filter(Boolean).join(': '),
      overrides: [],
    });
  }

  async awaitingDecision(): Promise<AwaitingDecisionDto> {
    const counts = await this.registrations.awaitingDecision();
    return { ...counts, total: counts.pending + counts.withdrawalRequests };
  }

  /** Takes part in event settings changes: capacity never below the confirmed teams; a raise promotes the waitlist. */
  onModuleInit(): void {
    this.events.onSettingsChange({
      check: async ({ after }) => {
        const confirmed = await this.registrations.countWithStatus(after.id, 'confirmed');
        if (after.capacity !== null && after.capacity < confirmed) {
          throw conflict(
            `${confirmed} teams are confirmed; capacity cannot go below that. Reject or withdraw registrations first.`,
            [{ field: 'capacity', message: `must be at least ${confirmed}`, params: { confirmed } }],
            'registration.capacity-below-confirmed',
          );
        }
      },
      apply: async ({ before, after }) => {
        const from = before.capacity === null ? 'unlimited' : String(before.capacity);
        const to = after.capacity === null ? 'unlimited' : String(after.capacity);
        await this.fillPlaces(
          { ...before, capacity: after.capacity },
          `promoted from the waitlist: capacity raised from ${from} to ${to}`,
        );
      },
    });
  }

  // ---- helpers --------------------------------------------------------------------------------

  private lockEvent(eventId: string): Promise<EventEntity> {
    return this.events.lockForUpdate(eventId);
  }

  /** A team that has played games leaves only with an organizer's approval: its results stand in standings and the bracket. */
  private async assertNoGamesPlayed(registration: RegistrationEntity): Promise<void> {
    const played = await this.registrations.gamesPlayed(registration.eventId, registration.teamId);
    if (played === 0) return;
    throw conflict(
      `The team has played ${played} game(s) in this event; its withdrawal needs an organizer’s approval. Ask for it with POST /registrations/${registration.id}/withdrawal-request.`,
      [{ field: 'status', message: 'needs an organizer’s approval: the team has played games' }],
      'registration.withdrawal-needs-approval',
    );
  }

  /** A place in the event and, when given, in the division; read under the event lock. */
  private async hasPlace(event: EventEntity, division: DivisionEntity | null = null): Promise<boolean> {
    if (event.capacity !== null && (await this.registrations.countWithStatus(event.id, 'confirmed')) >= event.capacity)
      return false;
    if (division === null || division.capacity === null) return true;
    return (await this.registrations.countInDivision(division.id, 'confirmed')) < division.capacity;
  }

  /** The division a registration names: required once the event has divisions (400), and one of them (422). */
  private async divisionFor(eventId: string, key: string | undefined): Promise<DivisionEntity | null> {
    if (key === undefined && (await this.divisions.hasDivisions(eventId))) {
      throw badRequest(
        'This event has divisions: name one (divisionId).',
        [
          {
            field: 'divisionId',
            message: 'is required: the event has divisions',
            code: 'registration.division-required',
          },
        ],
        'registration.division-required',
      );
    }
    return this.divisions.resolve(eventId, key, 'divisionId');
  }

  /** A division's settings; a capacity raise promotes that division's waitlisted teams in the same transaction. */
  async updateDivision(eventKey: string, divisionKey: string, input: UpdateDivisionDto): Promise<DivisionDto> {
    return this.divisions.update(eventKey, divisionKey, input, async (division) => {
      const event = await this.lockEvent(division.eventId);
      await this.fillPlaces(
        event,
        `promoted from the waitlist: division ${division.code} capacity raised to ${division.capacity ?? 'unlimited'}`,
      );
    });
  }

  private async transition(
    registration: RegistrationEntity,
    to: RegistrationStatus,
    actorId: string | null,
    reason: string | null,
  ): Promise<void> {
    await this.registrations.setStatus(registration.id, to);
    await this.registrations.audit({
      registrationId: registration.id,
      eventId: registration.eventId,
      actorId,
      fromStatus: registration.status,
      toStatus: to,
      reason,
      overrides: [],
    });
  }

  /** Gives free places to the oldest waitlisted registrations; runs under the event lock, so each place goes once. */
  private async fillPlaces(event: EventEntity, reason: string): Promise<void> {
    const confirmed = await this.registrations.countWithStatus(event.id, 'confirmed');
    let free = event.capacity === null ? Number.POSITIVE_INFINITY : event.capacity - confirmed;
    if (free <= 0) return;
    // A waitlisted team whose division is full keeps waiting; the next one in another division may go first.
    const divisionCapacity = new Map((await this.divisions.forEvent(event.id)).map((d) => [d.id, d.capacity]));
    const inDivision = await this.registrations.confirmedByDivision(event.id);
    for (const next of await this.registrations.oldestWaitlisted(event.id, undefined)) {
      if (free <= 0) break;
      if (next.divisionId !== null) {
        const capacity = divisionCapacity.get(next.divisionId) ?? null;
        const taken = inDivision.get(next.divisionId) ?? 0;
        if (capacity !== null && taken >= capacity) continue;
        inDivision.set(next.divisionId, taken + 1);
      }
      await this.transition(next, 'confirmed', null, reason);
      free -= 1;
    }
  }

  /** The roster to register: the one sent, or else the team's saved roster. Malformed rosters are a 400 naming the row. */
  private async rosterFor(
    team: TeamEntity,
    input: CreateRegistrationDto,
    organizer: boolean,
    division: DivisionEntity | null,
  ): Promise<RosterEntry[]> {
    const roster: RosterEntry[] = input.roster
      ? input.roster.map((entry) => ({
          name: entry.name,
          number: entry.number ?? null,
          role: entry.role ?? null,
          ...(entry.birthDate ? { birthDate: entry.birthDate } : {}),
        }))
      : await this.teams.savedRoster(team.id);
    const errors: FieldError[] = [
      ...duplicateNumberErrors(roster, 'roster'),
      ...birthDateErrors(roster, division?.bornOnOrAfter ?? null, 'roster'),
    ];
    if (roster.length === 0 && !organizer) {
      errors.push({
        field: 'roster',
        message: input.roster ? 'must list at least one person' : 'is required: the team has no saved roster',
        code: 'registration.roster-empty',
      });
    }
    if (errors.length > 0)
      throw badRequest(`Invalid roster: ${[...new Set(errors.map((e) => e.field))].join(', ')}.`, errors);
    return roster;
  }

  /** The window and roster limits bind team managers (422); for organizers they become recorded overrides. */
  private overridesNeeded(
    event: EventEntity,
    roster: RosterEntry[],
    organizer: boolean,
    division: DivisionEntity | null,
  ): RegistrationOverride[] {
    const overrides: RegistrationOverride[] = [];
    const now = Date.now();
    if (event.registrationOpensAt && now < event.registrationOpensAt.getTime()) {
      if (!organizer)
        throw unprocessable(
          `Registration opens at ${toChinaIso(event.registrationOpensAt)}.`,
          undefined,
          'registration.not-open',
        );
      overrides.push('registration-window');
    } else if (event.registrationClosesAt && now > event.registrationClosesAt.getTime()) {
      if (!organizer)
        throw unprocessable(
          `Registration closed at ${toChinaIso(event.registrationClosesAt)}.`,
          undefined,
          'registration.closed',
        );
      overrides.push('registration-window');
    }
    const players = roster.filter((entry) => isPlayingMember(entry.role)).length;
    // A division's own limits replace the event's.
    const rosterMin = division?.rosterMin ?? event.rosterMin;
    const rosterMax = division?.rosterMax ?? event.rosterMax;
    const tooFew = rosterMin !== null && players < rosterMin;
    const tooMany = rosterMax !== null && players > rosterMax;
    if (tooFew || tooMany) {
      if (!organizer) {
        const limits = `${rosterMin ?? 0}–${rosterMax ?? '∞'}`;
        throw unprocessable(
          `This ${division ? 'division' : 'event'} takes ${limits} players per team; the roster has ${players}.`,
          [
            {
              field: 'roster',
              message: `needs ${limits} players, has ${players}`,
              code: 'registration.roster-size',
              params: { min: rosterMin ?? 0, max: rosterMax ?? -1, count: players },
            },
          ],
          'registration.roster-size',
        );
      }
      overrides.push('roster-size');
    }
    return overrides;
  }
}
