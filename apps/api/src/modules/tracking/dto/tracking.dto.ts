import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsInstant, IsOptionalName } from '../../../common/dto.js';

/** One fix in `POST /rallies/:id/positions`. */
export class PositionInputDto {
  @ApiProperty({ format: 'uuid', description: 'An entry (boat) of this rally' }) @IsUUID() entryId: string;
  @ApiProperty({
    example: '2023-06-19T14:00:00+08:00',
    description: 'Instant of the fix, with an offset; inside the rally',
  })
  @IsInstant()
  at: string;
  @ApiProperty({ minimum: -90, maximum: 90 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;
  @ApiProperty({ minimum: -180, maximum: 180 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lon: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Speed over ground reported by the tracker, knots' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  sogKn?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 359.999, description: 'Course over ground, degrees true' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(359.999)
  cogDeg?: number;
}

export class RejectedRowDto {
  @ApiProperty({ description: '0-based index of the row in the batch (or 1-based line number in a file)' })
  index: number;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      required: ['field', 'message'],
      properties: {
        field: { type: 'string' },
        message: { type: 'string' },
        code: { type: 'string', description: 'e.g. track.latitude, track.outside-rally (files)' },
      },
    },
  })
  errors: { field: string; message: string; code?: string }[];
}

export class IngestResultDto {
  @ApiProperty({ description: 'Fixes stored' }) accepted: number;
  @ApiProperty({ description: 'Fixes already stored for the same boat and instant (not errors)' }) duplicates: number;
  @ApiProperty({ type: [RejectedRowDto], description: 'Rows refused, each alone; the others were stored' })
  rejected: RejectedRowDto[];
}

export class ProgressQueryDto {
  @ApiPropertyOptional({ example: '2023-06-20T06:00:00+08:00', description: 'The instant to rank at (default now)' })
  @IsOptional()
  @IsInstant()
  at?: string;
}

export class TrackingStreamQueryDto {
  @ApiPropertyOptional({
    description: 'The positions version last seen (as the Last-Event-ID header): a newer one is sent at once',
    example: '42',
  })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: '$property must be a non-negative whole number' })
  lastEventId?: string;
}

/** One tracker stream message: the rally's positions moved to `version` (also the message id). */
export class PositionsMessageDto {
  @ApiProperty({ format: 'uuid' }) rallyId: string;
  @ApiProperty({ description: 'The rally’s positions version; grows with every write that stores new fixes' })
  version: number;
}

export class TracksQueryDto {
  @ApiPropertyOptional({ description: 'Only the fixes between this leg’s start and the next leg’s start' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  leg?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() entryId?: string;
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 50,
    description: 'Douglas–Peucker tolerance in nm for drawing (0 or absent: every fix)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(50)
  toleranceNm?: number;
}

export class ProgressRowDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Finished boats first in finishing order, then ascending DTF; null without a fix',
  })
  rank: number | null;
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty() boatName: string;
  @ApiProperty({ nullable: true, type: String }) sailNumber: string | null;
  @ApiProperty() teamName: string;
  @ApiProperty({ nullable: true, type: String }) teamNameEn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Instant of the last fix at or before `at`' }) at:
    string | null;
  @ApiProperty({ nullable: true, type: Number }) lat: number | null;
  @ApiProperty({ nullable: true, type: Number }) lon: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Distance to finish through the marks not yet passed, nm (0 once finished)',
  })
  dtfNm: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Distance to the leader still racing, nm' }) dtlNm:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Speed over ground: reported, or from the last two fixes' })
  sogKn: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Naive ETA from the average speed over the last 3 hours' })
  etaAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Proposed finish time (the crossing, interpolated between fixes); the organizer confirms it as a result',
  })
  finishedAt: string | null;
  @ApiProperty({
    description: 'Index of the next waypoint not yet passed (= number of waypoints when heading for the finish)',
  })
  nextWaypoint: number;
  @ApiProperty({ description: 'Distance sailed in this leg up to `at`, nm' }) distanceSailedNm: number;
  @ApiProperty({ description: 'true when the fixes are illustrative (generated), not reported' }) illustrative: boolean;
}

export class TrackPointDto {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty() at: string;
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
  @ApiProperty({ nullable: true, type: Number }) sogKn: number | null;
  @ApiProperty({ nullable: true, type: Number }) cogDeg: number | null;
  @ApiProperty({ enum: ['feed', 'tracker', 'gpx', 'csv', 'illustrative'] }) origin: string;
}

export class CreateTrackerTokenDto {
  @ApiPropertyOptional({ example: 'Iridium unit 3', description: 'What the token is for' })
  @IsOptionalName(120)
  label?: string;
  @ApiPropertyOptional({
    example: '2023-07-06T00:00:00+08:00',
    description: 'When it stops working (default: never; revoke it instead)',
  })
  @IsOptional()
  @IsInstant()
  expiresAt?: string;
}

export class TrackerTokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class CreatedTrackerTokenDto extends TrackerTokenDto {
  @ApiProperty({
    description: 'The bearer token, shown once: `Authorization: Bearer trk_…` on POST /rallies/:id/positions',
  })
  token: string;
}

export class TrackImportQueryDto {
  @ApiPropertyOptional({ enum: ['gpx', 'csv'], description: 'Default: from the Content-Type or the file itself' })
  @IsOptional()
  @IsIn(['gpx', 'csv'])
  format?: 'gpx' | 'csv';
  @ApiPropertyOptional({
    enum: ['utf-8', 'gb18030'],
    description: 'CSV text encoding (default: UTF-8 when the bytes are valid UTF-8, else GB18030)',
  })
  @IsOptional()
  @IsIn(['utf-8', 'gb18030'])
  encoding?: 'utf-8' | 'gb18030';
  @ApiPropertyOptional({ example: 'plotter-export.gpx' }) @IsOptionalName(200) fileName?: string;
}

export class TrackImportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ enum: ['gpx', 'csv'] }) format: string;
  @ApiProperty({ nullable: true, type: String }) fileName: string | null;
  @ApiProperty({ description: 'Text encoding read (CSV)' }) encoding: string;
  @ApiProperty({ description: 'Valid points in the file, ready to commit' }) points: number;
  @ApiProperty({ description: 'Of those, already stored for this boat (will count as duplicates)' }) duplicates: number;
  @ApiProperty({
    type: [RejectedRowDto],
    description: 'Lines or points refused (index = 1-based line in a CSV, 0-based point in a GPX); at most 100 listed',
  })
  rejected: RejectedRowDto[];
  @ApiProperty() rejectedCount: number;
  @ApiProperty({ nullable: true, type: String }) firstAt: string | null;
  @ApiProperty({ nullable: true, type: String }) lastAt: string | null;
  @ApiProperty({ description: 'Distance sailed along the track, nm' }) distanceNm: number;
  @ApiProperty({ description: 'Notes on how the file was read (assumed time zone, columns found)', type: [String] })
  notes: string[];
  @ApiProperty({
    description: 'The notes as codes, for a client to word',
    enum: ['local-time', 'route-points', 'speed-knots'],
    isArray: true,
  })
  noteCodes: ('local-time' | 'route-points' | 'speed-knots')[];
  @ApiProperty({ description: 'Points of the file that repeat an instant of the file (skipped)' })
  repeatedInFile: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'number' } },
    description: 'A simplified outline [[lat, lon], …] for a preview map',
  })
  outline: number[][];
  @ApiProperty({ nullable: true, type: String, description: 'Set once committed' }) committedAt: string | null;
}
