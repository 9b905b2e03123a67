import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  IsCalendarDate,
  IsInstant,
  IsName,
  IsOmittable,
  IsOptionalName,
  SourcedDto,
  sourcedFields,
} from '../../../common/dto.js';
import { SPORTS, type Sport } from '../../teams/team.entity.js';
import { VenueDto, toVenueDto } from '../../venues/dto/venue.dto.js';
import {
  EVENT_KINDS,
  type EventEntity,
  type EventKind,
  REGISTRATION_MODES,
  type RegistrationMode,
  RULESETS,
  type Ruleset,
} from '../event.entity.js';
import { toChinaIso } from '@sailcourt/domain';

export class CreateEventDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  seasonId: string;

  @ApiProperty({ example: '青岛市3x3街头篮球赛' })
  @IsName()
  name: string;

  @ApiPropertyOptional({ example: 'Qingdao 3x3 Street Basketball' })
  @IsOptionalName()
  nameEn?: string;

  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS)
  kind: EventKind;

  @ApiPropertyOptional({ enum: SPORTS, default: 'basketball', description: 'Only teams of this sport may register' })
  @IsOptional()
  @IsIn(SPORTS)
  sport?: Sport;

  @ApiProperty({ format: 'date', example: '2023-07-15' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ format: 'date', example: '2023-07-16' })
  @IsCalendarDate()
  endDate: string;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 0,
    description: 'Maximum confirmed teams; null = unlimited',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  capacity?: number | null;

  @ApiPropertyOptional({ enum: REGISTRATION_MODES, default: 'approval' })
  @IsOmittable()
  @IsIn(REGISTRATION_MODES)
  registrationMode?: RegistrationMode;

  @ApiPropertyOptional({
    enum: RULESETS,
    default: 'fiba',
    description:
      'Basketball rules: five-a-side FIBA, or FIBA 3x3 (pools ranked by the 3x3 rules; games end at 21 or in overtime)',
  })
  @IsOptional()
  @IsIn(RULESETS)
  ruleset?: Ruleset;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  descriptionEn?: string;

  @ApiPropertyOptional({ example: '2023-06-20T09:00:00+08:00' })
  @IsOptional()
  @IsInstant()
  registrationOpensAt?: string;

  @ApiPropertyOptional({ example: '2023-07-08T18:00:00+08:00' })
  @IsOptional()
  @IsInstant()
  registrationClosesAt?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'Fewest roster members a team manager may register' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  rosterMin?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Most roster members a team manager may register' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  rosterMax?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  participantTarget?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsName(60, { each: true })
  cities?: string[];
}

export class EventDto extends SourcedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) seasonId: string;
  @ApiProperty({ nullable: true, type: String }) slug: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ enum: EVENT_KINDS }) kind: EventKind;
  @ApiProperty({ enum: SPORTS }) sport: Sport;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) descriptionEn: string | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) venueId: string | null;
  @ApiProperty({ nullable: true, type: VenueDto }) venue: VenueDto | null;
  @ApiProperty({ nullable: true, type: Number }) capacity: number | null;
  @ApiProperty({ enum: REGISTRATION_MODES }) registrationMode: RegistrationMode;
  @ApiProperty({ nullable: true, type: String }) registrationOpensAt: string | null;
  @ApiProperty({ nullable: true, type: String }) registrationClosesAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) rosterMin: number | null;
  @ApiProperty({ nullable: true, type: Number }) rosterMax: number | null;
  @ApiProperty({ nullable: true, type: Number }) participantTarget: number | null;
  @ApiProperty({ type: [String] }) cities: string[];
  @ApiProperty({ enum: RULESETS, description: 'fiba (five-a-side) or fiba-3x3' }) ruleset: Ruleset;
}

const instantOrNull = (value: Date | null): string | null => (value ? toChinaIso(value) : null);

export const toEventDto = (e: EventEntity): EventDto => ({
  id: e.id,
  seasonId: e.seasonId,
  slug: e.slug,
  name: e.name,
  nameEn: e.nameEn,
  kind: e.kind,
  sport: e.sport,
  description: e.description,
  descriptionEn: e.descriptionEn,
  startDate: e.startDate,
  endDate: e.endDate,
  venueId: e.venueId,
  venue: e.venue ? toVenueDto(e.venue) : null,
  capacity: e.capacity,
  registrationMode: e.registrationMode,
  registrationOpensAt: instantOrNull(e.registrationOpensAt),
  registrationClosesAt: instantOrNull(e.registrationClosesAt),
  rosterMin: e.rosterMin,
  rosterMax: e.rosterMax,
  participantTarget: e.participantTarget,
  cities: e.cities,
  ruleset: e.ruleset,
  ...sourcedFields(e),
});
