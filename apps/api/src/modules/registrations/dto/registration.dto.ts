import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsName } from '../../../common/dto.js';
import { PageQueryDto } from '../../../common/pagination.dto.js';
import {
  REGISTRATION_OVERRIDES,
  type RegistrationAuditEntity,
  type RegistrationOverride,
} from '../registration-audit.entity.js';
import {
  REGISTRATION_STATUSES,
  type RegistrationEntity,
  type RegistrationStatus,
  type RosterEntry,
} from '../registration.entity.js';
import { toChinaIso } from '@sailcourt/domain';

export const MAX_REGISTRATION_ROSTER = 200;

export class RosterEntryInputDto {
  @ApiProperty({ example: '王小明', maxLength: 100 })
  @IsName(100)
  name: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 99, description: 'Shirt number, unique within the roster' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(99)
  number?: number;

  @ApiPropertyOptional({
    example: 'player',
    maxLength: 40,
    description: 'player (default), coach, skipper, crew, …; staff roles do not count toward roster limits',
  })
  @IsOptional()
  @IsName(40)
  role?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2013-05-20',
    description:
      "Checked against the division's birth-date cut-off (400 naming roster.N.birthDate when born before it)",
  })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string;
}

export class CreateRegistrationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  teamId: string;

  @ApiPropertyOptional({
    maxLength: 60,
    example: 'U10-girls',
    description: 'The division (id or code); required when the event has divisions (400), unknown: 422',
  })
  @IsOptional()
  @IsName(60)
  divisionId?: string;

  @ApiPropertyOptional({
    type: [RosterEntryInputDto],
    description: 'Who takes part. Omitted: the team’s saved roster is used. Team managers need at least one person.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REGISTRATION_ROSTER)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RosterEntryInputDto)
  roster?: RosterEntryInputDto[];

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Why (kept in the audit log), e.g. for an organizer’s late registration',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** Statuses a PATCH may ask for; `waitlisted` lets an organizer approve a team into the queue when the event is full. */
export type RequestedStatus = 'confirmed' | 'rejected' | 'withdrawn' | 'waitlisted';
export const REQUESTED_STATUSES: readonly RequestedStatus[] = ['confirmed', 'rejected', 'withdrawn', 'waitlisted'];

export class UpdateRegistrationDto {
  @ApiProperty({
    enum: REQUESTED_STATUSES,
    description: 'Organizers: confirmed, rejected, waitlisted, withdrawn; the team’s manager: withdrawn',
  })
  @IsIn(REQUESTED_STATUSES)
  status: RequestedStatus;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class WithdrawalRequestInputDto {
  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Why the team withdraws (shown to the organizer, kept in the audit log)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class AwaitingDecisionDto {
  @ApiProperty({ description: 'Registrations waiting for approval, over all events' }) pending: number;
  @ApiProperty({ description: 'Withdrawals of teams that have played games, waiting for an organizer' })
  withdrawalRequests: number;
  @ApiProperty({ description: 'pending + withdrawalRequests' }) total: number;
}

export class ListRegistrationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;
}

export class RosterEntryDto {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number }) number: number | null;
  @ApiProperty({ nullable: true, type: String }) role: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', description: 'Only when the registration gave one' })
  birthDate?: string;
}

export class RegistrationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() eventName: string;
  @ApiProperty({ nullable: true, type: String }) eventNameEn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null in an event without divisions' })
  divisionId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'U10-girls' }) divisionCode: string | null;
  @ApiProperty({ nullable: true, type: String }) divisionName: string | null;
  @ApiProperty({ nullable: true, type: String }) divisionNameEn: string | null;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ nullable: true, type: String }) teamNameEn: string | null;
  @ApiProperty({ nullable: true, type: String }) teamCity: string | null;
  @ApiProperty({ nullable: true, type: String }) teamCityEn: string | null;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty({ nullable: true, type: Number, description: '1 = next to be promoted; null unless waitlisted' })
  waitlistPosition: number | null;
  @ApiProperty({ description: 'People on the registered roster (all roles)' }) rosterSize: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2023-07-20T10:00:00+08:00',
    description:
      'Set while the team’s manager asks to withdraw a team that has played games; an organizer approves (PATCH status withdrawn) or declines',
  })
  withdrawalRequestedAt: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The request’s reason; only for the team’s manager and organizers',
  })
  withdrawalReason?: string | null;
  @ApiPropertyOptional({
    type: [RosterEntryDto],
    description: 'Only for the team’s manager and organizers (personal data)',
  })
  roster?: RosterEntryDto[];
  @ApiProperty({ example: '2023-07-01T10:00:00+08:00' }) createdAt: string;
  @ApiProperty({ example: '2023-07-01T10:00:00+08:00' }) updatedAt: string;
}

