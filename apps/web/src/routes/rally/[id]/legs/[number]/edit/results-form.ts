// The leg-results form without the framework: what the organizer typed or pasted, read into rows;
// rows checked and turned into the body of PUT …/legs/:n/results; the API's errors, which name body
// rows (`3.finishedAt`), put back beside the boats they are about.

import type { Problem, Schemas } from '@sailcourt/api-client';
import { isScoringCode, takesGivenPoints } from '$lib/components/rally/codes';
import { parseQingdaoTime, qingdaoWallClock, roundPoints } from '$lib/components/rally/format';
import type { MessageKey } from '$lib/i18n';

/** One boat's row as typed, kept verbatim so a refused form comes back as the organizer left it. */
export type RowValues = { entryId: string; finish: string; code: string; points: string };
export type RowField = 'finish' | 'code' | 'points' | 'entry';
export type FieldMessage = { key: MessageKey; params?: Record<string, string | number>; detail?: string };
export type RowErrors = Record<string, Partial<Record<RowField, FieldMessage>>>;
export type PasteError = { line: number; message: FieldMessage };

/** What the page shows after a submit; every action returns all of it. */
export type ResultsFormState = {
  rows: RowValues[];
  paste: string;
  errors: RowErrors;
  pasteErrors: PasteError[];
  general: FieldMessage[];
  filled: number | null;
};

type Entry = Pick<Schemas['EntryDto'], 'id' | 'sailNumber' | 'boatName'>;
type Leg = Pick<Schemas['LegDto'], 'startsAt' | 'coefficient'>;

/** One row of the PUT body: a finish time, or a scoring code (with committee points for RDG/DPI). */
export type ResultBodyRow = Schemas['LegResultInputDto'];

export const fieldName = (field: 'finish' | 'code' | 'points', entryId: string) => `${field}:${entryId}`;

/** The recorded results as the form shows them; unrecorded boats (scored DNC by default) stay blank. */
export function prefillRows(
  entries: readonly Entry[],
  results: readonly Schemas['LegResultDto'][],
  leg: Leg,
): RowValues[] {
  return entries.map((entry) => {
    const result = results.find((row) => row.entryId === entry.id && row.recorded);
    if (!result) return { entryId: entry.id, finish: '', code: '', points: '' };
    // Results carry points after the leg coefficient; the committee gives them before it.
    const given =
      result.code && takesGivenPoints(result.code) ? String(roundPoints(result.points / leg.coefficient)) : '';
    return {
      entryId: entry.id,
      finish: result.finishedAt ? qingdaoWallClock(result.finishedAt) : '',
      code: result.code ?? '',
      points: given,
    };
  });
}

export function readRows(form: FormData, entries: readonly Entry[]): RowValues[] {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return entries.map((entry) => ({
    entryId: entry.id,
    finish: text(fieldName('finish', entry.id)),
    code: text(fieldName('code', entry.id)).toUpperCase(),
    points: text(fieldName('points', entry.id)),
  }));
}

const normalize = (value: string) => value.replace(/\s+/g, '').toUpperCase();
// A full date and time, or a time alone (read on the leg's start date).
const TIME = String.raw`(?:\d{4}-\d{1,2}-\d{1,2}[T ])?\d{1,2}:\d{2}(?::\d{2})?`;
const VALUE = new RegExp(String.raw`^(${TIME})?\s*(?:([A-Za-z]{3})(?:\s+(\d+(?:\.\d+)?))?)?$`);
// Without a tab, the sail number ("CHN 101") is whatever comes before the time or the code.
const LINE = new RegExp(
  String.raw`^(.+?)\s+((?:${TIME})(?:\s+[A-Za-z]{3}(?:\s+\d+(?:\.\d+)?)?)?|[A-Za-z]{3}(?:\s+\d+(?:\.\d+)?)?)$`,
);

/** The boat a pasted name means: its sail number ("CHN 102", "chn102"), the number alone ("102") when only one boat has it, or its name. */
function findEntry(boat: string, entries: readonly Entry[]): Entry | undefined {
  const key = normalize(boat);
  const exact =
    entries.find((e) => e.sailNumber && normalize(e.sailNumber) === key) ??
    entries.find((e) => normalize(e.boatName) === key);
  if (exact || !/^\d+$/.test(key)) return exact;
  const byDigits = entries.filter((e) => e.sailNumber && e.sailNumber.replace(/\D/g, '') === key);
  return byDigits.length === 1 ? byDigits[0] : undefined;
}

/**
 * Pasted lines `sailNumber<TAB or spaces>time-or-code`, e.g. `CHN 101	2023-06-21 17:30:00`, `102 15:40:00`,
 * `CHN 107 DNF`, `CHN 105 RDG 3`, `CHN 103 2023-06-21 18:04:00 ZFP`. A boat may also be named by its boat name or
 * its bare sail number; a time alone is on `legDate` (the leg's start date). Each bad line is reported and the
 * others still apply.
 */
