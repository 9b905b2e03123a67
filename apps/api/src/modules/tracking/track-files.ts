// Reading track files as tracker providers and chart plotters export them: GPX 1.0/1.1 and CSV.
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import type { FieldError } from '../../common/problem.js';
import type { StagedPoint, TrackFileFormat } from './track-import.entity.js';
import { CHINA_OFFSET } from '@sailcourt/domain';

export type TextEncoding = 'utf-8' | 'gb18030';
/** Points outside [from, to] (epoch ms) are refused: they cannot belong to the rally. */
export type TimeWindow = { from: number; to: number };
export type ParsedTrack = {
  format: TrackFileFormat;
  encoding: TextEncoding;
  points: StagedPoint[];
  rejected: { index: number; errors: FieldError[] }[];
  notes: string[];
  /** The notes as codes, for clients to word in their reader's language (see TrackNoteCode). */
  noteCodes: TrackNoteCode[];
};

/** How a file was read, as codes: times without a zone taken as UTC+8, a route read for lack of a track, speed in knots. */
export type TrackNoteCode = 'local-time' | 'route-points' | 'speed-knots';

/** Why a file could not be read at all, as a problem code. */
export type TrackFileErrorCode =
  'track-file.broken-xml' | 'track-file.not-gpx' | 'track-file.not-csv' | 'track-file.missing-columns';

