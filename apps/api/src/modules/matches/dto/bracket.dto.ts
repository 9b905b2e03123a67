import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PlayoffMatchStatus } from '@sailcourt/domain';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsName } from '../../../common/dto.js';

/** `division` in a bracket request's body: the division (id or code) whose bracket it is. */
export const BracketDivision = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      maxLength: 60,
      example: 'U10-girls',
      description:
        'The division (id or code) whose bracket this is; required when the event has divisions (400), 422 if unknown',
    }),
    IsOptional(),
    IsName(60),
  );

export class CreatePlayoffsDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 64,
    description: 'Teams per group that qualify; default 2 with several groups, else 4 (or the whole group if smaller)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(64)
  qualifiersPerGroup?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  thirdPlaceGame?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Replace an existing bracket (refused with 409 once a playoff game has a result)',
  })
  @IsOptional()
  @IsBoolean()
  replace?: boolean;

  @BracketDivision()
  division?: string;
}

export class BracketSeedDto {
  @ApiProperty() seed: number;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ nullable: true, type: String }) teamNameEn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Group the team qualified from' }) group: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Its place in that group' }) groupRank: number | null;
}

export class BracketSideDto {
  @ApiProperty({ enum: ['seed', 'winner', 'loser'] }) from: 'seed' | 'winner' | 'loser';
  @ApiPropertyOptional({ description: 'from = seed' }) seed?: number;
  @ApiPropertyOptional({ description: 'from = winner/loser: the feeding bracket slot' }) slot?: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null until known' }) teamId: string | null;
  @ApiProperty({ nullable: true, type: String }) teamName: string | null;
  @ApiProperty({ nullable: true, type: String }) teamNameEn: string | null;
  @ApiProperty({ description: 'No team will come (the other side walks over)' }) bye: boolean;
}

const STATUSES: readonly PlayoffMatchStatus[] = ['waiting', 'ready', 'bye', 'decided'];

export class BracketMatchDto {
  @ApiProperty({ example: 'R1-M1' }) slot: string;
  @ApiProperty({ enum: ['main', 'third-place'] }) kind: 'main' | 'third-place';
  @ApiProperty() round: number;
  @ApiProperty({ description: '8 = quarter-finals, 4 = semi-finals, 2 = final' }) teamsInRound: number;
  @ApiProperty() position: number;
  @ApiProperty({ enum: STATUSES }) status: PlayoffMatchStatus;
  @ApiProperty({ type: BracketSideDto }) home: BracketSideDto;
  @ApiProperty({ type: BracketSideDto }) away: BracketSideDto;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) winnerTeamId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The game, once both teams are known' })
  matchId: string | null;
  @ApiProperty({ nullable: true, type: String }) startsAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) homeScore: number | null;
  @ApiProperty({ nullable: true, type: Number }) awayScore: number | null;
}

export class BracketDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The division whose bracket this is; null in an event without divisions',
  })
  divisionId: string | null;
  @ApiProperty({ description: 'Bracket size (a power of two; missing seeds are byes)' }) size: number;
  @ApiProperty() qualifiersPerGroup: number;
  @ApiProperty() thirdPlaceGame: boolean;
  @ApiProperty({ description: 'Next-placed teams (best thirds …) that qualified across groups' })
  bestNextPlaced: number;
  @ApiProperty({ description: 'The organizer drew the knockout before every group game had a result' })
  drawnBeforeGroupsComplete: boolean;
  @ApiProperty({ type: [BracketSeedDto] }) seeds: BracketSeedDto[];
  @ApiProperty({ type: [BracketMatchDto] }) matches: BracketMatchDto[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) championTeamId: string | null;
}
