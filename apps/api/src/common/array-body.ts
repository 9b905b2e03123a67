import { Injectable, type PipeTransform } from '@nestjs/common';
import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { badRequest, type FieldError } from './problem.js';
import { flattenValidationErrors } from './validation.js';

/**
 * Validates a body that is a JSON array of rows (the global ValidationPipe skips arrays), with the
 * same rules as the global pipe, and names each bad row by its index: `2.finishedAt`.
 */
@Injectable()
export class ArrayBodyPipe<T extends object> implements PipeTransform<unknown, Promise<T[]>> {
  constructor(
    private readonly rowType: ClassConstructor<T>,
    private readonly maxRows = 1000,
  ) {}

  async transform(value: unknown): Promise<T[]> {
    if (!Array.isArray(value)) throw badRequest('The body must be a JSON array.');
    if (value.length > this.maxRows) throw badRequest(`The body may hold at most ${this.maxRows} rows.`);
    const rows: T[] = [];
    const errors: FieldError[] = [];
    for (const [index, item] of value.entries()) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        errors.push({ field: String(index), message: 'must be an object' });
        continue;
      }
      const row = plainToInstance(this.rowType, item);
      const rowErrors = await validate(row, {
        whitelist: true,
        forbidNonWhitelisted: true,
        validationError: { target: false, value: false },
      });
      errors.push(...flattenValidationErrors(rowErrors, String(index)));
      rows.push(row);
    }
    if (errors.length > 0) {
      throw badRequest(`Invalid request: ${[...new Set(errors.map((e) => e.field))].join(', ')}.`, errors);
    }
    return rows;
  }
}
