import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  IsCalendarDate,
  IsInstant,
  IsName,
  IsNotBlank,
  IsOmittable,
  SourcedDto,
  sourcedFields,
} from '../../../common/dto.js';
import { PageQueryDto } from '../../../common/pagination.dto.js';
import { MATCH_STATUSES, type MatchEntity, type MatchStatus } from '../match.entity.js';
import { toChinaIso } from '@sailcourt/domain';

const GROUP_PATTERN = /^[\p{L}\p{N} _-]{0,40}$/u;

/** Where and when a game is played; shared by create and reschedule. */
class MatchPlacementDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Venue; defaults to the event's venue (on create) or the current one (on reschedule)",
  })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @ApiPropertyOptional({
    maxLength: 120,
    example: '国信体育馆',
    description:
      "As the public contract names it: a venue's id, slug or name; any other text is kept as the game's place (no court)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @IsNotBlank()
  venue?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 99,
    description: 'Court number at the venue; omitted: the first court free at that time',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  court?: number;

  @ApiPropertyOptional({
    maxLength: 40,
    example: 'A',
    description: "Standings group; '' (default) is the single unnamed group",
  })
  @IsOmittable()
  @IsString()
  @Matches(GROUP_PATTERN, { message: '$property must be at most 40 letters, digits, spaces, _ or -' })
  group?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 999 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  round?: number;
}

export class CreateMatchDto extends MatchPlacementDto {
  @ApiProperty({ format: 'uuid', description: 'Must hold a confirmed registration for the event (422 otherwise)' })
  @IsUUID()
  homeTeamId: string;

  @ApiProperty({
    format: 'uuid',
    description: 'Must hold a confirmed registration and differ from homeTeamId (422 otherwise)',
  })
  @IsUUID()
  awayTeamId: string;

  @ApiProperty({
    example: '2023-07-10T19:30:00+08:00',
    description: "Within the event's dates, local (Asia/Shanghai) calendar days (422 otherwise)",
  })
  @IsInstant()
  startsAt: string;

  @ApiPropertyOptional({
    maxLength: 60,
    example: 'U10-girls',
    description:
      'The division (id or code) whose schedule and standings the game joins; both teams must be confirmed in it (422 otherwise)',
  })
  @IsOptional()
  @IsName(60)
  division?: string;
}

export type ReschedulableStatus = 'scheduled' | 'postponed';
export const RESCHEDULABLE_STATUSES: readonly ReschedulableStatus[] = ['scheduled', 'postponed'];

export class UpdateMatchDto extends MatchPlacementDto {
  @ApiPropertyOptional({ example: '2023-07-11T19:30:00+08:00' })
  @IsOptional()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({
    enum: RESCHEDULABLE_STATUSES,
    description: 'postponed frees the court slot; scheduled brings the game back',
  })
  @IsOptional()
  @IsIn(RESCHEDULABLE_STATUSES)
  status?: ReschedulableStatus;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'The version last read; a stale one gets 409. The If-Match header works too.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class MatchResultDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 999, description: 'With awayScore; a level score is refused (422)' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(999)
  homeScore?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 999 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(999)
  awayScore?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Instead of scores: the team that forfeited; the game counts 20–0 (FIBA Art. 20), or w-0 under fiba-3x3 (stored without scores)',
  })
  @IsOmittable()
  @IsUUID()
  forfeitedBy?: string;

  @ApiPropertyOptional({
    description:
      'The game was decided in overtime. Under fiba-3x3 the final score must fit it: overtime ends when a team has scored 2 in it (422 otherwise)',
  })
  @IsOptional()
  @IsBoolean()
  overtime?: boolean;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'The version last read; a stale one gets 409. The If-Match header works too.',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ListMatchesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this team's games" })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Local (Asia/Shanghai) calendar day' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ enum: MATCH_STATUSES })
  @IsOptional()
  @IsIn(MATCH_STATUSES)
  status?: MatchStatus;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  group?: string;

  @ApiPropertyOptional({
    maxLength: 60,
    description: "Only this division's games: the division's id or code (e.g. U10-girls)",
  })
  @IsOptional()
  @IsName(60)
  division?: string;
}

