import { badRequest, type FieldError } from '../../common/problem.js';

/** The fields whose order a request can get upside down; absent (undefined or null) ones are not compared. */
export type OrderedFields = {
  startDate?: string;
  endDate?: string;
  registrationOpensAt?: Date | string | null;
  registrationClosesAt?: Date | string | null;
  rosterMin?: number | null;
  rosterMax?: number | null;
};

const present = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

/** Pairs of fields whose order the request itself gets wrong are malformed input (400), not a domain rule. */
export function assertOrdered(s: OrderedFields): void {
  const errors: FieldError[] = [];
  if (present(s.startDate) && present(s.endDate) && s.endDate < s.startDate)
    errors.push({ field: 'endDate', message: 'must not be before startDate' });
  if (
    present(s.registrationOpensAt) &&
    present(s.registrationClosesAt) &&
    new Date(s.registrationClosesAt).getTime() < new Date(s.registrationOpensAt).getTime()
  )
    errors.push({ field: 'registrationClosesAt', message: 'must not be before registrationOpensAt' });
  if (present(s.rosterMin) && present(s.rosterMax) && s.rosterMax < s.rosterMin)
    errors.push({ field: 'rosterMax', message: 'must not be below rosterMin' });
  if (errors.length > 0) throw badRequest(`Invalid request: ${errors.map((e) => e.field).join(', ')}.`, errors);
}
