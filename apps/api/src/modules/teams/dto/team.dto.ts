import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsName, IsOptionalName, SourcedDto, sourcedFields } from '../../../common/dto.js';
import { SPORTS, type Sport, type TeamEntity } from '../team.entity.js';

export class CreateTeamDto {
  @ApiProperty({ example: '崂山飞虎', maxLength: 100 })
  @IsName(100)
  name: string;

  @ApiPropertyOptional({ example: 'Laoshan Flying Tigers', maxLength: 100 })
  @IsOptionalName(100)
  nameEn?: string;

  @ApiProperty({ enum: SPORTS })
  @IsIn(SPORTS)
  sport: Sport;

  @ApiPropertyOptional({ example: '青岛', maxLength: 60 })
  @IsOptionalName(60)
  city?: string;

  @ApiPropertyOptional({ example: 'Qingdao', maxLength: 60 })
  @IsOptionalName(60)
  cityEn?: string;
}

/** Only the fields sent change; null clears an optional one. */
export class UpdateTeamDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptionalName(100)
  name?: string;

  @ApiPropertyOptional({ maxLength: 100, nullable: true, type: String })
  @IsOptionalName(100)
  nameEn?: string | null;

  @ApiPropertyOptional({ maxLength: 60, nullable: true, type: String })
  @IsOptionalName(60)
  city?: string | null;

  @ApiPropertyOptional({ maxLength: 60, nullable: true, type: String })
  @IsOptionalName(60)
  cityEn?: string | null;
}

/** The public face of a team: names and city only (rosters are personal data). */
export class TeamDto extends SourcedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) slug: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ enum: SPORTS }) sport: Sport;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiProperty({ nullable: true, type: String }) cityEn: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The managing account; null for teams only organizers manage',
  })
  managerId: string | null;
}

export const toTeamDto = (t: TeamEntity): TeamDto => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  nameEn: t.nameEn,
  sport: t.sport,
  city: t.city,
  cityEn: t.cityEn,
  managerId: t.managerId,
  ...sourcedFields(t),
});
