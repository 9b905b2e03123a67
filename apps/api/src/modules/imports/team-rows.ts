// Teams with rosters from a sheet: one row per person; the team's name (and city) repeats on each of its rows.
import type { BasketballRole } from '../teams/team-member.entity.js';
import { excelSerialToDate, isFormulaCell, looksLikeFormula, type Sheet, SheetError } from './spreadsheet.js';

export type TeamColumn = 'team' | 'city' | 'player' | 'number' | 'role' | 'birthDate';
export const TEAM_COLUMNS: readonly TeamColumn[] = ['team', 'city', 'player', 'number', 'role', 'birthDate'];

/** The headers we write on export (Chinese, as organizers' sheets have them); English ones are read too. */
export const TEAM_HEADERS: Record<TeamColumn, string> = {
  team: '队名',
  city: '城市',
  player: '姓名',
  number: '号码',
  role: '角色',
  birthDate: '出生日期',
};
const ALIASES: Record<TeamColumn, readonly string[]> = {
  team: ['队名', '球队', '队伍', 'team', 'team name'],
  city: ['城市', 'city'],
  player: ['姓名', '球员', '队员', 'player', 'name'],
  number: ['号码', '球衣号码', 'number', 'no', 'no.', '#'],
  role: ['角色', '身份', 'role'],
  birthDate: ['出生日期', '生日', 'birth date', 'birthdate', 'date of birth'],
};

const ROLE_WORDS: Record<string, BasketballRole> = {
  '': 'player',
  球员: 'player',
  队员: 'player',
  player: 'player',
  教练: 'coach',
  主教练: 'coach',
  coach: 'coach',
  助理教练: 'assistant-coach',
  'assistant-coach': 'assistant-coach',
  领队: 'team-manager',
  'team-manager': 'team-manager',
  队医: 'physio',
  physio: 'physio',
  工作人员: 'staff',
  staff: 'staff',
};
/** Export writes roles in Chinese. */
export const ROLE_LABELS: Record<BasketballRole, string> = {
  player: '球员',
  coach: '教练',
  'assistant-coach': '助理教练',
  'team-manager': '领队',
  physio: '队医',
  staff: '工作人员',
};

/** A row as typed (all text), so a page can show it and send it back corrected. */
export type TeamImportRow = { row: number } & Record<TeamColumn, string>;

export type ImportProblem = { row: number; column: TeamColumn | null; reason: string; value: string };

export type ValidRow = {
  row: number;
  team: string;
  city: string | null;
  player: string;
  number: number | null;
  role: BasketballRole;
  birthYear: number | null;
};

/** Maps the header row to our columns; a missing required column is the whole file's problem. */
export function rowsFromSheet(sheet: Sheet): { rows: TeamImportRow[]; formulaCells: ImportProblem[] } {
  const [header = [], ...body] = sheet.rows;
  const index = new Map<TeamColumn, number>();
  header.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    const column = TEAM_COLUMNS.find((c) => ALIASES[c].includes(key));
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = (['team', 'player'] as const).filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new SheetError(
      422,
      `The first row must name the columns; missing: ${missing.map((c) => `${TEAM_HEADERS[c]} (${c})`).join(', ')}.`,
    );
  }
  const formulaCells: ImportProblem[] = [];
  const rows = body.flatMap((cells, i) => {
    const rowNumber = i + 2;
    if (cells.every((c) => c.trim() === '')) return [];
    const pick = (c: TeamColumn): string => {
      const at = index.get(c);
      return at === undefined ? '' : (cells[at] ?? '');
    };
    for (const c of TEAM_COLUMNS) {
      const at = index.get(c);
      if (at !== undefined && isFormulaCell(sheet, rowNumber, at + 1))
        formulaCells.push({ row: rowNumber, column: c, reason: FORMULA_REASON, value: pick(c) });
    }
    return [
      {
        row: rowNumber,
        team: pick('team'),
        city: pick('city'),
        player: pick('player'),
        number: pick('number'),
        role: pick('role'),
        birthDate: pick('birthDate'),
      },
    ];
  });
  return { rows, formulaCells };
}

const FORMULA_REASON =
  'looks like a spreadsheet formula (starts with =, +, -, @); it is not imported as a formula: remove the leading character';

/** Every row's problems (row, column, reason) and the rows that pass. Cross-row rules: numbers unique per team, one city per team. */
export function validateTeamRows(rows: readonly TeamImportRow[]): { valid: ValidRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const valid: ValidRow[] = [];
  const numbers = new Map<string, Map<number, number>>();
  const cities = new Map<string, { city: string; row: number }>();
  for (const r of rows) {
    const before = problems.length;
    const add = (column: TeamColumn, reason: string) => problems.push({ row: r.row, column, reason, value: r[column] });
    for (const c of TEAM_COLUMNS) if (looksLikeFormula(r[c])) add(c, FORMULA_REASON);
    const team = r.team.trim();
    const player = r.player.trim();
    const city = r.city.trim();
    if (team === '') add('team', 'is required');
    else if (team.length > 120) add('team', 'is longer than 120 characters');
    if (player === '') add('player', 'is required');
    else if (player.length > 100) add('player', 'is longer than 100 characters');
    const number = parseNumber(r.number);
    if (number === 'invalid') add('number', 'must be a whole number from 0 to 99');
    const role = ROLE_WORDS[r.role.trim().toLowerCase()];
    if (!role) add('role', `is not a role we know (${Object.keys(ROLE_WORDS).filter(Boolean).join(', ')})`);
    const birthYear = parseBirthYear(r.birthDate);
    if (birthYear === 'invalid')
      add('birthDate', 'must be a date (YYYY-MM-DD, YYYY/M/D, an Excel date or a year) between 1900 and 2100');
    if (team !== '' && typeof number === 'number') {
      const used = numbers.get(team) ?? new Map<number, number>();
      const first = used.get(number);
      if (first !== undefined) add('number', `number ${number} is already used by row ${first} of the same team`);
      else used.set(number, r.row);
      numbers.set(team, used);
    }
    if (team !== '') {
      const seen = cities.get(team);
      if (seen && seen.city !== city) add('city', `differs from row ${seen.row} of the same team ("${seen.city}")`);
      else if (!seen) cities.set(team, { city, row: r.row });
    }
    if (problems.length === before && role && number !== 'invalid' && birthYear !== 'invalid') {
      valid.push({ row: r.row, team, city: city || null, player, number, role, birthYear });
    }
  }
  return { valid, problems };
}

function parseNumber(value: string): number | null | 'invalid' {
  const v = value.trim();
  if (v === '') return null;
  if (!/^\d{1,2}$/.test(v)) return 'invalid';
  return Number(v);
}

function parseBirthYear(value: string): number | null | 'invalid' {
  const v = value.trim();
  if (v === '') return null;
  let iso: string | null = null;
  if (/^\d{4}$/.test(v)) iso = `${v}-01-01`;
  else if (/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(v)) {
    const [y = '', m = '', d = ''] = v.split(/[-/.]/);
    iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  } else if (/^\d{2,7}(\.\d+)?$/.test(v)) iso = excelSerialToDate(Number(v));
  if (
    !iso ||
    Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ||
    new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso
  )
    return 'invalid';
  const year = Number(iso.slice(0, 4));
  return year >= 1900 && year <= 2100 ? year : 'invalid';
}
