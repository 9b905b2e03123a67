import { isProblem } from '@sailcourt/api-client';
import type { MessageKey } from '$lib/i18n';

/** One bad field as the API names it (`roster.3.number`), or as the web server found it before asking. */
export type FieldError = { field: string; message: string };

/** What a failed write hands back to its page: the status, the field errors, and the API's own words. */
export type Problem = { status: number; errors: FieldError[]; detail: string | null; code?: string | null };

/** Reads an openapi-fetch failure; anything that is not problem+json still yields its status. */
export function problemOf(result: { error?: unknown; response: Response }): Problem {
  const body = result.error;
  if (isProblem(body)) return { status: body.status, errors: body.errors ?? [], detail: body.detail, code: body.code ?? null };
  return { status: result.response.status >= 400 ? result.response.status : 502, errors: [], detail: null, code: null };
}

/** `roster.3.number` → `roster-3-number`: usable as an element id. */
export const fieldId = (field: string): string => field.replace(/[^\w-]+/g, '-');
export const errorId = (field: string): string => `${fieldId(field)}-error`;

export const errorsFor = (errors: readonly FieldError[] | undefined, field: string): FieldError[] => (errors ?? []).filter((e) => e.field === field);

/** Attributes that tie an input to the error printed beside it. */
export function invalidAttrs(errors: readonly FieldError[] | undefined, field: string): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  return errorsFor(errors, field).length > 0 ? { 'aria-invalid': 'true', 'aria-describedby': errorId(field) } : {};
}

export type ErrorText = { key: MessageKey; params?: Record<string, string | number>; raw?: string };

/** The API writes its field messages in English; known ones get the reader's language, the rest a generic text plus the original. */
export function describeError(error: FieldError): ErrorText {
  const leaf = error.field.split('.').at(-1) ?? error.field;
  const m = error.message;
  if (/duplicates the number/.test(m)) return { key: 'registration.error.numberDuplicate' };
  if (/only basketball players wear/.test(m)) return { key: 'registration.error.numberOnlyPlayers' };
  if (/only basketball players have a position/.test(m)) return { key: 'registration.error.positionOnlyPlayers' };
  if (/is taken/.test(m)) return { key: 'registration.error.emailTaken' };
  if (/already registered/.test(m)) return { key: 'registration.error.alreadyRegistered' };
  if (/no place left/.test(m)) return { key: 'registration.error.full' };
  const needs = /needs (\S+) players, has (\d+)/.exec(m);
  if (needs) return { key: 'registration.error.rosterSize', params: { limits: needs[1] ?? '', count: needs[2] ?? '' } };
  if (leaf === 'roster' && /at least one|no saved roster/.test(m)) return { key: 'registration.error.rosterEmpty' };
  const atLeast = /must be at least (\d+)/.exec(m);
  if (leaf === 'capacity' && atLeast) return { key: 'registration.error.capacityBelowConfirmed', params: { count: atLeast[1] ?? '' } };
  const longer = /shorter than or equal to (\d+)/.exec(m);
  if (longer) return { key: 'registration.error.tooLong', params: { max: longer[1] ?? '' } };
  if (/longer than or equal to 1 |must not be blank|should not be empty|is required/.test(m)) return { key: 'registration.error.required' };
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
      return { key: 'registration.error.invalid', raw: m };
  }
}
