import { translate } from '$lib/i18n';
import { blankRow, POSITIONS, rolesFor, type RosterRow, type Sport } from './roster-form.js';

/** A pasted line that could not become a row: its number (1-based) and why. */
export type SkippedLine = { line: number; text: string; reason: 'no-name' };
export type PastedRoster = { rows: RosterRow[]; skipped: SkippedLine[] };

// Cells are split on tabs (spreadsheets), commas (either width) or the Chinese enumeration comma.
const CELL_SEPARATOR = /\t|,|，|、|;|；/;

/** Role words as people type them, in both languages, plus the API's own codes. */
function roleWords(sport: Sport): Map<string, string> {
  const words = new Map<string, string>();
  for (const role of rolesFor(sport)) {
    words.set(role, role);
    for (const locale of ['zh-CN', 'en'] as const)
      words.set(translate(locale, `registration.role.${role}`).toLowerCase(), role);
  }
  words.set('教练', 'coach');
  words.set('队医', 'physio');
  words.set('理疗师', 'physio');
  return words;
}

function positionOf(word: string): string | null {
  const lower = word.toLowerCase();
  for (const position of POSITIONS) {
    if (lower === position) return position;
    for (const locale of ['zh-CN', 'en'] as const)
      if (lower === translate(locale, `registration.position.${position}`).toLowerCase()) return position;
  }
  return null;
}

/**
 * One person per line: name, then shirt number, role, position and birth year in any order ("王小明, 4, 球员",
 * "Li Ming\t5\tguard"). A number of 1–2 digits is the shirt number, 4 digits the birth year; a word that is
 * not a known role or position is kept as the role, so the form marks it beside the field instead of losing it.
 * Blank lines are ignored; a line without a name is reported, not fatal.
 */
export function parseRosterPaste(text: string, sport: Sport): PastedRoster {
  const roles = roleWords(sport);
  const rows: RosterRow[] = [];
  const skipped: SkippedLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const cells = line
      .split(CELL_SEPARATOR)
      .map((cell) => cell.trim())
      .filter((cell) => cell !== '');
    const [first, ...rest] = cells;
    if (first === undefined || /^#?\d+$/.test(first)) {
      skipped.push({ line: index + 1, text: line, reason: 'no-name' });
      return;
    }
    const row = { ...blankRow(), name: first };
    for (const cell of rest) {
      const digits = /^#?(\d+)$/.exec(cell)?.[1];
      const role = roles.get(cell.toLowerCase());
      const position = positionOf(cell);
      if (digits !== undefined && digits.length === 4) row.birthYear = digits;
      else if (digits !== undefined) row.number = digits;
      else if (role) row.role = role;
      else if (position) row.position = position;
      else row.role = cell;
    }
    // The player role is the form's blank choice.
    if (row.role === 'player' || row.role === 'crew') row.role = '';
    rows.push(row);
  });
  return { rows, skipped };
}
