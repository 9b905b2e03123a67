import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?limit=&offset=` as the contract has it: with `limit` a list answers `{items, total}`, without it the whole array. */
export class PageQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 1000,
    description: 'With limit the answer is {items, total}; without it, the whole array',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
