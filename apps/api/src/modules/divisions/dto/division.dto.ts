import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, IsName, IsOmittable, IsOptionalName, SourcedDto, sourcedFields } from '../../../common/dto.js';
import { DIVISION_GENDERS, type DivisionEntity, type DivisionGender } from '../division.entity.js';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

export class CreateDivisionDto {
  @ApiProperty({
    example: 'U10-girls',
    maxLength: 40,
    description: 'Unique within the event: letters, digits, _ and -',
  })
  @Matches(CODE_PATTERN, { message: '$property must be 1–40 letters, digits, _ or -, starting with a letter or digit' })
  code: string;

  @ApiProperty({ example: 'U10女子组' })
  @IsName()
  name: string;

  @ApiPropertyOptional({ example: 'U10 girls' })
  @IsOptionalName()
  nameEn?: string;

  @ApiPropertyOptional({ example: 'U10', maxLength: 20 })
  @IsOptionalName(20)
  ageGroup?: string;

  @ApiPropertyOptional({ enum: DIVISION_GENDERS, default: 'mixed' })
  @IsOmittable()
  @IsIn(DIVISION_GENDERS)
  gender?: DivisionGender;

  @ApiPropertyOptional({
    format: 'date',
    example: '2013-01-01',
    nullable: true,
    description: 'Birth-date cut-off: a rostered player born before it is refused (when the roster gives birth dates)',
  })
  @IsOptional()
  @IsCalendarDate()
  bornOnOrAfter?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 0,
    description: 'Maximum confirmed teams in the division; null = unlimited',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  capacity?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 0,
    description: 'Fewest players per roster (instead of the event’s limit)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  rosterMin?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 0,
    description: 'Most players per roster (instead of the event’s limit)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  rosterMax?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '青岛',
    description: 'The city whose group plays this division',
  })
  @IsOptional()
  @IsName(60)
  city?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Qingdao' })
  @IsOptional()
  @IsName(60)
  cityEn?: string | null;

  @ApiPropertyOptional({ minimum: 0, description: 'Display order within the event' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(10_000)
  position?: number;
}

export class UpdateDivisionDto extends PartialType(CreateDivisionDto) {}

export class DivisionDto extends SourcedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ nullable: true, type: String }) ageGroup: string | null;
  @ApiProperty({ enum: DIVISION_GENDERS }) gender: DivisionGender;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) bornOnOrAfter: string | null;
  @ApiProperty({ nullable: true, type: Number }) capacity: number | null;
  @ApiProperty({ nullable: true, type: Number }) rosterMin: number | null;
  @ApiProperty({ nullable: true, type: Number }) rosterMax: number | null;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiProperty({ nullable: true, type: String }) cityEn: string | null;
  @ApiProperty() position: number;
  @ApiProperty({ description: 'Confirmed teams' }) confirmed: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null = unlimited' }) placesLeft: number | null;
  @ApiProperty({ description: 'People on confirmed rosters' }) participants: number;
}

export type DivisionCounts = { confirmed: number; participants: number };

export const toDivisionDto = (d: DivisionEntity, counts: DivisionCounts): DivisionDto => ({
  id: d.id,
  eventId: d.eventId,
  code: d.code,
  name: d.name,
  nameEn: d.nameEn,
  ageGroup: d.ageGroup,
  gender: d.gender,
  bornOnOrAfter: d.bornOnOrAfter,
  capacity: d.capacity,
  rosterMin: d.rosterMin,
  rosterMax: d.rosterMax,
  city: d.city,
  cityEn: d.cityEn,
  position: d.position,
  confirmed: counts.confirmed,
  placesLeft: d.capacity === null ? null : Math.max(0, d.capacity - counts.confirmed),
  participants: counts.participants,
  ...sourcedFields(d),
});
