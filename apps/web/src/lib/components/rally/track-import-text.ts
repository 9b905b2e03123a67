// A track file's problems, refused lines and reading notes in the reader's words, by the API's codes
// (never its English detail or field names).
import type { MessageKey } from '$lib/i18n';

const FILE_PROBLEMS: Record<string, MessageKey> = {
  'track-file.broken-xml': 'rally.import.problem.brokenXml',
  'track-file.not-gpx': 'rally.import.problem.notGpx',
  'track-file.not-csv': 'rally.import.problem.notCsv',
  'track-file.missing-columns': 'rally.import.problem.missingColumns',
  'track-file.no-points': 'rally.import.problem.noPoints',
};

const ROW_PROBLEMS: Record<string, MessageKey> = {
  'track.latitude': 'rally.import.row.latitude',
  'track.longitude': 'rally.import.row.longitude',
  'track.time': 'rally.import.row.time',
  'track.outside-rally': 'rally.import.row.outsideRally',
  'track.speed': 'rally.import.row.speed',
  'track.course': 'rally.import.row.course',
  'track-file.missing-column': 'rally.import.row.missingColumn',
};

const COLUMNS: Record<string, MessageKey> = {
  time: 'rally.import.column.time',
  lat: 'rally.import.column.lat',
  lon: 'rally.import.column.lon',
};

const NOTES: Record<string, MessageKey> = {
  'local-time': 'rally.import.note.localTime',
  'route-points': 'rally.import.note.routePoints',
  'speed-knots': 'rally.import.note.speedKnots',
};

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Why the whole file was refused. */
export const fileProblemText = (tr: Translate, code: string | null | undefined): string =>
  tr((code ? FILE_PROBLEMS[code] : undefined) ?? 'rally.import.problem.other');

/** One refused value: its line or point (`4.lat` → `#4`) and what is wrong with it. */
export function rowProblemText(tr: Translate, error: { field: string; code?: string | null }): string {
  const match = /^(\d+)\.(.+)$/.exec(error.field);
  const row = match?.[1];
  const field = match?.[2] ?? error.field;
  const key = (error.code ? ROW_PROBLEMS[error.code] : undefined) ?? 'rally.import.row.other';
  const column = COLUMNS[field];
  const text = tr(key, { column: column ? tr(column) : '' });
  return row === undefined ? text : `#${row}: ${text}`;
}

/** How the file was read: the encoding (CSV), the API's note codes and the repeats within the file. */
export function readingNotes(
  tr: Translate,
  preview: { format: string; encoding: string; noteCodes: readonly string[]; repeatedInFile: number },
): string[] {
  const notes =
    preview.format === 'csv'
      ? [tr('rally.import.note.encoding', { encoding: preview.encoding === 'gb18030' ? 'GB18030' : 'UTF-8' })]
      : [];
  for (const code of preview.noteCodes) {
    const key = NOTES[code];
    if (key) notes.push(tr(key));
  }
  if (preview.repeatedInFile > 0) notes.push(tr('rally.import.note.repeated', { count: preview.repeatedInFile }));
  return notes;
}
