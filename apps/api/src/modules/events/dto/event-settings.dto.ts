import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsInstant, IsOmittable } from '../../../common/dto.js';
import { REGISTRATION_MODES, type RegistrationMode, RULESETS, type Ruleset } from '../event.entity.js';

/** Settings an organizer may change; only fields sent change, null clears. */
export class UpdateEventDto {
  @ApiPropertyOptional({
    enum: RULESETS,
    description: 'fiba (five-a-side) or fiba-3x3; cannot change once a game has a result (409)',
  })
  @IsOptional()
  @IsIn(RULESETS)
  ruleset?: Ruleset;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 0,
    description: 'Raising it promotes waitlisted teams; it cannot go below the confirmed count (409)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  capacity?: number | null;

  @ApiPropertyOptional({ enum: REGISTRATION_MODES })
  @IsOmittable()
  @IsIn(REGISTRATION_MODES)
  registrationMode?: RegistrationMode;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2023-06-20T09:00:00+08:00' })
  @IsOptional()
  @IsInstant()
  registrationOpensAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2023-07-08T18:00:00+08:00' })
  @IsOptional()
  @IsInstant()
  registrationClosesAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  rosterMin?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  rosterMax?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  participantTarget?: number | null;
}
