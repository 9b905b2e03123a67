import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Fiba3x3TieBreakCriterion, FibaTieBreakCriterion } from '@sailcourt/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsName } from '../../../common/dto.js';
import { RULESETS, type Ruleset } from '../../events/event.entity.js';

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

/** A lot the organizer recorded (POST /events/:id/standings/lots): who, when, and the team's place in the draw. */
export class DrawnLotNoteDto {
  @ApiProperty({ description: 'The display name of who recorded it' }) recordedBy: string;
  @ApiProperty({ example: '2023-08-05T20:15:00+08:00' }) recordedAt: string;
  @ApiProperty({ description: '1 = drawn first (ranks highest)' }) drawn: number;
}

/** Why a row sits where it does among teams level on classification points (FIBA Appendix D). */
export class FibaTieBreakDto {
  @ApiProperty({
    enum: CRITERIA,
    description:
      'The step that fixed the place; lot = group complete and still level (decided once a lot is recorded: see lot), level = shared while games remain',
  })
  criterion: FibaTieBreakCriterion;
  @ApiPropertyOptional({ type: DrawnLotNoteDto, description: 'criterion lot, once the organizer recorded the draw' })
  lot?: DrawnLotNoteDto;
  @ApiProperty({ type: [String], description: 'Teams still tied with this one at that step, in final order' })
  tiedWith: string[];
  @ApiProperty({ type: [TieBreakValueDto], description: 'Each tied team’s value on the criterion, in final order' })
  values: TieBreakValueDto[];
  @ApiProperty({
    example: 'Ahead of 广东 on head-to-head points difference (+5 vs -5)',
    description: 'English sentence, teams by name',
  })
  explanation: string;
  @ApiProperty({ description: 'The same with English team names where known' }) explanationEn: string;
}

const CRITERIA_3X3: readonly Fiba3x3TieBreakCriterion[] = ['head-to-head', 'points-average', 'seeding', 'lot', 'level'];

/** Why a row sits where it does among teams level on wins (FIBA 3x3 ranking procedure). */
export class Fiba3x3TieBreakDto {
  @ApiProperty({
    enum: CRITERIA_3X3,
    description:
      'head-to-head = the game between two tied teams; points-average = points per game, forfeit wins left out; seeding = the higher seed; lot = the order the organizer drew (pool complete, no seeding); level = nothing separates them',
  })
  criterion: Fiba3x3TieBreakCriterion;
  @ApiPropertyOptional({ type: DrawnLotNoteDto, description: 'criterion lot: the draw the organizer recorded' })
  lot?: DrawnLotNoteDto;
  @ApiProperty({ type: [String], description: 'Teams level on wins with this one at that step, in final order' })
  tiedWith: string[];
  @ApiProperty({
    type: [TieBreakValueDto],
    description: 'head-to-head: wins in their game(s); points-average: the average; seeding: the seed (0 = none)',
  })
  values: TieBreakValueDto[];
  @ApiProperty({
    example: 'Behind 捷克 on the game between them (wins) (0 vs 1)',
    description: 'English sentence, teams by name',
  })
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
  @ApiPropertyOptional({ enum: [true], description: 'Group complete and still level: the organizer draws lots' })
  decidedByLot?: true;
  @ApiPropertyOptional({ description: 'fiba-3x3: won / played' }) winRatio?: number;
  @ApiPropertyOptional({ description: 'fiba-3x3: games whose score counts in the average (a forfeit win does not)' })
  gamesCounted?: number;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'fiba-3x3: points scored per counted game, 2 decimals',
  })
  pointsAverage?: number | null;
  @ApiPropertyOptional({
    type: Fiba3x3TieBreakDto,
    description: 'fiba-3x3: why the team sits where it does among teams level on wins',
  })
  tieBreak3x3?: Fiba3x3TieBreakDto;
}

export class StandingsGroupDto {
  @ApiProperty({ description: "'' for games without a group" }) name: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description:
      'The division the group belongs to (each division ranks on its own); null in an event without divisions',
  })
  divisionId: string | null;
  @ApiProperty({ description: 'Every group game has a result' }) complete: boolean;
  @ApiProperty() gamesPlayed: number;
  @ApiProperty() gamesScheduled: number;
  @ApiProperty({ type: [StandingRowDto] }) rows: StandingRowDto[];
}

export class StandingsDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({
    enum: RULESETS,
    description:
      'fiba: Appendix D (classification points); fiba-3x3: wins, head-to-head of two, points average, seeding (classificationPoints then repeats the wins)',
  })
  ruleset: Ruleset;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The division asked for with ?division=; null: every division',
  })
  divisionId: string | null;
  @ApiProperty({ type: [StandingsGroupDto] }) groups: StandingsGroupDto[];
}

export class RecordLotDto {
  @ApiPropertyOptional({
    maxLength: 60,
    example: 'U10-girls',
    description: "The group's division (id or code); required when the event has divisions (400), 422 if unknown",
  })
  @IsOptional()
  @IsName(60)
  division?: string;

  @ApiProperty({ maxLength: 60, example: 'A', description: "The group ('' for games without a group)" })
  @IsString()
  @MaxLength(60)
  group: string;

  @ApiProperty({
    type: [String],
    minItems: 2,
    maxItems: 64,
    description: 'Exactly the teams the rules leave level, in the order drawn (the first ranks highest)',
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(64)
  @IsUUID('all', { each: true })
  teamIds: string[];
}

export class DrawnLotDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) divisionId: string | null;
  @ApiProperty() group: string;
  @ApiProperty({ type: [String], description: 'In the order drawn' }) teamIds: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) recordedById: string | null;
  @ApiProperty({ description: 'Display name of who recorded it' }) recordedBy: string;
  @ApiProperty({ example: '2023-08-05T20:15:00+08:00' }) recordedAt: string;
}
