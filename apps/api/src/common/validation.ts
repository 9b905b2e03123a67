import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { badRequest, type FieldError } from './problem.js';

/** Flattens class-validator's tree into dotted field paths, e.g. `roster.1.number`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => fieldError(field, rule, message));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

const LIMIT_RULES = new Set([
  'min',
  'max',
  'minLength',
  'maxLength',
  'arrayMinSize',
  'arrayMaxSize',
  'maxDate',
  'minDate',
]);

/** `isInt` → `validation.is-int`; a limit rule carries its limit in `params.limit`. */
function fieldError(field: string, rule: string, message: string): FieldError {
  if (rule === 'whitelistValidation')
    return { field, message: 'is not a known field', code: 'validation.unknown-field' };
  const code = `validation.${rule.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  const text = message.replace(/^\S+ /, '');
  const limit = LIMIT_RULES.has(rule) ? /(-?\d+(?:\.\d+)?)/.exec(text)?.[1] : undefined;
  // class-validator starts each message with the property name, which `field` already carries.
  return { field, message: text, code, ...(limit !== undefined ? { params: { limit: Number(limit) } } : {}) };
}

/** Rejects unknown fields and wrong types at the edge, naming each bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      const names = [...new Set(fieldErrors.map((e) => e.field))].join(', ');
      return badRequest(`Invalid request: ${names}.`, fieldErrors);
    },
  });
}
