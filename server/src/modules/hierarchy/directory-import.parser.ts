import { isoDayOf } from '../../imports/cell-values.js';
import { countKnownColumns, distinctColumns, type ColumnAt } from '../../imports/header-columns.js';
import type { ImportProblem } from '../../imports/import-problem.js';
import {
  cleanText,
  EMPTY_FILE,
  findHeaderRow,
  firstRowWithText,
  readSpreadsheet,
  type RawCell,
  type RawSheet,
} from '../../imports/spreadsheet-reader.js';
import { fieldOfTitle, type DirectoryField } from './directory-import.vocabulary.js';

/** A recognised column: the field it holds, its title as written in the file, its position. */
export type DirectoryColumnAt = ColumnAt<DirectoryField>;

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

/** Reads an uploaded CSV or XLSX file into the tables of the directory it holds. */
export async function parseDirectoryFile(content: Buffer): Promise<ParsedDirectoryFile> {
  const sheets = await readSpreadsheet(content, headerFieldCount);
  if (typeof sheets === 'string') return fileProblem(sheets);
  return tablesOf(sheets);
}

function fileProblem(message: string): ParsedDirectoryFile {
  return { tables: [], problems: [{ row: 0, message }] };
}

const headerFieldCount = countKnownColumns((cell) => fieldOfTitle(String(cell)));

/**
 * Every sheet with a recognisable header row; when there is none, the first non-empty sheet
 * with its first row as the header, so that the missing columns get reported.
 */
function tablesOf(sheets: RawSheet[]): ParsedDirectoryFile {
  const problems: ImportProblem[] = [];
  const withHeaders = sheets.flatMap((sheet) => {
    const headerIndex = findHeaderRow(sheet, headerFieldCount);
    return headerIndex === undefined ? [] : [{ sheet, headerIndex }];
  });
  if (withHeaders.length === 0) {
    const first = firstRowWithText(sheets);
    if (!first) return fileProblem(EMPTY_FILE);
    withHeaders.push(first);
  }
  const tables = withHeaders.map(({ sheet, headerIndex }) => buildTable(sheet, headerIndex, problems));
  return { tables, problems };
}

function buildTable(sheet: RawSheet, headerIndex: number, problems: ImportProblem[]): DirectoryTable {
  const header = sheet.rows[headerIndex]!;
  // Merged header cells are not skipped: each cell a merge covers counts as a column of its own.
  const { columns, problems: repeats } = distinctColumns(sheet, header, fieldOfTitle, {
    skipMergedCells: false,
  });
  problems.push(...repeats);

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
  if (cell instanceof Date) return isoDayOf(cell);
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
