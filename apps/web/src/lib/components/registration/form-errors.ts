import { isProblem, type Problem as ApiProblem, type ProblemFieldError } from '@sailcourt/api-client';
import type { MessageKey } from '$lib/i18n';

/**
 * One bad field as the API names it (`roster.3.number`, the OpenAPI FieldErrorDto), or as the web server found
 * it before asking, which may leave `code` out. `code` and `params` are what the page words it from; `message`
 * is the API's English, shown raw only for a code this page does not know yet.
 */
export type FieldError = Omit<ProblemFieldError, 'code'> & Partial<Pick<ProblemFieldError, 'code'>>;

/**
 * What a failed write hands back to its page: the API's Problem (OpenAPI ProblemDto) reduced to its status, code,
 * field errors and own words; `detail` and `code` are null when the API gave none or the web found the problem.
 */
export type Problem = Pick<ApiProblem, 'status'> & {
  errors: FieldError[];
  detail: ApiProblem['detail'] | null;
  code?: ApiProblem['code'] | null;
};

/** Reads an openapi-fetch failure; anything that is not problem+json still yields its status. */
export function problemOf(result: { error?: unknown; response: Response }): Problem {
  const body = result.error;
  if (isProblem(body))
    return { status: body.status, errors: body.errors ?? [], detail: body.detail, code: body.code ?? null };
  return { status: result.response.status >= 400 ? result.response.status : 502, errors: [], detail: null, code: null };
}

/** `roster.3.number` → `roster-3-number`: usable as an element id. */
export const fieldId = (field: string): string => field.replace(/[^\w-]+/g, '-');
export const errorId = (field: string): string => `${fieldId(field)}-error`;

export const errorsFor = (errors: readonly FieldError[] | undefined, field: string): FieldError[] =>
  (errors ?? []).filter((e) => e.field === field);

/** Attributes that tie an input to the error printed beside it. */
export function invalidAttrs(
  errors: readonly FieldError[] | undefined,
  field: string,
): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  return errorsFor(errors, field).length > 0 ? { 'aria-invalid': 'true', 'aria-describedby': errorId(field) } : {};
}

export type ErrorText = { key: MessageKey; params?: Record<string, string | number>; raw?: string };

const param = (error: FieldError, name: string): string | number => error.params?.[name] ?? '';

/** Codes that mean "fill this in", whatever the field. */
const REQUIRED_CODES = new Set([
  'validation.required',
  'validation.is-not-blank',
  'validation.is-not-empty',
  'registration.roster-empty',
]);

/** The API's field errors in the reader's language, chosen by their stable `code`; unknown ones show the API's words. */
export function describeError(error: FieldError): ErrorText {
  const leaf = error.field.split('.').at(-1) ?? error.field;
  switch (error.code ?? '') {
    case 'roster.number-duplicate':
      return { key: 'registration.error.numberDuplicate' };
    case 'roster.number-only-players':
      return { key: 'registration.error.numberOnlyPlayers' };
    case 'roster.position-only-players':
      return { key: 'registration.error.positionOnlyPlayers' };
    case 'auth.email-taken':
      return { key: 'registration.error.emailTaken' };
    case 'registration.duplicate':
      return { key: 'registration.error.alreadyRegistered' };
    case 'registration.full':
      return { key: 'registration.error.full' };
    case 'registration.roster-size': {
      const max = Number(param(error, 'max'));
      return {
        key: 'registration.error.rosterSize',
        params: { limits: `${param(error, 'min')}–${max < 0 ? '∞' : max}`, count: param(error, 'count') },
      };
    }
    case 'registration.roster-empty':
      return { key: leaf === 'roster' ? 'registration.error.rosterEmpty' : 'registration.error.required' };
    case 'registration.division-required':
    case 'schedule.division-required':
      return { key: 'division.error.required' };
    case 'division.unknown':
      return { key: 'division.error.unknown' };
    case 'registration.division-full':
      return { key: 'division.error.full' };
    case 'roster.born-before-cutoff':
      return { key: 'division.error.bornBefore', params: { date: param(error, 'bornOnOrAfter') } };
    case 'registration.capacity-below-confirmed':
      return { key: 'registration.error.capacityBelowConfirmed', params: { count: param(error, 'confirmed') } };
    case 'validation.max-length':
      return { key: 'registration.error.tooLong', params: { count: param(error, 'limit') } };
    case 'validation.min-length':
      if (Number(param(error, 'limit')) <= 1) return { key: 'registration.error.required' };
      break;
    default:
      if (error.code && REQUIRED_CODES.has(error.code)) return { key: 'registration.error.required' };
  }
  switch (leaf) {
    case 'number':
      return { key: 'registration.error.numberRange' };
    case 'birthYear':
      return { key: 'registration.error.birthYear', params: { max: new Date().getFullYear() } };
    case 'email':
      return { key: 'registration.error.email' };
    case 'password':
      return { key: 'registration.error.password' };
    case 'role':
      return { key: 'registration.error.role' };
    case 'position':
      return { key: 'registration.error.position' };
    case 'capacity':
      return { key: 'registration.error.capacity' };
    default:
      return { key: 'registration.error.invalid', raw: error.message };
  }
}
