import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { TEAM_COLUMNS, type TeamColumn } from '../team-rows.js';

/** A row as typed in the sheet (all text), with its spreadsheet row number (the header is row 1). */
export class TeamImportRowDto {
  @ApiProperty({ minimum: 2 }) @IsInt() @Min(1) row: number;
  @ApiProperty() @IsString() @MaxLength(500) team: string;
  @ApiProperty() @IsString() @MaxLength(500) city: string;
  @ApiProperty() @IsString() @MaxLength(500) player: string;
  @ApiProperty() @IsString() @MaxLength(500) number: string;
  @ApiProperty() @IsString() @MaxLength(500) role: string;
  @ApiProperty() @IsString() @MaxLength(500) birthDate: string;
}

export class ImportProblemDto {
  @ApiProperty() row: number;
  @ApiProperty({ enum: TEAM_COLUMNS, nullable: true, type: String }) column: TeamColumn | null;
  @ApiProperty() reason: string;
  @ApiProperty() value: string;
}

export class ImportTeamSummaryDto {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiProperty() people: number;
  @ApiProperty({
    enum: ['create', 'update'],
    description: 'create = a new team and registration; update = the registered team’s roster is replaced',
  })
  action: 'create' | 'update';
}

export class TeamImportPreviewDto {
  @ApiProperty({ enum: ['utf-8', 'utf-8-bom', 'gb18030', 'xlsx'] }) encoding: string;
  @ApiProperty({ type: [TeamImportRowDto] }) rows: TeamImportRowDto[];
  @ApiProperty({
    type: [ImportProblemDto],
    description: 'Every problem, by row, column and reason; nothing is stored until a commit without problems',
  })
  problems: ImportProblemDto[];
  @ApiProperty({ type: [ImportTeamSummaryDto] }) teams: ImportTeamSummaryDto[];
}

export class CommitTeamImportDto {
  @ApiProperty({ type: [TeamImportRowDto], description: 'The previewed rows, corrected where needed' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => TeamImportRowDto)
  rows: TeamImportRowDto[];
}

export class TeamImportResultDto {
  @ApiProperty() teamsCreated: number;
  @ApiProperty() teamsUpdated: number;
  @ApiProperty() registrationsCreated: number;
  @ApiProperty() people: number;
}

/** A schedule row as typed (all text), with its spreadsheet row number. */
export class ScheduleImportRowDto {
  @ApiProperty({ minimum: 2 }) @IsInt() @Min(1) row: number;
  @ApiProperty({ example: '2023-07-20 or 45127' }) @IsString() @MaxLength(100) date: string;
  @ApiProperty({ example: '19:30 or 0.8125' }) @IsString() @MaxLength(100) time: string;
  @ApiProperty() @IsString() @MaxLength(500) home: string;
  @ApiProperty() @IsString() @MaxLength(500) away: string;
  @ApiProperty() @IsString() @MaxLength(500) venue: string;
  @ApiProperty() @IsString() @MaxLength(100) court: string;
  @ApiProperty() @IsString() @MaxLength(100) group: string;
  @ApiProperty() @IsString() @MaxLength(100) round: string;
}

export class ScheduleProblemDto {
  @ApiProperty() row: number;
  @ApiProperty({ nullable: true, type: String }) column: string | null;
  @ApiProperty() reason: string;
  @ApiProperty() value: string;
}

export class ScheduleImportPreviewDto {
  @ApiProperty({ enum: ['utf-8', 'utf-8-bom', 'gb18030', 'xlsx'] }) encoding: string;
  @ApiProperty({ type: [ScheduleImportRowDto] }) rows: ScheduleImportRowDto[];
  @ApiProperty({
    type: [ScheduleProblemDto],
    description: 'Cell problems, unknown teams, dates outside the event and clashes; nothing is stored',
  })
  problems: ScheduleProblemDto[];
  @ApiProperty({ description: 'Games a commit would create' }) created: number;
  @ApiProperty({ description: 'Games already there (same teams and start): left alone' }) existing: number;
}

export class CommitScheduleImportDto {
  @ApiProperty({ type: [ScheduleImportRowDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ScheduleImportRowDto)
  rows: ScheduleImportRowDto[];
}

export class ScheduleImportResultDto {
  @ApiProperty() created: number;
  @ApiProperty() existing: number;
}