export function parsePaste(
  text: string,
  entries: readonly Entry[],
  legDate = '',
): { rows: Map<string, Omit<RowValues, 'entryId'>>; errors: PasteError[]; badLines: string[] } {
  const rows = new Map<string, Omit<RowValues, 'entryId'>>();
  const errors: PasteError[] = [];
  const badLines: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const fail = (message: FieldMessage) => {
      errors.push({ line: index + 1, message });
      badLines.push(line);
    };
    const [boat, value] = line.includes('\t')
      ? [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1).trim()]
      : (LINE.exec(line)?.slice(1, 3) ?? []);
    const parts = value === undefined ? null : VALUE.exec(value);
    if (!boat || !parts || (!parts[1] && !parts[2])) return fail({ key: 'rally.edit.error.line' });
    const entry = findEntry(boat, entries);
    if (!entry) return fail({ key: 'rally.edit.error.unknownSail', params: { sail: boat.trim() } });
    if (rows.has(entry.id)) return fail({ key: 'rally.edit.error.duplicate' });
    const time = (parts[1] ?? '').replace('T', ' ');
    const finish = time !== '' && !time.includes('-') && legDate !== '' ? `${legDate} ${time}` : time;
    rows.set(entry.id, { finish, code: (parts[2] ?? '').toUpperCase(), points: parts[3] ?? '' });
  });
  return { rows, errors, badLines };
}

/** Pasted lines replace the whole row of the boats they name. */
export function applyPaste(
  rows: readonly RowValues[],
  pasted: ReadonlyMap<string, Omit<RowValues, 'entryId'>>,
): RowValues[] {
  return rows.map((row) => ({ ...row, ...(pasted.get(row.entryId) ?? {}) }));
}

/**
 * The PUT body, or the rows' own mistakes (an unreadable time or number, an unknown code, RDG/DPI
 * without points). Scoring rules — a finish before the start, a code that takes no time — are the
 * API's to judge. Blank rows are left out: the API scores those boats DNC.
 */
export function buildBody(rows: readonly RowValues[]): { body: ResultBodyRow[]; errors: RowErrors } {
  const body: ResultBodyRow[] = [];
  const errors: RowErrors = {};
  for (const row of rows) {
    const rowErrors: RowErrors[string] = {};
    const result: ResultBodyRow = { entryId: row.entryId };
    if (row.finish !== '') {
      const instant = parseQingdaoTime(row.finish);
      if (instant) result.finishedAt = instant;
      else rowErrors.finish = { key: 'rally.edit.error.time' };
    }
    if (row.code !== '') {
      if (isScoringCode(row.code)) result.code = row.code;
      else rowErrors.code = { key: 'rally.edit.error.code' };
    }
    if (takesGivenPoints(row.code)) {
      const points = Number(row.points);
      if (row.points === '') rowErrors.points = { key: 'rally.edit.error.pointsNeeded' };
      else if (!Number.isFinite(points) || points < 1) rowErrors.points = { key: 'rally.edit.error.points' };
      else result.points = points;
    }
    if (Object.keys(rowErrors).length > 0) errors[row.entryId] = rowErrors;
    else if (result.finishedAt !== undefined || result.code !== undefined) body.push(result);
  }
  return { body, errors };
}

const API_FIELDS: Record<string, RowField> = { finishedAt: 'finish', code: 'code', points: 'points', entryId: 'entry' };

/** The API's error for a row field in the reader's language, chosen by its `code`; its English text stays as the detail. */
function rowMessage(field: RowField, code: string, message: string, leg: Leg): FieldMessage {
  const detail = message;
  switch (field) {
    case 'finish':
      if (code === 'leg-result.finish-not-after-start')
        return { key: 'rally.edit.error.finishBeforeStart', params: { start: qingdaoWallClock(leg.startsAt) }, detail };
      if (code === 'leg-result.missing-finish') return { key: 'rally.edit.error.finishNeeded', detail };
      if (code === 'leg-result.unexpected-finish') return { key: 'rally.edit.error.noFinishForCode', detail };
      return { key: 'rally.edit.error.time', detail };
    case 'points':
      return {
        key: code === 'leg-result.missing-points' ? 'rally.edit.error.pointsNeeded' : 'rally.edit.error.points',
        detail,
      };
    case 'code':
      return { key: 'rally.edit.error.code', detail };
    case 'entry':
      return {
        key:
          code === 'leg-result.duplicate-result' || code === 'leg-result.duplicate-entry'
            ? 'rally.edit.error.duplicate'
            : 'rally.edit.error.entry',
        detail,
      };
  }
}

/** `errors[].field` names a body row (`3.finishedAt`); the body row names the boat. */
export function apiErrors(
  problem: Problem,
  body: readonly ResultBodyRow[],
  leg: Leg,
): { errors: RowErrors; general: FieldMessage[] } {
  const errors: RowErrors = {};
  const general: FieldMessage[] = [];
  for (const { field, message, code } of problem.errors ?? []) {
    const [index, name = ''] = field.split(/\.(.*)/s);
    const entryId = body[Number(index)]?.entryId;
    if (entryId === undefined || !/^\d+$/.test(index ?? '')) {
      general.push({ key: 'rally.edit.error.row', detail: `${field}: ${message}` });
      continue;
    }
    const rowField = API_FIELDS[name] ?? 'entry';
    (errors[entryId] ??= {})[rowField] ??= API_FIELDS[name]
      ? rowMessage(rowField, code, message, leg)
      : { key: 'rally.edit.error.row', detail: message };
  }
  if (Object.keys(errors).length === 0 && general.length === 0)
    general.push({ key: 'rally.edit.error.failed', params: { status: problem.status }, detail: problem.detail });
  return { errors, general };
}