/** A file the reader cannot make sense of at all (not XML, no columns…): the answer names why. */
export class TrackFileError extends Error {
  constructor(
    message: string,
    readonly code: TrackFileErrorCode,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

/** The notes of one reading, each once, in English and as a code. */
class Notes {
  private readonly texts: Set<string>;
  private readonly codes = new Set<TrackNoteCode>();
  constructor(texts: string[] = []) {
    this.texts = new Set(texts);
  }
  add(code: TrackNoteCode, text: string): void {
    this.codes.add(code);
    this.texts.add(text);
  }
  done(): { notes: string[]; noteCodes: TrackNoteCode[] } {
    return { notes: [...this.texts], noteCodes: [...this.codes] };
  }
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;
const KNOTS_PER_MS = 3600 / 1852;

/** Parses an instant; a time without zone is read in the rally's time (UTC+08:00) and reported. */
function parseInstant(raw: string, notes: Notes): number | null {
  const text = raw.trim();
  if (ISO_WITH_OFFSET.test(text)) {
    const ms = Date.parse(text.replace(' ', 'T'));
    return Number.isNaN(ms) ? null : ms;
  }
  if (ISO_LOCAL.test(text)) {
    const [date = '', time = ''] = text.split(/[T ]/);
    const [y, m, d] = date.split(/[-/]/);
    const iso = `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}T${time.length === 4 ? `0${time}` : time}${CHINA_OFFSET}`;
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return null;
    notes.add('local-time', `Times without a time zone were read as the rally's local time (UTC${CHINA_OFFSET}).`);
    return ms;
  }
  return null;
}

function checkPoint(
  lat: number,
  lon: number,
  at: number | null,
  window: TimeWindow | undefined,
  errors: FieldError[],
): void {
  if (!Number.isFinite(lat) || Math.abs(lat) > 90)
    errors.push({ field: 'lat', message: 'must be a latitude between -90 and 90', code: 'track.latitude' });
  if (!Number.isFinite(lon) || Math.abs(lon) > 180)
    errors.push({ field: 'lon', message: 'must be a longitude between -180 and 180', code: 'track.longitude' });
  if (at === null) errors.push({ field: 'time', message: 'must be an ISO 8601 date and time', code: 'track.time' });
  else if (window && (at < window.from || at > window.to))
    errors.push({ field: 'time', message: 'is outside the rally', code: 'track.outside-rally' });
}

const optionalNumber = (raw: unknown, min: number, max: number): number | null => {
  if (raw === undefined || raw === null || raw === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
};

// ---- GPX ----

type XmlNode = Record<string, unknown>;
const asArray = (value: unknown): XmlNode[] =>
  Array.isArray(value) ? (value as XmlNode[]) : value && typeof value === 'object' ? [value as XmlNode] : [];
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** Speed and course live in extensions whose prefixes vary by vendor (gpxtpx:speed, speed, ns3:course…). */
function extensionValue(node: XmlNode, name: string): unknown {
  const extensions = node['extensions'];
  if (!extensions || typeof extensions !== 'object') return undefined;
  const stack: unknown[] = [extensions];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current || typeof current !== 'object') continue;
    for (const [key, value] of Object.entries(current as XmlNode)) {
      if (key.replace(/^.*:/, '').toLowerCase() === name) return value;
      if (value && typeof value === 'object') stack.push(value);
    }
  }
  return undefined;
}

export function parseGpx(bytes: Buffer, window?: TimeWindow): ParsedTrack {
  const xml = bytes.toString('utf8');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new TrackFileError(
      `Not a GPX file: the XML is broken at line ${valid.err.line} (${valid.err.msg}).`,
      'track-file.broken-xml',
      [
        {
          field: 'file',
          message: `line ${valid.err.line}: ${valid.err.msg}`,
          code: 'track-file.broken-xml',
          params: { line: valid.err.line },
        },
      ],
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    removeNSPrefix: false,
    processEntities: false,
  });
  const document = parser.parse(xml) as XmlNode;
  const gpx = document['gpx'] as XmlNode | undefined;
  if (!gpx)
    throw new TrackFileError('Not a GPX file: no <gpx> element.', 'track-file.not-gpx', [
      { field: 'file', message: 'has no <gpx> root element', code: 'track-file.not-gpx' },
    ]);
  const notes = new Notes();
  const points: StagedPoint[] = [];
  const rejected: ParsedTrack['rejected'] = [];
  const trackPoints = asArray(gpx['trk']).flatMap((trk) =>
    asArray(trk['trkseg']).flatMap((seg) => asArray(seg['trkpt'])),
  );
  // A route or loose waypoints with times are tracks too for some plotters.
  const loose =
    trackPoints.length > 0
      ? []
      : [...asArray(gpx['rte']).flatMap((rte) => asArray(rte['rtept'])), ...asArray(gpx['wpt'])];
  if (loose.length > 0)
    notes.add('route-points', 'The file has no <trk>; its route/waypoint points with times were read instead.');
  [...trackPoints, ...loose].forEach((node, index) => {
    const errors: FieldError[] = [];
    const lat = Number(text(node['@_lat']) || Number.NaN);
    const lon = Number(text(node['@_lon']) || Number.NaN);
    const at = parseInstant(text(node['time']), notes);
    checkPoint(lat, lon, at, window, errors);
    if (errors.length > 0) return void rejected.push({ index, errors });
    // GPX 1.0 <speed> is m/s; Garmin's TrackPointExtension speed too.
    const speedMs = optionalNumber(text(node['speed']) || text(extensionValue(node, 'speed')), 0, 60);
    const course = optionalNumber(text(node['course']) || text(extensionValue(node, 'course')), 0, 359.999);
    points.push([at as number, lat, lon, speedMs === null ? null : speedMs * KNOTS_PER_MS, course]);
  });
  return { format: 'gpx', encoding: 'utf-8', points, rejected, ...notes.done() };
}

// ---- CSV ----

const COLUMN_NAMES: Record<'time' | 'lat' | 'lon' | 'speed' | 'course', readonly string[]> = {
  time: ['time', 'timestamp', 'datetime', 'date/time', 'utc', 'gps time', 'at', '时间', '日期时间', '定位时间'],
  lat: ['lat', 'latitude', '纬度'],
  lon: ['lon', 'lng', 'long', 'longitude', '经度'],
  speed: ['speed', 'sog', 'sog (kn)', 'speed (kn)', 'sogkn', '航速', '速度'],
  course: ['course', 'cog', 'heading', 'cog (°)', 'cogdeg', '航向'],
};

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (what Chinese Excel saves as "CSV"). */
export function detectEncoding(bytes: Buffer): TextEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export function parseCsvTrack(
  bytes: Buffer,
  encoding: TextEncoding = detectEncoding(bytes),
  window?: TimeWindow,
): ParsedTrack {
  const content = iconv.decode(bytes, encoding).replace(/^\uFEFF/, '');
  let rows: string[][];
  try {
    rows = parseCsv(content, {
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      relax_quotes: true,
    }) as string[][];
  } catch (error) {
    throw new TrackFileError(`Not a readable CSV file: ${(error as Error).message}`, 'track-file.not-csv', [
      { field: 'file', message: 'is not CSV', code: 'track-file.not-csv' },
    ]);
  }
  const headerIndex = rows.findIndex((row) => row.some((cell) => cell !== ''));
  const header = (rows[headerIndex] ?? []).map((cell) => cell.toLowerCase());
  const column = (names: readonly string[]) => header.findIndex((cell) => names.includes(cell));
  const columns = {
    time: column(COLUMN_NAMES.time),
    lat: column(COLUMN_NAMES.lat),
    lon: column(COLUMN_NAMES.lon),
    speed: column(COLUMN_NAMES.speed),
    course: column(COLUMN_NAMES.course),
  };
  const missing = (['time', 'lat', 'lon'] as const).filter((name) => columns[name] < 0);
  if (missing.length > 0) {
    throw new TrackFileError(
      `The CSV needs a header row with time, lat and lon columns (also speed and course, optional); ${missing.join(', ')} not found.`,
      'track-file.missing-columns',
      missing.map((name) => ({
        field: name,
        message: 'column not found in the header row',
        code: 'track-file.missing-column',
      })),
    );
  }
  const notes = new Notes([`Read as ${encoding === 'utf-8' ? 'UTF-8' : 'GB18030'}.`]);
  if (columns.speed >= 0) notes.add('speed-knots', 'Speed is read in knots.');
  const points: StagedPoint[] = [];
  const rejected: ParsedTrack['rejected'] = [];
  rows.forEach((row, rowIndex) => {
    if (rowIndex <= headerIndex || row.every((cell) => cell === '')) return;
    const line = rowIndex + 1;
    const errors: FieldError[] = [];
    const cell = (i: number) => (i >= 0 ? (row[i] ?? '') : '');
    const lat = cell(columns.lat) === '' ? Number.NaN : Number(cell(columns.lat));
    const lon = cell(columns.lon) === '' ? Number.NaN : Number(cell(columns.lon));
    const at = parseInstant(cell(columns.time), notes);
    checkPoint(lat, lon, at, window, errors);
    const speedText = cell(columns.speed);
    const courseText = cell(columns.course);
    const speed = optionalNumber(speedText, 0, 100);
    const course = optionalNumber(courseText, 0, 359.999);
    if (speedText !== '' && speed === null)
      errors.push({ field: 'speed', message: 'must be a speed in knots, 0 to 100', code: 'track.speed' });
    if (courseText !== '' && course === null)
      errors.push({ field: 'course', message: 'must be degrees, 0 to 359.9', code: 'track.course' });
    if (errors.length > 0) return void rejected.push({ index: line, errors });
    points.push([at as number, lat, lon, speed, course]);
  });
  return { format: 'csv', encoding, points, rejected, ...notes.done() };
}

/** GPX or CSV, from the stated format, else the Content-Type, else a sniff of the first bytes. */
export function sniffFormat(bytes: Buffer, contentType: string | undefined): TrackFileFormat {
  if (contentType && /gpx|xml/i.test(contentType)) return 'gpx';
  if (contentType && /csv/i.test(contentType)) return 'csv';
  const head = bytes.subarray(0, 512).toString('utf8').trimStart();
  return head.startsWith('<') ? 'gpx' : 'csv';
}
