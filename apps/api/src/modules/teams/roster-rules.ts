import type { FieldError } from '../../common/problem.js';
import type { Sport } from './team.entity.js';
import { BASKETBALL_ROLES, type MemberRole, SAILING_ROLES } from './team-member.entity.js';

/** Roles that do not play: they count as participants but not toward an event's roster-size limits. */
export const STAFF_ROLES: readonly string[] = ['coach', 'assistant-coach', 'team-manager', 'physio', 'staff'];

export const isPlayingMember = (role: string | null | undefined): boolean => !role || !STAFF_ROLES.includes(role);

/** Shirt numbers must be unique within a roster; each later duplicate is named by its row. */
export function duplicateNumberErrors(rows: readonly { number?: number | null }[], path: string): FieldError[] {
  const firstRow = new Map<number, number>();
  const errors: FieldError[] = [];
  rows.forEach((row, index) => {
    if (row.number === undefined || row.number === null) return;
    const first = firstRow.get(row.number);
    if (first === undefined) firstRow.set(row.number, index);
    else
      errors.push({
        field: `${path}.${index}.number`,
        message: `duplicates the number of ${path}.${first} (${row.number})`,
        code: 'roster.number-duplicate',
        params: { number: row.number ?? 0 },
      });
  });
  return errors;
}

/** A division's birth-date cut-off: a player born before it is too old; each such row is named. ISO dates compare as text. */
export function birthDateErrors(
  rows: readonly { birthDate?: string | null }[],
  bornOnOrAfter: string | null,
  path: string,
): FieldError[] {
  if (bornOnOrAfter === null) return [];
  return rows.flatMap((row, index) =>
    row.birthDate && row.birthDate < bornOnOrAfter
      ? [
          {
            field: `${path}.${index}.birthDate`,
            message: `is before the division's cut-off (born on or after ${bornOnOrAfter})`,
            code: 'roster.born-before-cutoff',
            params: { bornOnOrAfter },
          },
        ]
      : [],
  );
}

export const defaultRole = (sport: Sport): MemberRole => (sport === 'basketball' ? 'player' : 'crew');

type MemberRow = { role?: MemberRole; number?: number; position?: string };

/** What fits a team's sport: basketball players and staff, or a sailing crew; only basketball players wear numbers. */
export function memberFitErrors(rows: readonly MemberRow[], sport: Sport, path: string): FieldError[] {
  const roles: readonly MemberRole[] = sport === 'basketball' ? BASKETBALL_ROLES : SAILING_ROLES;
  return rows.flatMap((row, index) => {
    const role = row.role ?? defaultRole(sport);
    const errors: FieldError[] = [];
    if (!roles.includes(role))
      errors.push({
        field: `${path}.${index}.role`,
        message: `must be one of ${roles.join(', ')} for a ${sport} team`,
      });
    const player = sport === 'basketball' && role === 'player';
    if (row.number !== undefined && !player)
      errors.push({
        field: `${path}.${index}.number`,
        message: 'only basketball players wear a shirt number',
        code: 'roster.number-only-players',
      });
    if (row.position !== undefined && !player)
      errors.push({
        field: `${path}.${index}.position`,
        message: 'only basketball players have a position',
        code: 'roster.position-only-players',
      });
    return errors;
  });
}
