import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CrossGroupCriterion, KnockoutDrawPattern } from '@sailcourt/domain';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { BracketDivision, BracketSeedDto } from './bracket.dto.js';

export class KnockoutDrawOptionsDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 64,
    description:
      'Teams per group that qualify directly; default 2 with several groups, else 4 (or the whole group if smaller)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(64)
  qualifiersPerGroup?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 64,
    default: 0,
    description:
      'How many of the next-placed teams (best thirds with two qualifiers per group) also qualify, ranked across groups',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(64)
  bestNextPlaced?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  thirdPlaceGame?: boolean;

  @BracketDivision()
  division?: string;
}

export class ConfirmKnockoutDto extends KnockoutDrawOptionsDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Draw although group games are still without a result (else 409 knockout.group-stage-incomplete)',
  })
  @IsOptional()
  @IsBoolean()
  allowIncomplete?: boolean;

  @ApiPropertyOptional({
    description: 'The preview’s drawKey: 409 knockout.draw-changed if the draw is no longer the one previewed',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-f]{16}$/)
  drawKey?: string;
}

const CRITERIA: readonly CrossGroupCriterion[] = [
  'win-record',
  'points-diff',
  'points-scored',
  'points-average',
  'seeding',
  'group-order',
];

export class CrossGroupRowDto {
  @ApiProperty() rank: number;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ nullable: true, type: String }) teamNameEn: string | null;
  @ApiProperty() group: string;
  @ApiProperty() groupRank: number;
  @ApiProperty({ description: 'Games counted: against teams placed 1st…N, N the smallest group’s size' })
  played: number;
  @ApiProperty() won: number;
  @ApiProperty() lost: number;
  @ApiProperty() winRatio: number;
  @ApiProperty() pointsFor: number;
  @ApiProperty() pointsAgainst: number;
  @ApiProperty() pointsDiff: number;
  @ApiProperty({ nullable: true, type: Number, description: '3x3: points per game, forfeit wins left out' })
  pointsAverage: number | null;
  @ApiProperty() gamesDisregarded: number;
  @ApiProperty({
    nullable: true,
    enum: CRITERIA,
    description: 'What put the team above the next row; group-order: nothing did, lots are needed',
  })
  aboveNextBy: CrossGroupCriterion | null;
  @ApiProperty({ description: 'Among the best next-placed teams that qualify' }) qualifies: boolean;
}

export class UnfinishedGameDto {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty() group: string;
  @ApiProperty({ format: 'uuid' }) homeTeamId: string;
  @ApiProperty({ format: 'uuid' }) awayTeamId: string;
  @ApiProperty({ nullable: true, type: String }) startsAt: string | null;
}

export class KnockoutPairingDto {
  @ApiProperty({ example: 'R1-M1' }) slot: string;
  @ApiProperty({ type: BracketSeedDto, nullable: true }) home: BracketSeedDto | null;
  @ApiProperty({ type: BracketSeedDto, nullable: true, description: 'null: a bye' }) away: BracketSeedDto | null;
  @ApiProperty({ description: 'Both teams come from one group (could not be avoided)' }) sameGroup: boolean;
}

export class KnockoutPreviewDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The division drawn; null in an event without divisions',
  })
  divisionId: string | null;
  @ApiProperty({ enum: ['fiba', 'fiba-3x3'] }) ruleset: 'fiba' | 'fiba-3x3';
  @ApiProperty({
    enum: ['crossover', 'ranked'],
    description:
      'crossover: A1–B2 / B1–A2 by group pairs; ranked: seeded by cross-group ranking, same-group games swapped apart',
  })
  pattern: KnockoutDrawPattern;
  @ApiProperty() qualifiersPerGroup: number;
  @ApiProperty() bestNextPlaced: number;
  @ApiProperty() thirdPlaceGame: boolean;
  @ApiProperty() size: number;
  @ApiProperty({ description: 'Every group game has a result' }) groupStageComplete: boolean;
  @ApiProperty({ type: [UnfinishedGameDto] }) unfinishedGames: UnfinishedGameDto[];
  @ApiProperty({ description: 'A bracket exists already (confirming answers 409)' }) bracketExists: boolean;
  @ApiProperty({ type: [BracketSeedDto] }) seeds: BracketSeedDto[];
  @ApiProperty({ type: [KnockoutPairingDto] }) firstRound: KnockoutPairingDto[];
  @ApiProperty({
    type: [CrossGroupRowDto],
    description: 'The next-placed teams ranked across groups (empty when none qualify that way)',
  })
  nextPlacedRanking: CrossGroupRowDto[];
  @ApiProperty() sameGroupGames: number;
  @ApiProperty({ description: 'Send it back with the confirmation to be sure the draw is the one previewed' })
  drawKey: string;
}
