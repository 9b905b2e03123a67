import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsInstant, IsName, IsOptionalName, SourcedDto, sourcedFields } from '../../../common/dto.js';
import { CREW_ROLES, type CrewRole, type EntryEntity } from '../entry.entity.js';
import type { LegEntity, LegMark } from '../leg.entity.js';
import { LegGeometryInputDto, LegMarkDto } from './leg-geometry.dto.js';
import type { RallyEntity } from '../rally.entity.js';
import { toChinaIso } from '@sailcourt/domain';

export class CreateRallyDto {
  @ApiProperty({ example: '2024 半岛城市帆船拉力赛' }) @IsName(200) name: string;
  @ApiPropertyOptional() @IsOptionalName(200) nameEn?: string;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() startDate: string;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() endDate: string;
  @ApiPropertyOptional({
    minimum: 0,
    default: 0,
    description: "How many of each boat's worst leg scores are excluded (RRS A2.1)",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  discards?: number;
  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(100_000)
  distanceNm?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) descriptionEn?: string;
}

export class CreateLegDto extends LegGeometryInputDto {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(200) number: number;
  @ApiProperty({ example: '青岛' }) @IsName(120) from: string;
  @ApiProperty({ example: '潍坊' }) @IsName(120) to: string;
  @ApiPropertyOptional({ example: 'Qingdao' }) @IsOptionalName(120) fromEn?: string;
  @ApiPropertyOptional({ example: 'Weifang' }) @IsOptionalName(120) toEn?: string;
  @ApiProperty({ minimum: 0.1 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(30_000)
  distanceNm: number;
  @ApiProperty({ example: '2023-06-19T10:00:00+08:00' }) @IsInstant() startsAt: string;
  @ApiPropertyOptional({ default: 1, description: 'A long leg may count 1.5 or 2 times' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(10)
  coefficient?: number;
}

export class UpdateRallyDto {
  @ApiPropertyOptional({
    minimum: 0,
    description: "How many of each boat's worst leg scores are excluded (RRS A2.1); at most the number of legs − 1",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  discards?: number;
}

export class CrewMemberDto {
  @ApiProperty({ example: '张伟', maxLength: 100 }) @IsName(100) name: string;
  @ApiProperty({ enum: CREW_ROLES }) @IsIn(CREW_ROLES) role: CrewRole;
}

export class CreateEntryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() teamId: string;
  @ApiProperty({ example: 'First 40 · 08' }) @IsName(120) boatName: string;
  @ApiPropertyOptional({ example: 'CHN 108' }) @IsOptionalName(30) sailNumber?: string;
  @ApiPropertyOptional({ default: 1, description: 'Time-correction factor (time on time); 1 for one-design boats' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(10)
  rating?: number;
  @ApiPropertyOptional({
    type: [CrewMemberDto],
    description: 'Who sails the boat; personal data, returned to organizers only',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CrewMemberDto)
  crew?: CrewMemberDto[];
}

export class CoordinatesDto {
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
}

export class LegWinnerDto {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty() boatName: string;
  @ApiProperty({ nullable: true, type: String }) sailNumber: string | null;
  @ApiProperty() teamName: string;
  @ApiProperty({ nullable: true, type: String }) teamNameEn: string | null;
}

export class LegDto extends SourcedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty() from: string;
  @ApiProperty({ nullable: true, type: String }) fromEn: string | null;
  @ApiProperty({ nullable: true, type: CoordinatesDto }) fromCoordinates: CoordinatesDto | null;
  @ApiProperty() to: string;
  @ApiProperty({ nullable: true, type: String }) toEn: string | null;
  @ApiProperty({
    nullable: true,
    type: CoordinatesDto,
    description: 'The finish point (the middle of the finish line when there is one)',
  })
  toCoordinates: CoordinatesDto | null;
  @ApiProperty({ type: [LegMarkDto], description: 'Marks to pass in order between start and finish' })
  waypoints: LegMarkDto[];
  @ApiProperty({
    nullable: true,
    type: [LegMarkDto],
    description: 'The two ends of the finish line, when the finish is a line',
  })
  finishLine: LegMarkDto[] | null;
  @ApiProperty() distanceNm: number;
  @ApiProperty({ example: '2023-06-19T10:00:00+08:00' }) startsAt: string;
  @ApiProperty() coefficient: number;
  @ApiProperty({
    nullable: true,
    type: LegWinnerDto,
    description: 'The best-scored boat of the leg once it has results; null before',
  })
  winner: LegWinnerDto | null;
}

export class EntryDto extends SourcedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ nullable: true, type: String }) teamNameEn: string | null;
  @ApiProperty() boatName: string;
  @ApiProperty({ nullable: true, type: String }) sailNumber: string | null;
  @ApiProperty() rating: number;
  @ApiPropertyOptional({ type: [CrewMemberDto], description: 'Only in responses to organizers (personal data)' })
  crew?: CrewMemberDto[];
}

export class RallySummaryDto extends SourcedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) slug: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) descriptionEn: string | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty() discards: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The published course length' }) distanceNm: number | null;
  @ApiProperty({ nullable: true, type: String }) boatClass: string | null;
  @ApiProperty({ nullable: true, type: String }) rules: string | null;
}

export class RallyDto extends RallySummaryDto {
  @ApiProperty({ type: [LegDto] }) legs: LegDto[];
  @ApiProperty({ type: [EntryDto] }) entries: EntryDto[];
  @ApiProperty({
    description:
      'Grows with every write that stores new tracker positions; GET …/tracking/live takes it as Last-Event-ID',
  })
  positionsVersion: number;
}

const toMarkDto = (m: LegMark): LegMarkDto =>
  m.name ? { lat: m.lat, lon: m.lon, name: m.name } : { lat: m.lat, lon: m.lon };

const coordinates = (lat: number | null, lon: number | null): CoordinatesDto | null =>
  lat === null || lon === null ? null : { lat, lon };

export const toLegDto = (l: LegEntity, winner: LegWinnerDto | null = null): LegDto => ({
  id: l.id,
  number: l.number,
  from: l.fromPort,
  fromEn: l.fromPortEn,
  fromCoordinates: coordinates(l.fromLat, l.fromLon),
  to: l.toPort,
  toEn: l.toPortEn,
  toCoordinates: coordinates(l.toLat, l.toLon),
  waypoints: l.waypoints.map(toMarkDto),
  finishLine: l.finishLine ? l.finishLine.map(toMarkDto) : null,
  distanceNm: l.distanceNm,
  startsAt: toChinaIso(l.startsAt),
  coefficient: l.coefficient,
  winner,
  ...sourcedFields(l),
});

/** `withCrew` only for organizers: a crew list is personal data. */
export const toEntryDto = (e: EntryEntity, withCrew = false): EntryDto => ({
  id: e.id,
  teamId: e.teamId,
  teamName: e.team?.name ?? '',
  teamNameEn: e.team?.nameEn ?? null,
  boatName: e.boatName,
  sailNumber: e.sailNumber,
  rating: e.rating,
  ...(withCrew ? { crew: e.crew.map(({ name, role }) => ({ name, role })) } : {}),
  ...sourcedFields(e),
});

export const toRallySummaryDto = (r: RallyEntity): RallySummaryDto => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  nameEn: r.nameEn,
  description: r.description,
  descriptionEn: r.descriptionEn,
  startDate: r.startDate,
  endDate: r.endDate,
  discards: r.discards,
  distanceNm: r.distanceNm,
  boatClass: r.boatClass,
  rules: r.rules,
  ...sourcedFields(r),
});