export class MatchDto extends SourcedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The division the game belongs to; null in an event without divisions',
  })
  divisionId: string | null;
  @ApiProperty({ format: 'uuid' }) homeTeamId: string;
  @ApiProperty() homeTeamName: string;
  @ApiProperty({ nullable: true, type: String }) homeTeamNameEn: string | null;
  @ApiProperty({ format: 'uuid' }) awayTeamId: string;
  @ApiProperty() awayTeamName: string;
  @ApiProperty({ nullable: true, type: String }) awayTeamNameEn: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2023-07-10T19:30:00+08:00',
    description: 'null: time to be announced (playoffs)',
  })
  startsAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Local calendar day of startsAt' }) date:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) venueId: string | null;
  @ApiProperty({ nullable: true, type: String }) venueName: string | null;
  @ApiProperty({ nullable: true, type: String }) venueNameEn: string | null;
  @ApiProperty({ nullable: true, type: Number }) court: number | null;
  @ApiProperty({ description: "'' is the single unnamed group" }) group: string;
  @ApiProperty({ nullable: true, type: Number }) round: number | null;
  @ApiProperty({ enum: MATCH_STATUSES }) status: MatchStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'While live: the running score' }) homeScore: number | null;
  @ApiProperty({ nullable: true, type: Number }) awayScore: number | null;
  @ApiProperty({ description: '0 before the start; 1–4 quarters, 5 and later overtime periods' }) period: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: "Seq of the game's latest live message: pass it as lastEventId to a live stream to miss nothing",
  })
  liveSeq: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) forfeitedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) winnerTeamId: string | null;
  @ApiProperty({ description: 'Decided in overtime' }) overtime: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "Bracket position ('R1-M1', 'third-place'); null for group games",
  })
  playoffSlot: string | null;
  @ApiProperty({ description: 'Send it back (body or If-Match) when changing the game' }) version: number;
  @ApiProperty() updatedAt: string;
}

export class TodayEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
}

export class TodayDto {
  @ApiProperty({ format: 'date', description: 'The local (Asia/Shanghai) day asked for' }) date: string;
  @ApiProperty({ type: [TodayEventDto], description: 'The events the games belong to' }) events: TodayEventDto[];
  @ApiProperty({
    type: [MatchDto],
    description: 'Games live now (whatever day they started) and games starting that day, in playing order',
  })
  matches: MatchDto[];
}

export class TodayQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Local (Asia/Shanghai) calendar day; default today' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class MatchPageDto {
  @ApiProperty({ type: [MatchDto] }) items: MatchDto[];
  @ApiProperty() total: number;
}

const winnerOf = (
  m: Pick<MatchEntity, 'homeScore' | 'awayScore' | 'homeTeamId' | 'awayTeamId' | 'forfeitedBy'>,
): string | null => {
  // A 3x3 forfeit (w-0) has no scores: the side that did not forfeit won.
  if (m.forfeitedBy !== null) return m.forfeitedBy === m.homeTeamId ? m.awayTeamId : m.homeTeamId;
  if (m.homeScore === null || m.awayScore === null || m.homeScore === m.awayScore) return null;
  return m.homeScore > m.awayScore ? m.homeTeamId : m.awayTeamId;
};

type Named = { name: string; nameEn: string | null };
/** A game with its teams' and venue's names loaded (an entity, or a preview built in memory). */
export type MatchView = Omit<MatchEntity, 'event' | 'homeTeam' | 'awayTeam' | 'venue'> & {
  homeTeam?: Named;
  awayTeam?: Named;
  venue?: Named | null;
};

export const toMatchDto = (m: MatchView): MatchDto => ({
  id: m.id,
  eventId: m.eventId,
  divisionId: m.divisionId,
  homeTeamId: m.homeTeamId,
  homeTeamName: m.homeTeam?.name ?? '',
  homeTeamNameEn: m.homeTeam?.nameEn ?? null,
  awayTeamId: m.awayTeamId,
  awayTeamName: m.awayTeam?.name ?? '',
  awayTeamNameEn: m.awayTeam?.nameEn ?? null,
  startsAt: m.startsAt ? toChinaIso(m.startsAt) : null,
  date: m.startsAt ? toChinaIso(m.startsAt).slice(0, 10) : null,
  venueId: m.venueId,
  venueName: m.venue?.name ?? m.venueLabel ?? null,
  venueNameEn: m.venue?.nameEn ?? null,
  court: m.court,
  group: m.group,
  round: m.round,
  status: m.status,
  homeScore: m.homeScore,
  period: m.period,
  liveSeq: m.liveSeq,
  awayScore: m.awayScore,
  forfeitedBy: m.forfeitedBy,
  winnerTeamId: m.status === 'final' || m.status === 'forfeit' ? winnerOf(m) : null,
  overtime: m.overtime,
  playoffSlot: m.playoffSlot,
  version: m.version,
  updatedAt: toChinaIso(m.updatedAt),
  ...sourcedFields(m),
});
