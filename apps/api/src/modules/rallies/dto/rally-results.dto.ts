import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SAILING_SCORING_CODES, type RallyTieBreakRule, type SailingScoringCode } from '@sailcourt/domain';
import { IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength } from 'class-validator';
import { IsInstant } from '../../../common/dto.js';

const TIE_BREAK_RULES: readonly RallyTieBreakRule[] = ['A8.1', 'A8.2', 'unbroken'];

/**
 * One row of `PUT /rallies/:id/legs/:number/results`: a finish time, a scoring code, or both
 * (ZFP/SCP need the finish; RDG/DPI need `points`). Whether a code is known and fits the other
 * fields is a scoring rule, checked by the domain so that the row can be named.
 */
export class LegResultInputDto {
  @ApiProperty({ format: 'uuid', description: 'An entry of this rally' }) @IsUUID() entryId: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2023-06-21T17:30:00+08:00',
    description: 'Finish instant with an offset; after the leg start',
  })
  @IsOptional()
  @IsInstant()
  finishedAt?: string | null;

  @ApiPropertyOptional({
    enum: SAILING_SCORING_CODES,
    nullable: true,
    description: 'RRS Appendix A scoring abbreviation',
  })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  code?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    description: 'Committee-given points, only and always with RDG or DPI (before the leg coefficient)',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Max(1000)
  points?: number | null;
}

/** Names of the boat and team in every row, so a table needs no second request. */
export class BoatLabelDto {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty() boatName: string;
  @ApiProperty({ nullable: true, type: String }) sailNumber: string | null;
  @ApiProperty() teamName: string;
  @ApiProperty({ nullable: true, type: String }) teamNameEn: string | null;
}

export class LegResultDto extends BoatLabelDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Finishing place by corrected time (tied boats share it); null for non-finishers',
  })
  place: number | null;
  @ApiProperty({ nullable: true, type: String, example: '2023-06-21T17:30:00+08:00' }) finishedAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) elapsedSeconds: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Elapsed × rating (time on time)' }) correctedSeconds:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Average speed over the leg distance, knots' }) speedKnots:
    number | null;
  @ApiProperty({ nullable: true, enum: SAILING_SCORING_CODES }) code: SailingScoringCode | null;
  @ApiProperty({ description: 'Leg score (low point) after the leg coefficient' }) points: number;
  @ApiProperty({ description: 'false when nothing was recorded for the boat, which then scores DNC' })
  recorded: boolean;
  @ApiProperty({ nullable: true, type: String }) source: string | null;
  @ApiProperty({ type: [String] }) illustrative: string[];
}

export class StandingLegDto {
  @ApiProperty() number: number;
  @ApiProperty() points: number;
  @ApiProperty({ nullable: true, enum: SAILING_SCORING_CODES }) code: SailingScoringCode | null;
  @ApiProperty({ description: 'Excluded from the net score (RRS A2.1)' }) discarded: boolean;
}

export class SailingTieBreakDto {
  @ApiProperty({
    enum: TIE_BREAK_RULES,
    description: "The rule that fixed this boat's place among the boats tied on net, or 'unbroken' (shared rank)",
  })
  rule: RallyTieBreakRule;
  @ApiProperty({
    type: [String],
    description: 'Entry ids of the other boats on the same net score, in standings order',
  })
  tiedWith: string[];
  @ApiProperty({ description: 'How RRS A8 was applied, with boat names' }) explanation: string;
}

export class StandingDto extends BoatLabelDto {
  @ApiProperty({ description: 'Boats that A8 cannot separate share a rank (1, 1, 3)' }) rank: number;
  @ApiProperty({ type: [StandingLegDto], description: 'Scored legs in leg order' }) legs: StandingLegDto[];
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Total without the discarded scores' }) net: number;
  @ApiPropertyOptional({ type: SailingTieBreakDto, description: 'Present when the boat is tied on net with another' })
  tieBreak?: SailingTieBreakDto;
}

export class CumulativeTimeLegDto {
  @ApiProperty() number: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null when the boat took no finishing place in the leg' })
  correctedSeconds: number | null;
}

export class CumulativeTimeStandingDto extends BoatLabelDto {
  @ApiProperty() rank: number;
  @ApiProperty({ description: 'A counted time in every scored leg; incomplete boats rank after complete ones' })
  complete: boolean;
  @ApiProperty() legsCompleted: number;
  @ApiProperty({ description: 'Sum of corrected seconds over the completed legs' }) totalCorrectedSeconds: number;
  @ApiProperty({ type: [CumulativeTimeLegDto] }) legs: CumulativeTimeLegDto[];
}
