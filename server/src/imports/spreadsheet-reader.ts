import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A cell as stored: text, a number (codes may have lost leading zeros) or a date typed as one. */
export type RawCell = string | number | Date;

export interface RawRow {
  /** The row number a spreadsheet editor shows. */
  row: number;
  cells: RawCell[];
  /**
   * Cells covered by a merge that starts further left: exceljs repeats the merged value in
   * them, and a caller that cares whether text spans the row tells them apart here.
   */
  spannedFromLeft: boolean[];
  /** The address behind a hyperlink cell, whose text may not show it. */
  links: (string | undefined)[];
}

export interface RawSheet {
  /** Sheet name of an XLSX workbook; absent for CSV. */
  name?: string;
  rows: RawRow[];
}

/** How many known column titles a row holds: the header row is the one that holds most. */
export type HeaderScore = (cells: RawCell[]) => number;

export const NOT_A_TABLE = 'Файл не является таблицей CSV или XLSX';
export const EMPTY_FILE = 'Файл пуст';
/** Titles and notes above a table rarely take more rows than this. */
export const HEADER_SEARCH_ROWS = 30;
/** Two known titles in one row make it the header; one could be a data cell by chance. */
export const MIN_HEADER_FIELDS = 2;
const DELIMITERS = [';', ',', '\t'];

/**
 * The sheets of an uploaded CSV or XLSX file, or the reason it cannot be read (in Russian, for
 * the user). `headerScore` picks the CSV delimiter under which the file's header is recognised.
 */
export async function readSpreadsheet(
  content: Buffer,
  headerScore: HeaderScore,
): Promise<RawSheet[] | string> {
  if (content.length === 0) return EMPTY_FILE;
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return readWorkbook(content);
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0])) {
    return 'Файл в старом формате Excel 97–2003 (XLS) не поддерживается: сохраните его как XLSX или CSV';
  }
  const text = decodeText(content);
  if (text === undefined) return NOT_A_TABLE;
  return readCsv(text, headerScore);
}

function startsWith(content: Buffer, magic: number[]): boolean {
  return magic.every((byte, index) => content[index] === byte);
}

/**
 * UTF-8 (with or without BOM) or UTF-16 with BOM; otherwise Windows-1251, in which Russian
 * Excel saves «CSV (разделители — запятые)». Returns undefined for binary data.
 */
function decodeText(content: Buffer): string | undefined {
  let text: string;
  if (startsWith(content, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(content);
  else if (startsWith(content, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(content);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      text = new TextDecoder('windows-1251').decode(content);
    }
  }
  // Windows-1251 decodes any bytes, so images and archives are told apart by control characters.
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (isControlCharacter(text.charCodeAt(index))) controls += 1;
  }
  if (text.includes('\u0000') || controls > text.length / 100) return undefined;
  return text;
}

/** C0 and C1 control codes other than tab and line breaks: text files have next to none. */
function isControlCharacter(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

async function readWorkbook(content: Buffer): Promise<RawSheet[] | string> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like `Buffer`; at run time it reads Node's.
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    return NOT_A_TABLE;
  }
  // Word documents and other ZIP archives load without a single worksheet.
  if (workbook.worksheets.length === 0) return NOT_A_TABLE;
  return workbook.worksheets.map((worksheet) => {
    const rows: RawRow[] = [];
    worksheet.eachRow((row, rowNumber) => {
      const cells: RawCell[] = [];
      const spannedFromLeft: boolean[] = [];
      const links: (string | undefined)[] = [];
      row.eachCell((cell, columnNumber) => {
        cells[columnNumber - 1] = rawCellOf(cell.value, cell.numFmt);
        spannedFromLeft[columnNumber - 1] =
          cell.isMerged && cell.master !== cell && cell.master.col < cell.col;
        const value = cell.value;
        if (value && typeof value === 'object' && 'hyperlink' in value)
          links[columnNumber - 1] = value.hyperlink;
      });
      rows.push({
        row: rowNumber,
        cells: Array.from(cells, (cell) => cell ?? ''),
        spannedFromLeft: Array.from(spannedFromLeft, (spanned) => spanned ?? false),
        links,
      });
    });
    return { name: worksheet.name, rows };
  });
}

