import { describe, expect, it } from 'vitest';
import { messages } from '$lib/i18n/messages/index.js';
import { describeError, errorId, invalidAttrs, problemOf } from './form-errors.js';
import { countPlayers, isBlankRow, rowsFromForm, rowsFromRoster, toRosterInput } from './roster-form.js';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe('roster rows from a posted form', () => {
  it('orders rows by their index, closes gaps, ignores other fields and unknown columns', () => {
    const rows = rowsFromForm(
      form([
        ['intent', 'save'],
        ['roster.10.name', 'Third'],
        ['roster.0.name', 'First'],
        ['roster.0.number', '7'],
        ['roster.2.name', 'Second'],
        ['roster.2.secret', 'x'],
      ]),
    );
    expect(rows.map((r) => r.name)).toEqual(['First', 'Second', 'Third']);
    expect(rows[0]).toEqual({ name: 'First', number: '7', position: '', role: '', birthYear: '' });
  });

  it('treats a row with only a role picked as blank', () => {
    expect(isBlankRow({ name: ' ', number: '', position: '', role: 'coach', birthYear: '' })).toBe(true);
    expect(isBlankRow({ name: '', number: '4', position: '', role: '', birthYear: '' })).toBe(false);
  });
});

describe('roster input for the API', () => {
  it('converts numbers, leaves blanks out and keeps the default role implicit', () => {
    const { roster, errors } = toRosterInput(
      [
        { name: ' 王小明 ', number: '7', position: 'guard', role: '', birthYear: '2012' },
        { name: '李教练', number: '', position: '', role: 'coach', birthYear: '' },
      ],
      'basketball',
    );
    expect(errors).toEqual([]);
    expect(roster).toEqual([
      { name: '王小明', number: 7, position: 'guard', birthYear: 2012 },
      { name: '李教练', role: 'coach' },
    ]);
  });

  it('names the row of text that is not a whole number, and of a role from the other sport', () => {
    const { errors } = toRosterInput(
      [
        { name: 'A', number: '7', position: '', role: '', birthYear: '' },
        { name: 'B', number: 'seven', position: '', role: 'skipper', birthYear: '20.5' },
      ],
      'basketball',
    );
    expect(errors.map((e) => e.field)).toEqual(['roster.1.number', 'roster.1.birthYear', 'roster.1.role']);
  });

  it('shows a stored player with the default role as the blank choice', () => {
    const rows = rowsFromRoster(
      [{ id: 'x', name: 'A', role: 'player', number: 0, position: null, birthYear: null }],
      'basketball',
    );
    expect(rows[0]).toEqual({ name: 'A', number: '0', position: '', role: '', birthYear: '' });
  });

  it('counts players as the API does: staff roles do not count', () => {
    expect(countPlayers(['player', null, 'coach', 'crew', 'physio'])).toBe(3);
  });
});

describe('field errors', () => {
  it('ties an input to its error by id', () => {
    const errors = [{ field: 'roster.3.number', message: 'duplicates the number of roster.0 (7)' }];
    expect(errorId('roster.3.number')).toBe('roster-3-number-error');
    expect(invalidAttrs(errors, 'roster.3.number')).toEqual({
      'aria-invalid': 'true',
      'aria-describedby': 'roster-3-number-error',
    });
    expect(invalidAttrs(errors, 'roster.2.number')).toEqual({});
  });

  it('puts the API’s English messages into a known text, or a generic one with the original', () => {
    expect(
      describeError({ field: 'roster.3.number', message: 'x', code: 'roster.number-duplicate', params: { number: 7 } })
        .key,
    ).toBe('registration.error.numberDuplicate');
    expect(
      describeError({ field: 'roster.1.name', message: 'x', code: 'validation.max-length', params: { limit: 100 } }),
    ).toEqual({ key: 'registration.error.tooLong', params: { count: 100 } });
    expect(
      describeError({ field: 'roster.1.name', message: 'x', code: 'validation.min-length', params: { limit: 1 } }).key,
    ).toBe('registration.error.required');
    expect(describeError({ field: 'roster.1.name', message: 'x', code: 'validation.is-not-blank' }).key).toBe(
      'registration.error.required',
    );
    expect(
      describeError({
        field: 'roster',
        message: 'x',
        code: 'registration.roster-size',
        params: { min: 8, max: 12, count: 5 },
      }),
    ).toEqual({ key: 'registration.error.rosterSize', params: { limits: '8–12', count: 5 } });
    expect(
      describeError({
        field: 'roster',
        message: 'x',
        code: 'registration.roster-size',
        params: { min: 3, max: -1, count: 2 },
      }).params,
    ).toEqual({ limits: '3–∞', count: 2 });
    expect(describeError({ field: 'email', message: 'x', code: 'auth.email-taken' }).key).toBe(
      'registration.error.emailTaken',
    );
    expect(describeError({ field: 'status', message: 'x', code: 'registration.full' }).key).toBe(
      'registration.error.full',
    );
    expect(
      describeError({
        field: 'capacity',
        message: 'x',
        code: 'registration.capacity-below-confirmed',
        params: { confirmed: 6 },
      }),
    ).toEqual({ key: 'registration.error.capacityBelowConfirmed', params: { count: 6 } });
    expect(describeError({ field: 'password', message: 'must be longer than or equal to 8 characters' }).key).toBe(
      'registration.error.password',
    );
    expect(describeError({ field: 'nickname', message: 'is not a known field' })).toEqual({
      key: 'registration.error.invalid',
      raw: 'is not a known field',
    });
    for (const key of [
      'registration.error.numberDuplicate',
      'registration.error.rosterSize',
      'registration.error.invalid',
    ] as const)
      expect(messages[key].en).not.toBe('');
  });

  it('reads a problem+json failure, and still has a status for anything else', () => {
    const problem = {
      type: 't',
      title: 'Bad Request',
      status: 400,
      detail: 'Invalid roster: roster.3.number.',
      errors: [{ field: 'roster.3.number', message: 'x' }],
    };
    expect(problemOf({ error: problem, response: new Response(null, { status: 400 }) })).toEqual({
      status: 400,
      errors: problem.errors,
      detail: problem.detail,
      code: null,
    });
    expect(problemOf({ error: 'gateway', response: new Response(null, { status: 502 }) })).toEqual({
      status: 502,
      errors: [],
      detail: null,
      code: null,
    });
  });
});
