import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateBy } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date `YYYY-MM-DD` that exists (no 30 February). */
export const IsCalendarDate = () =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => '$property must be a real date YYYY-MM-DD' } });

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant with an explicit offset, e.g. `2023-07-10T19:30:00+08:00`; a bare local time is ambiguous. */
export const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
      defaultMessage: () => '$property must be an ISO 8601 instant with an offset, e.g. 2023-07-10T19:30:00+08:00',
    },
  });

/** A required display name: 1–max characters, not blank. */
export const IsName = (max = 120) => applyDecorators(IsString(), MinLength(1), MaxLength(max), Matches(/\S/, { message: '$property must not be blank' }));

export const IsOptionalName = (max = 120) => applyDecorators(IsOptional(), IsName(max));

/** Provenance every published record carries. */
export class SourcedDto {
  @ApiProperty({ nullable: true, type: String, description: 'Where the facts come from, or "illustrative" when the sources are silent.' })
  source: string | null;

  @ApiProperty({ type: [String], description: 'Fields of this record that the sources do not give (illustrative values).' })
  illustrative: string[];
}

export const sourcedFields = (record: { source: string | null; illustrative: string[] }): SourcedDto => ({
  source: record.source,
  illustrative: record.illustrative,
});