export class RegistrationPageDto {
  @ApiProperty({ type: [RegistrationDto] }) items: RegistrationDto[];
  @ApiProperty() total: number;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null: the system (automatic promotion)' })
  actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['organizer', 'team_manager'] }) actorRole: string | null;
  @ApiProperty({ nullable: true, enum: REGISTRATION_STATUSES, description: 'null when the registration was created' })
  fromStatus: RegistrationStatus | null;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) toStatus: RegistrationStatus;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ enum: REGISTRATION_OVERRIDES, isArray: true, description: 'Rules an organizer overrode' })
  overrides: RegistrationOverride[];
  @ApiProperty({ example: '2023-07-01T10:00:00+08:00' }) at: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() eventName: string;
  @ApiProperty({ nullable: true, type: String }) eventNameEn: string | null;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ nullable: true, enum: REGISTRATION_STATUSES }) fromStatus: RegistrationStatus | null;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) toStatus: RegistrationStatus;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ description: 'true when the reader made this change' }) byMe: boolean;
  @ApiProperty({ example: '2023-07-01T10:00:00+08:00' }) at: string;
}

const toRosterEntryDto = (entry: RosterEntry): RosterEntryDto => ({
  name: entry.name,
  number: entry.number ?? null,
  role: entry.role ?? null,
  ...(entry.birthDate ? { birthDate: entry.birthDate } : {}),
});

export type RegistrationView = { withRoster: boolean; waitlistPosition: number | null };

/** Needs the `team` and `event` relations loaded (and `division` for a registration in one). */
export function toRegistrationDto(r: RegistrationEntity, view: RegistrationView): RegistrationDto {
  if (!r.team || !r.event) throw new Error('toRegistrationDto needs the team and event relations');
  return {
    id: r.id,
    eventId: r.eventId,
    eventName: r.event.name,
    eventNameEn: r.event.nameEn,
    divisionId: r.divisionId,
    divisionCode: r.division?.code ?? null,
    divisionName: r.division?.name ?? null,
    divisionNameEn: r.division?.nameEn ?? null,
    teamId: r.teamId,
    teamName: r.team.name,
    teamNameEn: r.team.nameEn,
    teamCity: r.team.city,
    teamCityEn: r.team.cityEn,
    status: r.status,
    waitlistPosition: r.status === 'waitlisted' ? view.waitlistPosition : null,
    rosterSize: r.roster.length,
    withdrawalRequestedAt: r.withdrawalRequestedAt ? toChinaIso(r.withdrawalRequestedAt) : null,
    ...(view.withRoster ? { roster: r.roster.map(toRosterEntryDto), withdrawalReason: r.withdrawalReason } : {}),
    createdAt: toChinaIso(r.createdAt),
    updatedAt: toChinaIso(r.updatedAt),
  };
}

/** Needs the `actor` and `registration.team` relations loaded. */
export function toAuditEntryDto(a: RegistrationAuditEntity): AuditEntryDto {
  return {
    id: a.id,
    registrationId: a.registrationId,
    eventId: a.eventId,
    teamId: a.registration?.teamId ?? '',
    teamName: a.registration?.team?.name ?? '',
    actorId: a.actorId,
    actorName: a.actor?.displayName ?? null,
    actorRole: a.actor?.role ?? null,
    fromStatus: a.fromStatus,
    toStatus: a.toStatus,
    reason: a.reason,
    overrides: a.overrides,
    at: toChinaIso(a.at),
  };
}

/** Needs the `event` and `registration.team` relations loaded. */
export function toNotificationDto(a: RegistrationAuditEntity, readerId: string): NotificationDto {
  return {
    id: a.id,
    registrationId: a.registrationId,
    eventId: a.eventId,
    eventName: a.event?.name ?? '',
    eventNameEn: a.event?.nameEn ?? null,
    teamId: a.registration?.teamId ?? '',
    teamName: a.registration?.team?.name ?? '',
    fromStatus: a.fromStatus,
    toStatus: a.toStatus,
    reason: a.reason,
    byMe: a.actorId === readerId,
    at: toChinaIso(a.at),
  };
}
