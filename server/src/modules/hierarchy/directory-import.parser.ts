import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ImportProblem } from './directory-import.report.js';
import { fieldOfTitle, type DirectoryField } from './directory-import.vocabulary.js';

/** A recognised column: the field it holds, its title as written in the file, its position. */
export interface DirectoryColumnAt {
  field: DirectoryField;
  title: string;
  index: number;
}

/**
 * One data row. A field is absent when the file has no such column and `''` when the cell is
 * empty: an absent optional column leaves stored values alone, an empty cell clears them.
 */
export interface DirectoryRow {
  row: number;
  cells: Partial<Record<DirectoryField, string>>;
}

export interface DirectoryTable {
  /** Sheet name of an XLSX workbook; absent for CSV. */
  sheet?: string;
  headerRow: number;
  columns: DirectoryColumnAt[];
  rows: DirectoryRow[];
}

export interface ParsedDirectoryFile {
  tables: DirectoryTable[];
  problems: ImportProblem[];
}

type RawCell = string | number;

interface RawRow {
  /** The row number a spreadsheet editor shows. */
  row: number;
  cells: RawCell[];
}

interface RawSheet {
  name?: string;
  rows: RawRow[];
}

const NOT_A_TABLE = 'Файл не является таблицей CSV или XLSX';
const EMPTY_FILE = 'Файл пуст';
const HEADER_SEARCH_ROWS = 30;
/** Two known titles in one row make it the header; one could be a data cell by chance. */
const MIN_HEADER_FIELDS = 2;
const DELIMITERS = [';', ',', '\t'];

/** Reads an uploaded CSV or XLSX file into the tables of the directory it holds. */
export async function parseDirectoryFile(content: Buffer): Promise<ParsedDirectoryFile> {
  if (content.length === 0) return fileProblem(EMPTY_FILE);
  const sheets = await readRawSheets(content);
  if (typeof sheets === 'string') return fileProblem(sheets);
  return tablesOf(sheets);
}

function fileProblem(message: string): ParsedDirectoryFile {
  return { tables: [], problems: [{ row: 0, message }] };
}

/** The sheets of the file, or the reason it is not a spreadsheet. */
async function readRawSheets(content: Buffer): Promise<RawSheet[] | string> {
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return readWorkbook(content);
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0])) {
    return 'Файл в старом формате Excel 97–2003 (XLS) не поддерживается: сохраните его как XLSX или CSV';
  }
  const text = decodeText(content);
  if (text === undefined) return NOT_A_TABLE;
  return readCsv(text);
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
      row.eachCell((cell, columnNumber) => {
        cells[columnNumber - 1] = rawCellOf(cell.value, cell.numFmt);
      });
      rows.push({ row: rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
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
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : rawCellOf(value.text, numFmt);
  if ('error' in value) return value.error;
  if ('result' in value) return rawCellOf(value.result as ExcelJS.CellValue, numFmt);
  return '';
}

function readCsv(text: string): RawSheet[] | string {
  try {
    const records: string[][] = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      // Empty lines stay as records so that record N is row N, as a spreadsheet editor shows it.
      skip_empty_lines: false,
    });
    return [{ rows: records.map((cells, index) => ({ row: index + 1, cells })) }];
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
function detectDelimiter(text: string): string {
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
    const fields = Math.max(0, ...rows.map(headerFieldCount));
    if (fields >= MIN_HEADER_FIELDS && fields > best.fields) best = { delimiter, fields };
  }
  return best.delimiter;
}

function headerFieldCount(cells: RawCell[]): number {
  return new Set(cells.map((cell) => fieldOfTitle(String(cell))).filter(Boolean)).size;
}

/** Index of the header row among the first rows of a sheet, if any row looks like one. */
function findHeader(sheet: RawSheet): number | undefined {
  let best: { index: number; fields: number } | undefined;
  sheet.rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const fields = headerFieldCount(row.cells);
    if (fields >= MIN_HEADER_FIELDS && fields > (best?.fields ?? 0)) best = { index, fields };
  });
  return best?.index;
}

function isBlank(row: RawRow): boolean {
  return row.cells.every((cell) => cleanText(String(cell)) === '');
}

/**
 * Every sheet with a recognisable header row; when there is none, the first non-empty sheet
 * with its first row as the header, so that the missing columns get reported.
 */
function tablesOf(sheets: RawSheet[]): ParsedDirectoryFile {
  const problems: ImportProblem[] = [];
  const withHeaders = sheets.flatMap((sheet) => {
    const headerIndex = findHeader(sheet);
    return headerIndex === undefined ? [] : [{ sheet, headerIndex }];
  });
  if (withHeaders.length === 0) {
    const sheet = sheets.find((candidate) => candidate.rows.some((row) => !isBlank(row)));
    if (!sheet) return fileProblem(EMPTY_FILE);
    withHeaders.push({ sheet, headerIndex: sheet.rows.findIndex((row) => !isBlank(row)) });
  }
  const tables = withHeaders.map(({ sheet, headerIndex }) => buildTable(sheet, headerIndex, problems));
  return { tables, problems };
}

function buildTable(sheet: RawSheet, headerIndex: number, problems: ImportProblem[]): DirectoryTable {
  const header = sheet.rows[headerIndex]!;
  const columns: DirectoryColumnAt[] = [];
  header.cells.forEach((cell, index) => {
    const title = cleanText(String(cell));
    const field = fieldOfTitle(title);
    if (!field) return;
    const earlier = columns.find((column) => column.field === field);
    if (earlier) {
      problems.push({
        sheet: sheet.name,
        row: header.row,
        column: title,
        message: `Столбец «${title}» означает то же, что столбец «${earlier.title}»: оставьте один из них`,
      });
      return;
    }
    columns.push({ field, title, index });
  });

  const rows = sheet.rows
    .slice(headerIndex + 1)
    .map((raw) => ({
      row: raw.row,
      cells: Object.fromEntries(
        columns.map((column) => [column.field, cellText(raw.cells[column.index] ?? '', column.field)]),
      ),
    }))
    .filter((row) => Object.values(row.cells).some((text) => text !== ''));
  if (rows.length === 0) {
    problems.push({
      sheet: sheet.name,
      row: header.row,
      message: 'Под строкой заголовков нет ни одной строки с данными',
    });
  }
  return { sheet: sheet.name, headerRow: header.row, columns, rows };
}

/** Codes typed into Excel as numbers lose their leading zeros (Дагестан «05», ИНН «05…»). */
function cellText(cell: RawCell, field: DirectoryField): string {
  if (typeof cell === 'string') return cleanText(cell);
  const digits = String(cell);
  if (!Number.isInteger(cell) || cell < 0) return digits;
  switch (field) {
    case 'regionCode':
      return digits.padStart(2, '0');
    case 'municipalityCode':
      return digits.padStart(digits.length <= 8 ? 8 : 11, '0');
    case 'inn':
      return digits.padStart(10, '0');
    default:
      return digits;
  }
}

/** Non-breaking and repeated spaces, stray line breaks and zero-width marks are noise in a cell. */
function cleanText(text: string): string {
  return text
    .replace(/[\u200B\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