function rawCellOf(value: ExcelJS.CellValue, numFmt: string | undefined): RawCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // A «000000» number format shows the leading zeros the stored number has lost.
    if (numFmt && /^0+$/.test(numFmt) && Number.isInteger(value)) {
      return String(value).padStart(numFmt.length, '0');
    }
    return value;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : rawCellOf(value.text, numFmt);
  if ('error' in value) return value.error;
  if ('result' in value) return rawCellOf(value.result as ExcelJS.CellValue, numFmt);
  return '';
}

function readCsv(text: string, headerScore: HeaderScore): RawSheet[] | string {
  try {
    const records: string[][] = parseCsv(text, {
      delimiter: detectDelimiter(text, headerScore),
      relax_column_count: true,
      relax_quotes: true,
      // Empty lines stay as records so that record N is row N, as a spreadsheet editor shows it.
      skip_empty_lines: false,
    });
    return [
      {
        rows: records.map((cells, index) => ({
          row: index + 1,
          cells,
          spannedFromLeft: cells.map(() => false),
          links: [],
        })),
      },
    ];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      return 'В файле CSV не закрыта кавычка: найдите поле, которое начинается с «"» и не заканчивается им';
    }
    return `Файл CSV не читается (строка ${error.lines}): ${error.message}`;
  }
}

/**
 * The delimiter under which the header titles are recognised; if none is, the character most
 * frequent in the first line. Addresses hold commas, so counting alone would often pick «,».
 */
function detectDelimiter(text: string, headerScore: HeaderScore): string {
  const sample = text.split('\n', HEADER_SEARCH_ROWS).join('\n');
  const firstLine = sample.split('\n').find((line) => line.trim() !== '') ?? '';
  const occurrences = (delimiter: string) => firstLine.split(delimiter).length;
  let best = { delimiter: [...DELIMITERS].sort((a, b) => occurrences(b) - occurrences(a))[0]!, fields: 0 };
  for (const delimiter of DELIMITERS) {
    const rows = parseCsv(sample, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      // The sample may end inside a quoted cell.
      skip_records_with_error: true,
    }) as string[][];
    const fields = Math.max(0, ...rows.map(headerScore));
    if (fields >= MIN_HEADER_FIELDS && fields > best.fields) best = { delimiter, fields };
  }
  return best.delimiter;
}

/** Index of the header row among the first rows of a sheet, if any row looks like one. */
export function findHeaderRow(sheet: RawSheet, headerScore: HeaderScore): number | undefined {
  let best: { index: number; fields: number } | undefined;
  sheet.rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const fields = headerScore(row.cells);
    if (fields >= MIN_HEADER_FIELDS && fields > (best?.fields ?? 0)) best = { index, fields };
  });
  return best?.index;
}

/** A table found in a file: its sheet and the index of its header row among the sheet's rows. */
export interface HeaderAt {
  sheet: RawSheet;
  headerIndex: number;
}

/** The first sheet whose header is recognised: imports that read one table take that one. */
export function firstSheetWithHeader(sheets: RawSheet[], headerScore: HeaderScore): HeaderAt | undefined {
  for (const sheet of sheets) {
    const headerIndex = findHeaderRow(sheet, headerScore);
    if (headerIndex !== undefined) return { sheet, headerIndex };
  }
  return undefined;
}

/**
 * Where no header is recognised: the first row with text, on the first sheet that has one, taken
 * as the header so that the import can name the columns it misses. Undefined for a file without text.
 */
export function firstRowWithText(sheets: RawSheet[]): HeaderAt | undefined {
  const sheet = sheets.find((candidate) => candidate.rows.some((row) => !isBlankRow(row)));
  if (!sheet) return undefined;
  return { sheet, headerIndex: sheet.rows.findIndex((row) => !isBlankRow(row)) };
}

export function isBlankRow(row: RawRow): boolean {
  return row.cells.every((cell) => cleanText(String(cell)) === '');
}

/** Non-breaking and repeated spaces, stray line breaks and zero-width marks are noise in a cell. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200B\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
