import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsName } from '../../../common/dto.js';
import {
  MEMBER_ROLES,
  type MemberRole,
  PLAYER_POSITIONS,
  type PlayerPosition,
  type TeamMemberEntity,
} from '../team-member.entity.js';

export const MAX_TEAM_ROSTER = 60;
const THIS_YEAR = new Date().getUTCFullYear();

export class TeamMemberInputDto {
  @ApiProperty({ example: '王小明', maxLength: 100 })
  @IsName(100)
  name: string;

  @ApiPropertyOptional({
    enum: MEMBER_ROLES,
    description:
      'Basketball: player (default) or staff roles; sailing: skipper, helmsman, navigator, trimmer, bowman, crew (default)',
  })
  @IsOptional()
  @IsIn(MEMBER_ROLES)
  role?: MemberRole;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 99,
    description: 'Shirt number, unique within the team (basketball players only)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(99)
  number?: number;

  @ApiPropertyOptional({ enum: PLAYER_POSITIONS, description: 'Basketball players only' })
  @IsOptional()
  @IsIn(PLAYER_POSITIONS)
  position?: PlayerPosition;

  @ApiPropertyOptional({ minimum: 1900, maximum: THIS_YEAR, example: 2012 })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(THIS_YEAR)
  birthYear?: number;
}

/** The whole roster, replacing what was stored; an empty list clears it. */
export class PutRosterDto {
  @ApiProperty({ type: [TeamMemberInputDto], maxItems: MAX_TEAM_ROSTER })
  @IsArray()
  @ArrayMaxSize(MAX_TEAM_ROSTER)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TeamMemberInputDto)
  roster: TeamMemberInputDto[];
}

export class TeamMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: MEMBER_ROLES }) role: MemberRole;
  @ApiProperty({ nullable: true, type: Number }) number: number | null;
  @ApiProperty({ nullable: true, enum: PLAYER_POSITIONS }) position: PlayerPosition | null;
  @ApiProperty({ nullable: true, type: Number }) birthYear: number | null;
}

export class TeamRosterDto {
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ type: [TeamMemberDto] }) roster: TeamMemberDto[];
}

export const toTeamMemberDto = (m: TeamMemberEntity): TeamMemberDto => ({
  id: m.id,
  name: m.name,
  role: m.role,
  number: m.number,
  position: m.position,
  birthYear: m.birthYear,
});
