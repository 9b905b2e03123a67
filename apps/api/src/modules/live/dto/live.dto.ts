import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIVE_ACTION_TYPES, type LiveActionType, type LiveSide } from '@sailcourt/domain';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsInstant } from '../../../common/dto.js';
import { MATCH_STATUSES, type MatchStatus } from '../../matches/match.entity.js';

const SIDES: readonly LiveSide[] = ['home', 'away'];

export class LiveActionDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'Made by the client for each tap; sending it again applies nothing and answers 200 with the first answer',
  })
  @IsUUID()
  clientEventId: string;

  @ApiProperty({
    enum: LIVE_ACTION_TYPES,
    description:
      'start → live; score; period-end; undo (an earlier score or end of period); final (a level score is 422)',
  })
  @IsIn(LIVE_ACTION_TYPES)
  type: LiveActionType;

  @ApiPropertyOptional({ enum: SIDES, description: 'score only' })
  @ValidateIf((o: LiveActionDto) => o.type === 'score' || o.team !== undefined)
  @IsIn(SIDES)
  team?: LiveSide;

  @ApiPropertyOptional({ enum: [1, 2, 3], description: 'score only: 1, 2 or 3 (FIBA 3x3: 1 or 2)' })
  @ValidateIf((o: LiveActionDto) => o.type === 'score' || o.points !== undefined)
  @IsInt()
  @IsIn([1, 2, 3])
  points?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'undo only: the clientEventId of the action to take back' })
  @ValidateIf((o: LiveActionDto) => o.type === 'undo' || o.targetClientEventId !== undefined)
  @IsUUID()
  targetClientEventId?: string;
}

export class LiveMatchStateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MATCH_STATUSES }) status: MatchStatus;
  @ApiProperty({ description: '0 before the start; 1–4 quarters, 5+ overtime' }) period: number;
  @ApiProperty({ nullable: true, type: Number }) homeScore: number | null;
  @ApiProperty({ nullable: true, type: Number }) awayScore: number | null;
}

export class LiveActionResultDto {
  @ApiProperty({ description: 'The message id this action has on the live streams' }) seq: number;
  @ApiProperty({ type: LiveMatchStateDto }) match: LiveMatchStateDto;
}

/** The data of each live-stream message. */
export class LiveMessageDto {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: MATCH_STATUSES }) status: MatchStatus;
  @ApiProperty() period: number;
  @ApiProperty({ nullable: true, type: Number }) homeScore: number | null;
  @ApiProperty({ nullable: true, type: Number }) awayScore: number | null;
}

export class CreateScorerLinkDto {
  @ApiPropertyOptional({
    example: '2023-07-10T23:30:00+08:00',
    description: 'Default: 12 hours from now. At most 7 days ahead.',
  })
  @IsOptional()
  @IsInstant()
  expiresAt?: string;

  @ApiPropertyOptional({
    maxLength: 80,
    example: 'Table officials, court 1',
    description: 'Who the link is for, shown in the list of links',
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(/\S/, { message: '$property must not be blank' })
  label?: string;
}

export class ScorerLinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiPropertyOptional({ description: 'The bearer token: returned once, when the link is made' }) token?: string;
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty() createdAt: string;
}

export class LiveStreamQueryDto {
  @ApiPropertyOptional({
    description: 'Replay every message after this seq first (as the Last-Event-ID header does)',
    example: '42',
  })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: '$property must be a non-negative whole number' })
  lastEventId?: string;
}
