import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Years a sports calendar can mean; year 0000 does not exist in PostgreSQL, 30 February nowhere. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date `YYYY-MM-DD` that exists (no 30 February). */
export const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: { validate: isCalendarDate, defaultMessage: () => '$property must be a real date YYYY-MM-DD' },
  });

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** `Date.parse` rolls 2023-02-30 over to 2 March; the calendar day must exist as written. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  return match !== null && isCalendarDate(match[1]) && !Number.isNaN(Date.parse(value));
}

/** An instant with an explicit offset, e.g. `2023-07-10T19:30:00+08:00`; a bare local time is ambiguous. */
export const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: isInstant,
      defaultMessage: () => '$property must be an ISO 8601 instant with an offset, e.g. 2023-07-10T19:30:00+08:00',
    },
  });

/** A required display name: 1–max characters, not blank. */
/** Some visible character; its own rule (code `validation.is-not-blank`) so clients need not read the message. */
export const IsNotBlank = (options: ValidationOptions = {}) =>
  ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /\S/.test(value),
        defaultMessage: () => '$property must not be blank',
      },
    },
    options,
  );

export const IsName = (max = 120, options: ValidationOptions = {}) =>
  applyDecorators(IsString(options), MinLength(1, options), MaxLength(max, options), IsNotBlank(options));

/** May be left out, but not sent as null: `IsOptional` would let null through as "no value". */
export const IsOmittable = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

export const IsOptionalName = (max = 120) => applyDecorators(IsOptional(), IsName(max));

/** Provenance every published record carries. */
export class SourcedDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Where the facts come from, or "illustrative" when the sources are silent.',
  })
  source: string | null;

  @ApiProperty({
    type: [String],
    description: 'Fields of this record that the sources do not give (illustrative values).',
  })
  illustrative: string[];
}

export const sourcedFields = (record: { source: string | null; illustrative: string[] }): SourcedDto => ({
  source: record.source,
  illustrative: record.illustrative,
});
