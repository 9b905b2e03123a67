// A schedule from a sheet: one game per row (date, time, home, away, and optionally venue, court, group, round).
import { excelSerialToDate, looksLikeFormula, type Sheet, SheetError } from './spreadsheet.js';

export type ScheduleColumn = 'date' | 'time' | 'home' | 'away' | 'venue' | 'court' | 'group' | 'round';
export const SCHEDULE_COLUMNS: readonly ScheduleColumn[] = [
  'date',
  'time',
  'home',
  'away',
  'venue',
  'court',
  'group',
  'round',
];
export const SCHEDULE_HEADERS: Record<ScheduleColumn, string> = {
  date: '日期',
  time: '时间',
  home: '主队',
  away: '客队',
  venue: '场馆',
  court: '场地',
  group: '组别',
  round: '轮次',
};
const ALIASES: Record<ScheduleColumn, readonly string[]> = {
  date: ['日期', '比赛日期', 'date'],
  time: ['时间', '开赛时间', 'time'],
  home: ['主队', 'home', 'home team'],
  away: ['客队', 'away', 'away team'],
  venue: ['场馆', 'venue'],
  court: ['场地', '球场', 'court'],
  group: ['组别', '小组', 'group'],
  round: ['轮次', 'round'],
};

export type ScheduleImportRow = { row: number } & Record<ScheduleColumn, string>;
export type ScheduleProblem = { row: number; column: ScheduleColumn | null; reason: string; value: string };
/** A row whose cells are well formed; names still to be matched to teams and venues. */
export type ScheduleGame = {
  row: number;
  startsAt: string;
  home: string;
  away: string;
  venue: string | null;
  court: number | null;
  group: string;
  round: number | null;
};

export function scheduleRowsFromSheet(sheet: Sheet): ScheduleImportRow[] {
  const [header = [], ...body] = sheet.rows;
  const index = new Map<ScheduleColumn, number>();
  header.forEach((h, i) => {
    const column = SCHEDULE_COLUMNS.find((c) => ALIASES[c].includes(h.trim().toLowerCase()));
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = (['date', 'time', 'home', 'away'] as const).filter((c) => !index.has(c));
  if (missing.length > 0)
    throw new SheetError(
      422,
      `The first row must name the columns; missing: ${missing.map((c) => `${SCHEDULE_HEADERS[c]} (${c})`).join(', ')}.`,
    );
  return body.flatMap((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return [];
    const pick = (c: ScheduleColumn): string => {
      const at = index.get(c);
      return at === undefined ? '' : (cells[at] ?? '');
    };
    return [
      {
        row: i + 2,
        date: pick('date'),
        time: pick('time'),
        home: pick('home'),
        away: pick('away'),
        venue: pick('venue'),
        court: pick('court'),
        group: pick('group'),
        round: pick('round'),
      },
    ];
  });
}

/** Cell-level rules; team and venue names are matched later, against the event. */
export function validateScheduleRows(rows: readonly ScheduleImportRow[]): {
  games: ScheduleGame[];
  problems: ScheduleProblem[];
} {
  const problems: ScheduleProblem[] = [];
  const games: ScheduleGame[] = [];
  for (const r of rows) {
    const before = problems.length;
    const add = (column: ScheduleColumn, reason: string) =>
      problems.push({ row: r.row, column, reason, value: r[column] });
    for (const c of SCHEDULE_COLUMNS)
      if (looksLikeFormula(r[c]))
        add(c, 'looks like a spreadsheet formula (starts with =, +, -, @): remove the leading character');
    const date = parseDate(r.date);
    if (!date) add('date', 'must be a date (YYYY-MM-DD, YYYY/M/D or an Excel date)');
    const time = parseTime(r.time, r.date);
    if (!time) add('time', 'must be a time of day (HH:MM or an Excel time)');
    if (r.home.trim() === '') add('home', 'is required');
    if (r.away.trim() === '') add('away', 'is required');
    if (r.home.trim() !== '' && r.home.trim() === r.away.trim()) add('away', 'is the same team as home');
    const court = optionalWhole(r.court, 1, 99);
    if (court === 'invalid') add('court', 'must be a whole number from 1');
    const round = optionalWhole(r.round, 1, 999);
    if (round === 'invalid') add('round', 'must be a whole number from 1');
    if (problems.length === before && date && time && court !== 'invalid' && round !== 'invalid') {
      games.push({
        row: r.row,
        startsAt: `${date}T${time}:00+08:00`,
        home: r.home.trim(),
        away: r.away.trim(),
        venue: r.venue.trim() || null,
        court,
        group: r.group.trim(),
        round,
      });
    }
  }
  return { games, problems };
}

function parseDate(value: string): string | null {
  const v = value.trim();
  let iso: string | null = null;
  if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(v)) {
    const [y = '', m = '', d = ''] = v.split(/[-/.]/);
    iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  } else if (/^\d{2,7}(\.\d+)?$/.test(v)) iso = excelSerialToDate(Number(v));
  if (
    !iso ||
    Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ||
    new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso
  )
    return null;
  return iso;
}

/** HH:MM, an Excel time (a fraction of a day, 0.8125 = 19:30), or the fraction of a date-time serial when the time cell is empty. */
function parseTime(value: string, date: string): string | null {
  const v = value.trim();
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(v);
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${m[2]}` : null;
  }
  const fraction = v !== '' ? Number(v) : /^\d+\.\d+$/.test(date.trim()) ? Number(date.trim()) % 1 : Number.NaN;
  if (!Number.isFinite(fraction) || fraction < 0 || fraction >= 1) return null;
  const minutes = Math.round(fraction * 24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function optionalWhole(value: string, min: number, max: number): number | null | 'invalid' {
  const v = value.trim();
  if (v === '') return null;
  if (!/^\d+$/.test(v)) return 'invalid';
  const n = Number(v);
  return n >= min && n <= max ? n : 'invalid';
}
