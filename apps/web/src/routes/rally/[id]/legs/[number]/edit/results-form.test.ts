import type { Schemas } from '@sailcourt/api-client';
import { describe, expect, it } from 'vitest';
import {
  apiErrors,
  applyPaste,
  buildBody,
  fieldName,
  parsePaste,
  prefillRows,
  readRows,
  type RowValues,
} from './results-form.js';

const entries = [
  { id: 'e1', sailNumber: 'CHN 101', boatName: 'First 40 · 01' },
  { id: 'e2', sailNumber: 'CHN 102', boatName: 'First 40 · 02' },
  { id: 'e3', sailNumber: null, boatName: 'Haiyan' },
];
const leg = { startsAt: '2023-07-04T06:00:00+08:00', coefficient: 2 };
const blank = (entryId: string): RowValues => ({ entryId, finish: '', code: '', points: '' });

function result(entryId: string, fields: Partial<Schemas['LegResultDto']>): Schemas['LegResultDto'] {
  return {
    entryId,
    boatName: '',
    sailNumber: null,
    teamName: '',
    teamNameEn: null,
    place: null,
    finishedAt: null,
    elapsedSeconds: null,
    correctedSeconds: null,
    speedKnots: null,
    code: null,
    points: 1,
    recorded: true,
    source: null,
    illustrative: [],
    ...fields,
  };
}

describe('leg results form', () => {
  it('prefills recorded results only, in Qingdao time, with given points before the leg coefficient', () => {
    const rows = prefillRows(
      entries,
      [
        result('e1', { finishedAt: '2023-07-04T14:30:00+08:00' }),
        result('e2', { code: 'RDG', points: 5 }),
        result('e3', { code: 'DNC', points: 4, recorded: false }),
      ],
      leg,
    );
    expect(rows).toEqual([
      { entryId: 'e1', finish: '2023-07-04 14:30:00', code: '', points: '' },
      { entryId: 'e2', finish: '', code: 'RDG', points: '2.5' },
      blank('e3'),
    ]);
  });

  it('reads the rows by entry, whatever order the fields came in', () => {
    const form = new FormData();
    form.set(fieldName('code', 'e2'), 'dnf');
    form.set(fieldName('finish', 'e1'), ' 2023-07-04 14:30 ');
    expect(readRows(form, entries)).toEqual([
      { ...blank('e1'), finish: '2023-07-04 14:30' },
      { ...blank('e2'), code: 'DNF' },
      blank('e3'),
    ]);
  });

  it('reads pasted lines with tabs or spaces, times, codes and given points', () => {
    const { rows, errors } = parsePaste(
      'CHN 101\t2023-07-04 14:30:00\n\nchn102  RDG 3\nHaiyan 2023-07-04T15:01 ZFP\n',
      entries,
    );
    expect(errors).toEqual([]);
    expect(Object.fromEntries(rows)).toEqual({
      e1: { finish: '2023-07-04 14:30:00', code: '', points: '' },
      e2: { finish: '', code: 'RDG', points: '3' },
      e3: { finish: '2023-07-04 15:01', code: 'ZFP', points: '' },
    });
    expect(applyPaste([blank('e1'), { ...blank('e2'), finish: '2023-07-04 15:00' }], rows)[1]).toEqual({
      entryId: 'e2',
      finish: '',
      code: 'RDG',
      points: '3',
    });
  });

  it('takes a bare sail number and a time alone on the leg’s date, and keeps the good lines when one is bad', () => {
    const { rows, errors, badLines } = parsePaste(
      '102 15:40:00\n101\t14:30\n999 16:00\nHaiyan DNF',
      entries,
      '2023-07-04',
    );
    expect(Object.fromEntries(rows)).toEqual({
      e2: { finish: '2023-07-04 15:40:00', code: '', points: '' },
      e1: { finish: '2023-07-04 14:30', code: '', points: '' },
      e3: { finish: '', code: 'DNF', points: '' },
    });
    expect(errors).toEqual([{ line: 3, message: { key: 'rally.edit.error.unknownSail', params: { sail: '999' } } }]);
    expect(badLines).toEqual(['999 16:00']);
  });

  it('names the pasted lines it cannot use', () => {
    const { errors } = parsePaste('CHN 999 DNF\nCHN 101\nCHN 101 DNF\nCHN 101 DSQ', entries);
    expect(errors).toEqual([
      { line: 1, message: { key: 'rally.edit.error.unknownSail', params: { sail: 'CHN 999' } } },
      { line: 2, message: { key: 'rally.edit.error.line' } },
      { line: 4, message: { key: 'rally.edit.error.duplicate' } },
    ]);
  });

  it('builds the body with +08:00 instants and leaves blank boats out (the API scores them DNC)', () => {
    const { body, errors } = buildBody([
      { ...blank('e1'), finish: '2023-07-04 14:30' },
      { ...blank('e2'), code: 'RDG', points: '2.5' },
      { ...blank('e3'), code: 'DNF', points: '9' },
      blank('e4'),
    ]);
    expect(errors).toEqual({});
    expect(body).toEqual([
      { entryId: 'e1', finishedAt: '2023-07-04T14:30:00+08:00' },
      { entryId: 'e2', code: 'RDG', points: 2.5 },
      { entryId: 'e3', code: 'DNF' },
    ]);
  });

  it('refuses unreadable rows beside the boat, before calling the API', () => {
    const { errors } = buildBody([
      { ...blank('e1'), finish: '4 July 14:30' },
      { ...blank('e2'), code: 'XYZ' },
      { ...blank('e3'), code: 'DPI' },
    ]);
    expect(errors).toEqual({
      e1: { finish: { key: 'rally.edit.error.time' } },
      e2: { code: { key: 'rally.edit.error.code' } },
      e3: { points: { key: 'rally.edit.error.pointsNeeded' } },
    });
  });

  it('puts the API errors beside the boats their body rows name', () => {
    const body = [{ entryId: 'e1' }, { entryId: 'e2' }, { entryId: 'e3' }];
    const problem = {
      type: '',
      title: '',
      status: 422,
      code: 'rule.violated',
      detail: 'The results break a scoring rule: 2.finishedAt.',
      errors: [
        {
          field: '2.finishedAt',
          message: 'Finish … is not after the leg start …',
          code: 'leg-result.finish-not-after-start',
        },
        { field: '0.entryId', message: 'the boat already has a result in row 1', code: 'leg-result.duplicate-result' },
      ],
    };
    const { errors, general } = apiErrors(problem, body, leg);
    expect(general).toEqual([]);
    expect(errors.e3?.finish).toMatchObject({
      key: 'rally.edit.error.finishBeforeStart',
      params: { start: '2023-07-04 06:00:00' },
    });
    expect(errors.e1?.entry?.key).toBe('rally.edit.error.duplicate');
    expect(errors.e2).toBeUndefined();
  });

  it('keeps a problem that names no row as a general message', () => {
    const { errors, general } = apiErrors(
      { type: '', title: '', status: 422, code: 'rule.violated', detail: 'Leg is locked' },
      [],
      leg,
    );
    expect(errors).toEqual({});
    expect(general).toEqual([{ key: 'rally.edit.error.failed', params: { status: 422 }, detail: 'Leg is locked' }]);
  });
});
