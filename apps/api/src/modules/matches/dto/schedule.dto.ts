import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsName } from '../../../common/dto.js';
import { MatchDto } from './match.dto.js';

export type ScheduleFormat = 'round-robin';
export const SCHEDULE_FORMATS: readonly ScheduleFormat[] = ['round-robin'];

export class ScheduleVenueDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  venueId: string;

  @ApiPropertyOptional({
    type: [Number],
    description: 'Court numbers to use (1-based); omitted: every court of the venue',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(99)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(99, { each: true })
  courts?: number[];
}

export class ScheduleRequestDto {
  @ApiProperty({ enum: SCHEDULE_FORMATS })
  @IsIn(SCHEDULE_FORMATS)
  format: ScheduleFormat;

  @ApiPropertyOptional({
    maxLength: 60,
    example: 'U10-girls',
    description:
      'The division (id or code) to schedule, from its confirmed teams; only its games are replaced. Required when the event has divisions (400)',
  })
  @IsOptional()
  @IsName(60)
  division?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Double round robin: the second cycle repeats the first with home and away swapped',
  })
  @IsOptional()
  @IsBoolean()
  double?: boolean;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 26,
    default: 1,
    description: "Groups A, B, …, dealt in snake order from the seeding; 1 = a single group ''",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(26)
  groups?: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'Seeding for the snake draw, strongest first: every confirmed team once. Default: registration order',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  seededTeamIds?: string[];

  @ApiPropertyOptional({
    type: [ScheduleVenueDto],
    description: "Venues and courts in order of preference; default: every court of the event's venue",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ScheduleVenueDto)
  venues?: ScheduleVenueDto[];

  @ApiPropertyOptional({
    type: [String],
    example: ['17:00', '19:30'],
    description: 'Local start times each day (Asia/Shanghai); default 17:00 and 19:30',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(24)
  @ArrayUnique()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { each: true, message: '$property must hold HH:MM times' })
  dailySlots?: string[];

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 168,
    default: 12,
    description: "Hours between the end of a team's game and its next one",
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(168)
  minRestHours?: number;

  @ApiPropertyOptional({ minimum: 20, maximum: 480, default: 120, description: 'How long a game holds its court' })
  @IsOptional()
  @IsInt()
  @Min(20)
  @Max(480)
  matchDurationMinutes?: number;

  @ApiPropertyOptional({
    format: 'date',
    description: "First day to use; default the event's start date (must lie within the event)",
  })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ format: 'date', description: "Last day to use; default the event's end date" })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string;

  @ApiPropertyOptional({ default: false, description: 'Preview: returns the schedule without storing anything' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: "Replace the event's existing matches (refused with 409 once any has a result)",
  })
  @IsOptional()
  @IsBoolean()
  replace?: boolean;
}

export class ScheduleGroupDto {
  @ApiProperty({ description: "'' for a single group" }) name: string;
  @ApiProperty({ type: [String] }) teamIds: string[];
}

/** A game the scheduler could not place: reported, never dropped. */
export class UnplacedMatchDto {
  @ApiProperty({ format: 'uuid' }) homeTeamId: string;
  @ApiProperty({ format: 'uuid' }) awayTeamId: string;
  @ApiProperty() group: string;
  @ApiProperty() round: number;
  @ApiProperty({ enum: ['no-free-slot', 'team-unavailable'] }) reason: 'no-free-slot' | 'team-unavailable';
  @ApiProperty({ type: [String] }) blockingTeamIds: string[];
  @ApiProperty() detail: string;
}

export class ScheduleResultDto {
  @ApiProperty({ description: 'true: a preview, nothing was stored (matches carry id "")' }) dryRun: boolean;
  @ApiProperty({ type: [ScheduleGroupDto] }) groups: ScheduleGroupDto[];
  @ApiProperty({ type: [MatchDto], description: 'The games created (or, in a preview, that would be)' })
  matches: MatchDto[];
  @ApiProperty({ type: [UnplacedMatchDto] }) unplaced: UnplacedMatchDto[];
}
