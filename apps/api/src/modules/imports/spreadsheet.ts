// Reading the spreadsheets organizers send: CSV as Excel or WPS save it (UTF-8 with or without BOM, or GB18030,
// the default of a Chinese Excel), or XLSX. Parsing is left to maintained libraries (csv-parse, ExcelJS, iconv-lite).
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;

export type SheetEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'xlsx';

export class SheetError extends Error {
  constructor(
    readonly status: 413 | 415 | 422,
    message: string,
  ) {
    super(message);
  }
}

/** A table of cell texts; `formula` marks cells whose text looks like (or is) a spreadsheet formula. */
export type Sheet = { encoding: SheetEncoding; rows: string[][]; formulas: Set<string> };

const cellKey = (row: number, column: number): string => `${row}:${column}`;

export async function readSheet(file: Buffer): Promise<Sheet> {
  if (file.length === 0) throw new SheetError(422, 'The file is empty.');
  if (file.length > IMPORT_MAX_BYTES)
    throw new SheetError(413, `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`);
  // XLSX is a ZIP archive: "PK\x03\x04".
  if (file.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return readXlsx(file);
  return readCsv(file);
}

/** UTF-8 (BOM or not) when the bytes are valid UTF-8; otherwise GB18030 if that decodes cleanly; else refused. */
export function decodeCsv(file: Buffer): { text: string; encoding: SheetEncoding } {
  if (file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf)
    return { text: file.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if ((file[0] === 0xff && file[1] === 0xfe) || (file[0] === 0xfe && file[1] === 0xff)) {
    throw new SheetError(
      415,
      'The file is UTF-16 ("Unicode text"); save it as CSV (UTF-8) or as CSV in the default Chinese encoding (GB18030).',
    );
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(file), encoding: 'utf-8' };
  } catch {
    const text = iconv.decode(file, 'gb18030');
    if (text.includes('\uFFFD'))
      throw new SheetError(
        415,
        'The file is neither UTF-8 nor GB18030 text; save it again as CSV (UTF-8) or CSV (GB18030).',
      );
    return { text, encoding: 'gb18030' };
  }
}

function readCsv(file: Buffer): Sheet {
  const { text, encoding } = decodeCsv(file);
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
  } catch (error) {
    throw new SheetError(422, `The CSV cannot be read: ${(error as Error).message}`);
  }
  rows = dropTrailingBlank(rows);
  if (rows.length - 1 > IMPORT_MAX_ROWS)
    throw new SheetError(
      413,
      `The file has ${rows.length - 1} rows; at most ${IMPORT_MAX_ROWS} can be imported at once.`,
    );
  const formulas = new Set<string>();
  rows.forEach((r, i) => r.forEach((c, j) => looksLikeFormula(c) && formulas.add(cellKey(i + 1, j + 1))));
  return { encoding, rows, formulas };
}

async function readXlsx(file: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch (error) {
    throw new SheetError(422, `The XLSX file cannot be read: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError(422, 'The workbook has no sheet.');
  if (sheet.actualRowCount - 1 > IMPORT_MAX_ROWS)
    throw new SheetError(
      413,
      `The sheet has ${sheet.actualRowCount - 1} rows; at most ${IMPORT_MAX_ROWS} can be imported at once.`,
    );
  const rows: string[][] = [];
  const formulas = new Set<string>();
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const value = cell.value;
      if (value !== null && typeof value === 'object' && 'formula' in value) formulas.add(cellKey(rowNumber, col));
      cells[col - 1] = cellText(value);
      if (looksLikeFormula(cells[col - 1] ?? '')) formulas.add(cellKey(rowNumber, col));
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { encoding: 'xlsx', rows: dropTrailingBlank(Array.from(rows, (r) => r ?? [])), formulas };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value) return `=${String(value.formula)}`;
    if ('richText' in value) return value.richText.map((p) => p.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

function dropTrailingBlank(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && (rows[end - 1] ?? []).every((c) => c.trim() === '')) end -= 1;
  return rows.slice(0, end);
}

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection"): starts with =, +, -, @, tab or CR — except
 * a plain number such as -3.
 */
export function looksLikeFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell.trim());
}

/** Export: a leading quote makes a spreadsheet show the text instead of running it. */
export function neutralise(cell: string): string {
  return looksLikeFormula(cell) ? `'${cell}` : cell;
}

export const isFormulaCell = (sheet: Sheet, row: number, column: number): boolean =>
  sheet.formulas.has(cellKey(row, column));

/** Excel stores dates as days since 1899-12-30 (its 1900 leap-year bug folded in for dates after February 1900). */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
