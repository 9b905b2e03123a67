import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FibaTieBreakCriterion } from '@sailcourt/domain';

const CRITERIA: readonly FibaTieBreakCriterion[] = [
  'head-to-head-points',
  'head-to-head-diff',
  'head-to-head-scored',
  'overall-diff',
  'overall-scored',
  'lot',
  'level',
];

export class TieBreakValueDto {
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() value: number;
}

/** Why a row sits where it does among teams level on classification points (FIBA Appendix D). */
export class FibaTieBreakDto {
  @ApiProperty({ enum: CRITERIA, description: 'The step that fixed the place; lot = group complete and still level, level = shared while games remain' })
  criterion: FibaTieBreakCriterion;
  @ApiProperty({ type: [String], description: 'Teams still tied with this one at that step, in final order' }) tiedWith: string[];
  @ApiProperty({ type: [TieBreakValueDto], description: 'Each tied team’s value on the criterion, in final order' }) values: TieBreakValueDto[];
  @ApiProperty({ example: 'Ahead of 广东 on head-to-head points difference (+5 vs -5)', description: 'English sentence, teams by name' })
  explanation: string;
  @ApiProperty({ description: 'The same with English team names where known' }) explanationEn: string;
}

export class StandingRowDto {
  @ApiProperty({ description: 'Competition rank (1, 2, 2, 4): teams nothing separates share it' }) rank: number;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ nullable: true, type: String }) teamNameEn: string | null;
  @ApiProperty() played: number;
  @ApiProperty() won: number;
  @ApiProperty({ description: 'All losses, forfeits included' }) lost: number;
  @ApiProperty({ description: 'Games forfeited (a subset of lost; 0 classification points each)' }) forfeits: number;
  @ApiProperty({ description: '2 a win, 1 a loss, 0 a forfeit' }) classificationPoints: number;
  @ApiProperty() pointsFor: number;
  @ApiProperty() pointsAgainst: number;
  @ApiProperty() pointsDiff: number;
  @ApiPropertyOptional({ type: FibaTieBreakDto }) tieBreak?: FibaTieBreakDto;
  @ApiPropertyOptional({ enum: [true], description: 'Group complete and still level: the organizer draws lots' }) decidedByLot?: true;
}

export class StandingsGroupDto {
  @ApiProperty({ description: "'' for games without a group" }) name: string;
  @ApiProperty({ description: 'Every group game has a result' }) complete: boolean;
  @ApiProperty() gamesPlayed: number;
  @ApiProperty() gamesScheduled: number;
  @ApiProperty({ type: [StandingRowDto] }) rows: StandingRowDto[];
}

export class StandingsDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ type: [StandingsGroupDto] }) groups: StandingsGroupDto[];
}
