import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/auth.js';
import { isUuid } from '../../common/ids.js';
import { badRequest, conflict, type FieldError, forbidden, notFound, isNotFound, unprocessable } from '../../common/problem.js';
import { toShanghaiIso } from '../../common/time.js';
import { type EventDto } from '../events/dto/event.dto.js';
import type { EventEntity } from '../events/event.entity.js';
import { EventsService } from '../events/events.service.js';
import { duplicateNumberErrors, isPlayingMember } from '../teams/roster-rules.js';
import type { TeamEntity } from '../teams/team.entity.js';
import { canManageTeam, TeamsService } from '../teams/teams.service.js';
import type { UpdateEventDto } from './dto/event-settings.dto.js';
import type { CreateRegistrationDto, RegistrationDto, RequestedStatus, UpdateRegistrationDto } from './dto/registration.dto.js';
import { RegistrationReadsService } from './registration-reads.service.js';
import type { RegistrationOverride } from './registration-audit.entity.js';
import type { RegistrationEntity, RegistrationStatus, RosterEntry } from './registration.entity.js';
import { RegistrationsRepository } from './registrations.repository.js';

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
export class RegistrationsService {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly reads: RegistrationReadsService,
    private readonly events: EventsService,
    private readonly teams: TeamsService,
  ) {}

  /** For other modules (matches, schedules): the teams confirmed for an event; an unknown event has none. */
  async confirmedTeamIds(eventId: string): Promise<string[]> {
    return isUuid(eventId) ? this.registrations.confirmedTeamIds(eventId) : [];
  }

  async register(eventId: string, input: CreateRegistrationDto, caller: Caller): Promise<RegistrationDto> {
    const event = await this.events.require(eventId);
    const team = await this.teams.require(input.teamId).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
      throw unprocessable(`No team with id '${input.teamId}'.`, [{ field: 'teamId', message: 'does not exist' }]);
    });
    if (!canManageTeam(team, caller)) throw forbidden('Only the team’s manager or an organizer may register this team.');
    if (team.sport !== event.sport) throw unprocessable(`This is a ${event.sport} event; the team plays ${team.sport}.`, [{ field: 'teamId', message: `is not a ${event.sport} team` }]);
    const organizer = caller.role === 'organizer';
    const roster = await this.rosterFor(team, input, organizer);

    const id = await this.registrations.transaction(async (manager) => {
      const locked = await this.lockEvent(manager, event.id);
      if (await this.registrations.findActive(manager, locked.id, team.id)) {
        throw conflict('This team is already registered for the event.', [{ field: 'teamId', message: 'already registered' }]);
      }
      const overrides = this.overridesNeeded(locked, roster, organizer);
      const hasPlace = locked.capacity === null || (await this.registrations.countWithStatus(manager, locked.id, 'confirmed')) < locked.capacity;
      const status: RegistrationStatus = !organizer && locked.registrationMode === 'approval' ? 'pending' : hasPlace ? 'confirmed' : 'waitlisted';
      const saved = await this.registrations.insert(manager, { eventId: locked.id, teamId: team.id, status, roster, createdBy: caller.id });
      const reason = [input.reason, ...overrides.map((o) => `organizer override: ${OVERRIDE_TEXT[o]}`)].filter(Boolean).join('; ');
      await this.registrations.audit(manager, { registrationId: saved.id, eventId: locked.id, actorId: caller.id, fromStatus: null, toStatus: status, reason: reason || null, overrides });
      return saved.id;
    });
    return this.reads.get(id, caller);
  }

  async changeStatus(id: string, input: UpdateRegistrationDto, caller: Caller): Promise<RegistrationDto> {
    const current = isUuid(id) ? await this.registrations.findById(id) : null;
    if (!current?.team) throw notFound('registration', id);
    const organizer = caller.role === 'organizer';
    if (!canManageTeam(current.team, caller)) throw forbidden('Only the team’s manager or an organizer may change this registration.');
    if (!organizer && input.status !== 'withdrawn') throw forbidden('A team manager may withdraw a registration; organizers confirm, waitlist and reject.');
    const teamName = current.team.name;

    await this.registrations.transaction(async (manager) => {
      const event = await this.lockEvent(manager, current.eventId);
      const registration = await this.registrations.lockRegistration(manager, id);
      if (!registration) throw notFound('registration', id);
      const from = registration.status;
      if (from === input.status) throw conflict(`The registration is already ${from}.`, [{ field: 'status', message: `is already ${from}` }]);
      if (!TRANSITIONS[input.status].includes(from)) {
        throw conflict(`A ${from} registration cannot become ${input.status}.`, [{ field: 'status', message: `cannot change from ${from}` }]);
      }
      if (input.status === 'confirmed' && !(await this.hasPlace(manager, event))) {
        throw conflict(`The event is full (${event.capacity ?? 0} confirmed). Raise its capacity, or waitlist the team instead.`, [
          { field: 'status', message: 'no place left' },
        ]);
      }
      await this.transition(manager, registration, input.status, caller.id, input.reason ?? null);
      await this.fillPlaces(manager, event, `promoted from the waitlist: a place became free (${teamName} ${input.status})`);
    });
    return this.reads.get(id, caller);
  }

  /** Registration settings; a capacity raise promotes waitlisted teams in the same transaction. */
  async updateEvent(eventId: string, input: UpdateEventDto): Promise<EventDto> {
    const { id } = await this.events.require(eventId);
    await this.registrations.transaction(async (manager) => {
      const event = await this.lockEvent(manager, id);
      const merged = { ...event, ...definedOnly(input) };
      assertSettingsOrdered(merged);
      const confirmed = await this.registrations.countWithStatus(manager, id, 'confirmed');
      if (merged.capacity !== null && merged.capacity < confirmed) {
        throw conflict(`${confirmed} teams are confirmed; capacity cannot go below that. Reject or withdraw registrations first.`, [
          { field: 'capacity', message: `must be at least ${confirmed}` },
        ]);
      }
      await this.registrations.updateEvent(manager, id, {
        ...definedOnly({ capacity: input.capacity, registrationMode: input.registrationMode, rosterMin: input.rosterMin, rosterMax: input.rosterMax, participantTarget: input.participantTarget }),
        ...(input.registrationOpensAt !== undefined ? { registrationOpensAt: toDateOrNull(input.registrationOpensAt) } : {}),
        ...(input.registrationClosesAt !== undefined ? { registrationClosesAt: toDateOrNull(input.registrationClosesAt) } : {}),
      });
      const from = event.capacity === null ? 'unlimited' : String(event.capacity);
      const to = merged.capacity === null ? 'unlimited' : String(merged.capacity);
      await this.fillPlaces(manager, { ...event, capacity: merged.capacity }, `promoted from the waitlist: capacity raised from ${from} to ${to}`);
    });
    return this.events.get(id);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private async lockEvent(manager: EntityManager, eventId: string): Promise<EventEntity> {
    const event = await this.registrations.lockEvent(manager, eventId);
    if (!event) throw notFound('event', eventId);
    return event;
  }

  private async hasPlace(manager: EntityManager, event: EventEntity): Promise<boolean> {
    return event.capacity === null || (await this.registrations.countWithStatus(manager, event.id, 'confirmed')) < event.capacity;
  }

  private async transition(manager: EntityManager, registration: RegistrationEntity, to: RegistrationStatus, actorId: string | null, reason: string | null): Promise<void> {
    await this.registrations.setStatus(manager, registration.id, to);
    await this.registrations.audit(manager, { registrationId: registration.id, eventId: registration.eventId, actorId, fromStatus: registration.status, toStatus: to, reason, overrides: [] });
  }

  /** Gives free places to the oldest waitlisted registrations; runs under the event lock, so each place goes once. */
  private async fillPlaces(manager: EntityManager, event: EventEntity, reason: string): Promise<void> {
    const confirmed = await this.registrations.countWithStatus(manager, event.id, 'confirmed');
    const free = event.capacity === null ? undefined : event.capacity - confirmed;
    if (free !== undefined && free <= 0) return;
    for (const next of await this.registrations.oldestWaitlisted(manager, event.id, free)) {
      await this.transition(manager, next, 'confirmed', null, reason);
    }
  }

  /** The roster to register: the one sent, or else the team's saved roster. Malformed rosters are a 400 naming the row. */
  private async rosterFor(team: TeamEntity, input: CreateRegistrationDto, organizer: boolean): Promise<RosterEntry[]> {
    const roster: RosterEntry[] = input.roster
      ? input.roster.map((entry) => ({ name: entry.name, number: entry.number ?? null, role: entry.role ?? null }))
      : await this.teams.savedRoster(team.id);
    const errors: FieldError[] = duplicateNumberErrors(roster, 'roster');
    if (roster.length === 0 && !organizer) {
      errors.push({ field: 'roster', message: input.roster ? 'must list at least one person' : 'is required: the team has no saved roster' });
    }
    if (errors.length > 0) throw badRequest(`Invalid roster: ${[...new Set(errors.map((e) => e.field))].join(', ')}.`, errors);
    return roster;
  }

  /** The window and roster limits bind team managers (422); for organizers they become recorded overrides. */
  private overridesNeeded(event: EventEntity, roster: RosterEntry[], organizer: boolean): RegistrationOverride[] {
    const overrides: RegistrationOverride[] = [];
    const now = Date.now();
    if (event.registrationOpensAt && now < event.registrationOpensAt.getTime()) {
      if (!organizer) throw unprocessable(`Registration opens at ${toShanghaiIso(event.registrationOpensAt)}.`);
      overrides.push('registration-window');
    } else if (event.registrationClosesAt && now > event.registrationClosesAt.getTime()) {
      if (!organizer) throw unprocessable(`Registration closed at ${toShanghaiIso(event.registrationClosesAt)}.`);
      overrides.push('registration-window');
    }
    const players = roster.filter((entry) => isPlayingMember(entry.role)).length;
    const tooFew = event.rosterMin !== null && players < event.rosterMin;
    const tooMany = event.rosterMax !== null && players > event.rosterMax;
    if (tooFew || tooMany) {
      if (!organizer) {
        const limits = `${event.rosterMin ?? 0}–${event.rosterMax ?? '∞'}`;
        throw unprocessable(`This event takes ${limits} players per team; the roster has ${players}.`, [{ field: 'roster', message: `needs ${limits} players, has ${players}` }]);
      }
      overrides.push('roster-size');
    }
    return overrides;
  }
}

type EventSettings = Pick<EventEntity, 'registrationOpensAt' | 'registrationClosesAt' | 'rosterMin' | 'rosterMax'>;
type MergedSettings = Omit<EventSettings, 'registrationOpensAt' | 'registrationClosesAt'> & { registrationOpensAt: Date | string | null; registrationClosesAt: Date | string | null };

/** A request that leaves the window or the roster limits upside down is malformed (400), like on creation. */
function assertSettingsOrdered(s: MergedSettings): void {
  const errors: FieldError[] = [];
  const opens = s.registrationOpensAt === null ? null : new Date(s.registrationOpensAt).getTime();
  const closes = s.registrationClosesAt === null ? null : new Date(s.registrationClosesAt).getTime();
  if (opens !== null && closes !== null && closes < opens) errors.push({ field: 'registrationClosesAt', message: 'must not be before registrationOpensAt' });
  if (s.rosterMin !== null && s.rosterMax !== null && s.rosterMax < s.rosterMin) errors.push({ field: 'rosterMax', message: 'must not be below rosterMin' });
  if (errors.length > 0) throw badRequest(`Invalid request: ${errors.map((e) => e.field).join(', ')}.`, errors);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const toDateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));
