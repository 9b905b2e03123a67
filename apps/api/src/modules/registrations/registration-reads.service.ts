import { Injectable } from '@nestjs/common';
import type { Caller } from '../../common/auth.js';
import { toCsv } from '../../common/csv.js';
import { notFound } from '../../common/problem.js';
import { EventsService } from '../events/events.service.js';
import { SeasonsService } from '../seasons/seasons.service.js';
import { canManageTeam } from '../teams/teams.service.js';
import {
  type AuditEntryDto,
  type ListRegistrationsQueryDto,
  type NotificationDto,
  type RegistrationDto,
  type RegistrationPageDto,
  toAuditEntryDto,
  toNotificationDto,
  toRegistrationDto,
} from './dto/registration.dto.js';
import type { ParticipationDto, RegistrationSummaryDto } from './dto/summary.dto.js';
import type { RegistrationEntity, RegistrationStatus } from './registration.entity.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { toChinaIso } from '@sailcourt/domain';

const NOTIFICATION_LIMIT = 200;

const share = (part: number, whole: number | null): number | null =>
  whole ? Math.round((part / whole) * 10_000) / 10_000 : null;

/** Reads. Everyone sees team names and statuses; rosters only the team's manager and organizers. */
@Injectable()
export class RegistrationReadsService {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly events: EventsService,
    private readonly seasons: SeasonsService,
  ) {}

  async get(id: string, caller: Caller | undefined): Promise<RegistrationDto> {
    const registration = await this.registrations.findById(id);
    if (!registration) throw notFound('registration', id);
    const positions = await this.registrations.waitlistPositions([registration.eventId]);
    return this.view(registration, caller, positions);
  }

  async listForEvent(
    eventId: string,
    query: ListRegistrationsQueryDto,
    caller: Caller | undefined,
  ): Promise<RegistrationDto[] | RegistrationPageDto> {
    const event = await this.events.require(eventId);
    const [rows, total] = await this.registrations.listForEvent(event.id, query);
    const positions = await this.registrations.waitlistPositions([event.id]);
    const items = rows.map((r) => this.view(r, caller, positions));
    return query.limit === undefined ? items : { items, total };
  }

  async mine(caller: Caller): Promise<RegistrationDto[]> {
    const rows = await this.registrations.forManager(caller.id);
    const positions = await this.registrations.waitlistPositions([...new Set(rows.map((r) => r.eventId))]);
    return rows.map((r) => toRegistrationDto(r, { withRoster: true, waitlistPosition: positions.get(r.id) ?? null }));
  }

  async notifications(caller: Caller): Promise<NotificationDto[]> {
    return (await this.registrations.notificationsFor(caller.id, NOTIFICATION_LIMIT)).map((entry) =>
      toNotificationDto(entry, caller.id),
    );
  }

  async auditForRegistration(id: string): Promise<AuditEntryDto[]> {
    if (!(await this.registrations.findById(id))) throw notFound('registration', id);
    return (await this.registrations.auditForRegistration(id)).map(toAuditEntryDto);
  }

  async auditForEvent(eventId: string): Promise<AuditEntryDto[]> {
    const event = await this.events.require(eventId);
    return (await this.registrations.auditForEvent(event.id)).map(toAuditEntryDto);
  }

  /** Organizers' export: every registration with its roster and the managing account to contact. */
  async csv(eventId: string): Promise<{ filename: string; body: string }> {
    const event = await this.events.require(eventId);
    const [rows] = await this.registrations.listForEvent(event.id, {}, true);
    const positions = await this.registrations.waitlistPositions([event.id]);
    const body = toCsv(
      [
        'registration_id',
        'team',
        'team_en',
        'city',
        'status',
        'waitlist_position',
        'roster_size',
        'roster',
        'manager',
        'manager_email',
        'created_at',
        'updated_at',
      ],
      rows.map((r) => [
        r.id,
        r.team?.name,
        r.team?.nameEn,
        r.team?.city,
        r.status,
        positions.get(r.id),
        r.roster.length,
        r.roster
          .map((p) =>
            [p.number === null ? null : `#${p.number}`, p.name, p.role ? `(${p.role})` : null]
              .filter(Boolean)
              .join(' '),
          )
          .join('; '),
        r.team?.manager?.displayName,
        r.team?.manager?.email,
        toChinaIso(r.createdAt),
        toChinaIso(r.updatedAt),
      ]),
    );
    return { filename: `registrations-${event.slug ?? event.id}.csv`, body };
  }

  async summary(eventId: string): Promise<RegistrationSummaryDto> {
    const event = await this.events.require(eventId);
    const tally = await this.registrations.tally(event.id);
    const count = (status: RegistrationStatus) => tally.find((t) => t.status === status)?.registrations ?? 0;
    const confirmed = count('confirmed');
    const now = Date.now();
    return {
      eventId: event.id,
      capacity: event.capacity,
      registrationMode: event.registrationMode,
      confirmed,
      waitlisted: count('waitlisted'),
      pending: count('pending'),
      rejected: count('rejected'),
      withdrawn: count('withdrawn'),
      placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - confirmed),
      participants: tally.find((t) => t.status === 'confirmed')?.people ?? 0,
      participantTarget: event.participantTarget,
      registrationOpen:
        (!event.registrationOpensAt || now >= event.registrationOpensAt.getTime()) &&
        (!event.registrationClosesAt || now <= event.registrationClosesAt.getTime()),
      registrationOpensAt: event.registrationOpensAt ? toChinaIso(event.registrationOpensAt) : null,
      registrationClosesAt: event.registrationClosesAt ? toChinaIso(event.registrationClosesAt) : null,
    };
  }

  async participation(seasonKey: string): Promise<ParticipationDto> {
    const season = await this.seasons.require(seasonKey);
    const events = await this.registrations.participationBySeason(season.id);
    const divisions = await this.registrations.participationByDivision(season.id);
    const cities = await this.registrations.participationByCity(season.id);
    const participants = events.reduce((sum, e) => sum + e.participants, 0);
    return {
      seasonId: season.id,
      seasonName: season.name,
      seasonNameEn: season.nameEn,
      confirmedTeams: events.reduce((sum, e) => sum + e.confirmedTeams, 0),
      participants,
      participantTarget: season.targetParticipants,
      shareOfTarget: share(participants, season.targetParticipants),
      events: events.map((e) => ({
        eventId: e.id,
        slug: e.slug,
        name: e.name,
        nameEn: e.nameEn,
        startDate: e.startDate,
        confirmedTeams: e.confirmedTeams,
        participants: e.participants,
        participantTarget: e.participantTarget,
        shareOfTarget: share(e.participants, e.participantTarget),
        divisions: divisions.filter((d) => d.eventId === e.id).map(({ eventId: _eventId, ...d }) => d),
      })),
      cities: cities.map((c) => ({ ...c, shareOfSeason: share(c.participants, participants) ?? 0 })),
    };
  }

  private view(
    registration: RegistrationEntity,
    caller: Caller | undefined,
    positions: Map<string, number>,
  ): RegistrationDto {
    const withRoster = registration.team !== undefined && canManageTeam(registration.team, caller);
    return toRegistrationDto(registration, { withRoster, waitlistPosition: positions.get(registration.id) ?? null });
  }
}
