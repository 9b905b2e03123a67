import type { Schemas } from '@sailcourt/api-client';
import type { FieldError } from './form-errors.js';

export type Sport = Schemas['TeamDto']['sport'];
export type MemberRole = NonNullable<Schemas['TeamMemberInputDto']['role']>;
export type Position = NonNullable<Schemas['TeamMemberInputDto']['position']>;
export type MemberInput = Schemas['TeamMemberInputDto'];

export const BASKETBALL_ROLES = [
  'player',
  'coach',
  'assistant-coach',
  'team-manager',
  'physio',
  'staff',
] as const satisfies readonly MemberRole[];
export const SAILING_ROLES = [
  'skipper',
  'helmsman',
  'navigator',
  'trimmer',
  'bowman',
  'crew',
] as const satisfies readonly MemberRole[];
export const POSITIONS = ['guard', 'forward', 'center'] as const satisfies readonly Position[];
export const rolesFor = (sport: Sport): readonly MemberRole[] =>
  sport === 'basketball' ? BASKETBALL_ROLES : SAILING_ROLES;
/** What the API assumes when a row names no role. */
export const defaultRole = (sport: Sport): MemberRole => (sport === 'basketball' ? 'player' : 'crew');

/** A roster row exactly as typed, so a rejected form comes back with the manager's input intact. */
export type RosterRow = { name: string; number: string; position: string; role: string; birthYear: string };
export const ROW_FIELDS = [
  'name',
  'number',
  'position',
  'role',
  'birthYear',
] as const satisfies readonly (keyof RosterRow)[];

export const blankRow = (): RosterRow => ({ name: '', number: '', position: '', role: '', birthYear: '' });
/** Nothing typed but perhaps a role picked: such a row is left out rather than reported as nameless. */
export const isBlankRow = (row: RosterRow): boolean => ROW_FIELDS.every((f) => f === 'role' || row[f].trim() === '');

/** Inputs are named `roster.<row>.<field>`; rows come back in the order of their indices, gaps closed. */
export function rowsFromForm(form: FormData): RosterRow[] {
  const rows = new Map<number, RosterRow>();
  for (const [key, value] of form.entries()) {
    const match = /^roster\.(\d{1,3})\.(\w+)$/.exec(key);
    if (!match || typeof value !== 'string') continue;
    const field = match[2] as keyof RosterRow;
    if (!ROW_FIELDS.includes(field)) continue;
    const index = Number(match[1]);
    const row = rows.get(index) ?? blankRow();
    row[field] = value;
    rows.set(index, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

export function rowsFromRoster(members: readonly Schemas['TeamMemberDto'][], sport: Sport): RosterRow[] {
  return members.map((m) => ({
    name: m.name,
    number: m.number === null ? '' : String(m.number),
    position: m.position ?? '',
    role: m.role === defaultRole(sport) ? '' : m.role,
    birthYear: m.birthYear === null ? '' : String(m.birthYear),
  }));
}

const WHOLE = /^\d{1,4}$/;

/**
 * The roster to send: blank rows dropped (the caller shows the same rows, so the API's `roster.3.…`
 * indices still point at what the reader sees). Text that is not a whole number is caught here, since
 * the typed client cannot carry it; ranges, duplicates and role rules are the API's to judge.
 */
export function toRosterInput(
  rows: readonly RosterRow[],
  sport: Sport,
): { roster: MemberInput[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const roles = rolesFor(sport);
  const roster = rows.map((row, index): MemberInput => {
    const member: MemberInput = { name: row.name.trim() };
    // Checked here as well as by the API, so every mistake of the form shows at once.
    if (member.name === '') errors.push({ field: `roster.${index}.name`, message: 'must not be blank' });
    else if (member.name.length > 100)
      errors.push({ field: `roster.${index}.name`, message: 'must be shorter than or equal to 100 characters' });
    const whole = (field: 'number' | 'birthYear'): number | undefined => {
      const text = row[field].trim();
      if (text === '') return undefined;
      if (WHOLE.test(text)) return Number(text);
      errors.push({
        field: `roster.${index}.${field}`,
        message: 'must be an integer number',
        code: 'validation.is-int',
      });
      return undefined;
    };
    const number = whole('number');
    const birthYear = whole('birthYear');
    if (number !== undefined) member.number = number;
    if (birthYear !== undefined) member.birthYear = birthYear;
    const role = roles.find((r) => r === row.role);
    if (role) member.role = role;
    else if (row.role !== '')
      errors.push({ field: `roster.${index}.role`, message: `must be one of ${roles.join(', ')}` });
    const position = POSITIONS.find((p) => p === row.position);
    if (position) member.position = position;
    else if (row.position !== '')
      errors.push({ field: `roster.${index}.position`, message: `must be one of ${POSITIONS.join(', ')}` });
    return member;
  });
  // Checked here too, so a duplicate shirt number shows with the other mistakes, not in a later round.
  const firstWith = new Map<number, number>();
  roster.forEach((member, index) => {
    if (member.number === undefined) return;
    const first = firstWith.get(member.number);
    if (first === undefined) firstWith.set(member.number, index);
    else
      errors.push({
        field: `roster.${index}.number`,
        message: `duplicates the number of roster.${first} (${member.number})`,
        code: 'roster.number-duplicate',
        params: { number: member.number },
      });
  });
  return { roster, errors };
}

/** Players count toward an event's roster limits; coaches and other staff do not (as the API counts). */
const STAFF: readonly string[] = ['coach', 'assistant-coach', 'team-manager', 'physio', 'staff'];
export const countPlayers = (roles: readonly (string | null)[]): number =>
  roles.filter((r) => r === null || !STAFF.includes(r)).length;
