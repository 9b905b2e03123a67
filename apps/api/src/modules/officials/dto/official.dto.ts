import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OFFICIAL_ROLES, type OfficialRole, toChinaIso } from '@sailcourt/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant, IsName, IsOmittable, IsOptionalName } from '../../../common/dto.js';
import type { OfficialEntity } from '../official.entity.js';

export class AvailabilityDto {
  @ApiProperty({ example: '2023-07-15T08:00:00+08:00' }) @IsInstant() startsAt: string;
  @ApiProperty({ example: '2023-07-15T18:00:00+08:00' }) @IsInstant() endsAt: string;
}

/**
 * The list rules creation and change share (they differ in whether null may clear a field). Listed
 * bottom-up, the order stacked decorators register in, so errors come out as before.
 */
const IsRoleList = (): PropertyDecorator =>
  applyDecorators(IsIn(OFFICIAL_ROLES, { each: true }), ArrayUnique(), ArrayMinSize(1), IsArray());
const IsTeamIdList = (): PropertyDecorator =>
  applyDecorators(IsUUID('all', { each: true }), ArrayMaxSize(50), IsArray());
const IsAvailabilityList = (): PropertyDecorator =>
  applyDecorators(
    Type(() => AvailabilityDto),
    ValidateNested({ each: true }),
    ArrayMaxSize(200),
    IsArray(),
  );

export class CreateOfficialDto {
  @ApiProperty({ example: '王建国' }) @IsName() name: string;
  @ApiPropertyOptional({ example: 'Wang Jianguo' }) @IsOptionalName() nameEn?: string;

  @ApiPropertyOptional({ example: '138 0000 0000', description: 'Phone or e-mail; organizers only' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The official’s account, if they have one' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: OFFICIAL_ROLES, isArray: true, default: ['referee'] })
  @IsOptional()
  @IsRoleList()
  roles?: OfficialRole[];

  @ApiPropertyOptional({ type: [String], description: 'Teams whose games this official must not work' })
  @IsOptional()
  @IsTeamIdList()
  affiliatedTeamIds?: string[];

  @ApiPropertyOptional({
    type: [AvailabilityDto],
    description: 'When the official can work; none = no restriction recorded',
  })
  @IsOptional()
  @IsAvailabilityList()
  availability?: AvailabilityDto[];
}

/** Only the fields sent change; `null` clears an optional one (English name, contact, account). */
export class UpdateOfficialDto {
  @ApiPropertyOptional({ example: '王建国' }) @IsOmittable() @IsName() name?: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Wang Jianguo' }) @IsOptionalName() nameEn?:
    string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Phone or e-mail; organizers only' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string | null;

  @ApiPropertyOptional({ enum: OFFICIAL_ROLES, isArray: true })
  @IsOmittable()
  @IsRoleList()
  roles?: OfficialRole[];

  @ApiPropertyOptional({ type: [String], description: 'Replaces the affiliations' })
  @IsOmittable()
  @IsTeamIdList()
  affiliatedTeamIds?: string[];

  @ApiPropertyOptional({
    type: [AvailabilityDto],
    description: 'Replaces the availability; [] = no restriction recorded',
  })
  @IsOmittable()
  @IsAvailabilityList()
  availability?: AvailabilityDto[];
}

export class OfficialDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ nullable: true, type: String }) contact: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId: string | null;
  @ApiProperty({ enum: OFFICIAL_ROLES, isArray: true }) roles: OfficialRole[];
  @ApiProperty({ type: [String] }) affiliatedTeamIds: string[];
  @ApiProperty({ type: [AvailabilityDto] }) availability: AvailabilityDto[];
}

export const toOfficialDto = (o: OfficialEntity): OfficialDto => ({
  id: o.id,
  name: o.name,
  nameEn: o.nameEn,
  contact: o.contact,
  userId: o.userId,
  roles: o.roles,
  affiliatedTeamIds: o.affiliatedTeamIds,
  availability: o.availability.map((w) => ({
    startsAt: toChinaIso(new Date(w.startsAt)),
    endsAt: toChinaIso(new Date(w.endsAt)),
  })),
});

export class AssignOfficialDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() officialId: string;
  @ApiProperty({ enum: OFFICIAL_ROLES }) @IsIn(OFFICIAL_ROLES) role: OfficialRole;
}

export class AssignmentItemDto extends AssignOfficialDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() matchId: string;
}

export class SaveAssignmentsDto {
  @ApiProperty({
    type: [AssignmentItemDto],
    description: 'Saved together or not at all; each is checked against the others too',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AssignmentItemDto)
  assignments: AssignmentItemDto[];
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'uuid' }) officialId: string;
  @ApiProperty() officialName: string;
  @ApiProperty({ nullable: true, type: String }) officialNameEn: string | null;
  @ApiProperty({ enum: OFFICIAL_ROLES }) role: OfficialRole;
}

/** A game as an official's schedule and the board show it. */
export class OfficiatedGameDto {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() eventName: string;
  @ApiProperty({ nullable: true, type: String }) eventNameEn: string | null;
  @ApiProperty({ nullable: true, type: String }) startsAt: string | null;
  @ApiProperty({ nullable: true, type: String }) venueName: string | null;
  @ApiProperty({ nullable: true, type: String }) venueNameEn: string | null;
  @ApiProperty() homeTeamName: string;
  @ApiProperty({ nullable: true, type: String }) homeTeamNameEn: string | null;
  @ApiProperty() awayTeamName: string;
  @ApiProperty({ nullable: true, type: String }) awayTeamNameEn: string | null;
  @ApiProperty() group: string;
  @ApiProperty() status: string;
}

export class OfficialScheduleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ enum: OFFICIAL_ROLES, isArray: true }) roles: OfficialRole[];
  @ApiProperty({ type: () => [OfficialGameAssignmentDto] }) games: OfficialGameAssignmentDto[];
}

export class OfficialGameAssignmentDto extends OfficiatedGameDto {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ enum: OFFICIAL_ROLES }) role: OfficialRole;
}

export class RoleCountDto {
  @ApiProperty() referee: number;
  @ApiProperty() table: number;
}

export class BoardGameDto extends OfficiatedGameDto {
  @ApiProperty({ type: [AssignmentDto] }) officials: AssignmentDto[];
  @ApiProperty({
    type: RoleCountDto,
    description: 'Officials still needed per role; any above 0 = the game is not fully staffed',
  })
  missing: RoleCountDto;
}

export class BoardOfficialDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ enum: OFFICIAL_ROLES, isArray: true }) roles: OfficialRole[];
  @ApiProperty({ description: 'Games assigned in this event' }) games: number;
}

export class AssignmentBoardDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ type: RoleCountDto, description: 'Officials each game needs, per role' }) slots: RoleCountDto;
  @ApiProperty({ description: 'Minutes needed between games at different venues' }) travelBufferMinutes: number;
  @ApiProperty({ type: [BoardGameDto] }) games: BoardGameDto[];
  @ApiProperty({ type: [BoardOfficialDto] }) officials: BoardOfficialDto[];
}

export class UnfilledSlotDto {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ enum: OFFICIAL_ROLES }) role: OfficialRole;
  @ApiProperty() missing: number;
}

export class AssignmentSuggestionDto {
  @ApiProperty({
    type: [AssignmentItemDto],
    description: 'Nothing is saved: send them to PUT …/officials/assignments after review',
  })
  assignments: AssignmentItemDto[];
  @ApiProperty({ type: [UnfilledSlotDto], description: 'Slots no official can take without breaking a check' })
  unfilled: UnfilledSlotDto[];
}

export class AssignmentAuditEntryDto {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'uuid' }) officialId: string;
  @ApiProperty({ enum: OFFICIAL_ROLES }) role: OfficialRole;
  @ApiProperty({ enum: ['assigned', 'unassigned'] }) action: 'assigned' | 'unassigned';
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The organizer who did it' }) actorId:
    string | null;
  @ApiProperty({ example: '2023-07-15T09:30:00+08:00' }) at: string;
}
