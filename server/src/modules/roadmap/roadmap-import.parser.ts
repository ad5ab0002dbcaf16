import { countKnownColumns, distinctColumns, type ColumnAt } from '../../imports/header-columns.js';
import type { ImportProblem } from '../../imports/import-problem.js';
import {
  cleanText,
  EMPTY_FILE,
  firstRowWithText,
  firstSheetWithHeader,
  readSpreadsheet,
  type RawCell,
  type RawRow,
  type RawSheet,
} from '../../imports/spreadsheet-reader.js';
import { ROADMAP_COLUMNS, roadmapFieldOfTitle, type RoadmapField } from './roadmap-import.vocabulary.js';

/** One event as the file has it, continuation rows already joined in. */
export interface FileItem {
  /** The row the item starts on. */
  row: number;
  number: string | null;
  title: string;
  due: string;
  responsible: string;
  result: string;
  mark: string;
  /** The address behind a hyperlink in the mark cell. */
  markLink?: string;
}

export interface FileSection {
  /** Null for items above the first section row, or in a file without sections. */
  title: string | null;
  items: FileItem[];
}

export interface RoadmapFile {
  /** Sheet name of an XLSX workbook; absent for CSV. */
  sheet?: string;
  /** The text above the table: the document's title, line by line. */
  titleLines: string[];
  /** Column titles as written in the file, for messages. */
  columnTitles: Partial<Record<RoadmapField, string>>;
  sections: FileSection[];
  problems: ImportProblem[];
}

type RowCells = Record<RoadmapField, string>;

/** «1.», «12», «3.2»: a number alone, as the № column holds it. */
const BARE_NUMBER = /^\d{1,3}(?:\.\d{1,3})*\.?$/;
/** «1.» or «2»: one level, as a section of a numbered document is numbered. */
const SECTION_NUMBER = /^\d{1,2}\.?$/;
/** «2. Организационная …» in one cell: the section's number before its title. */
const LEADING_NUMBER = /^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\S)/;
/** Titles that name a section when a file has no № column to tell. */
const SECTION_TITLE = /^(?:\d{1,2}\.\s|[IVXLC]{1,5}\.\s|раздел\s|этап\s|блок\s|направление\s)/i;

const headerScore = countKnownColumns((cell) => roadmapFieldOfTitle(String(cell)));

/** Reads a roadmap kept as a table in CSV or XLSX, in the documents' own layout. */
export async function parseRoadmapFile(content: Buffer): Promise<RoadmapFile> {
  const sheets = await readSpreadsheet(content, headerScore);
  if (typeof sheets === 'string') return fileProblem(sheets);
  // A workbook holds one roadmap: the first sheet with a recognisable header; without one, the
  // first row with text stands for it, so that the missing columns get named.
  const table = firstSheetWithHeader(sheets, headerScore) ?? firstRowWithText(sheets);
  if (!table) return fileProblem(EMPTY_FILE);
  return readTable(table.sheet, table.headerIndex);
}

function fileProblem(message: string): RoadmapFile {
  return { titleLines: [], columnTitles: {}, sections: [], problems: [{ row: 0, message }] };
}

function readTable(sheet: RawSheet, headerIndex: number): RoadmapFile {
  const header = sheet.rows[headerIndex]!;
  // A title merged over several cells heads one column, not a repeat of it.
  const { columns, problems } = distinctColumns(sheet, header, roadmapFieldOfTitle, {
    skipMergedCells: true,
  });
  const problem = (row: number, column: string | undefined, message: string) =>
    problems.push({ sheet: sheet.name, row, column, message });
  const columnTitles = Object.fromEntries(columns.map((column) => [column.field, column.title]));
  const titleLines = sheet.rows
    .slice(0, headerIndex)
    .map(lineText)
    .filter((line) => line !== '');

  const missing = ROADMAP_COLUMNS.filter(
    (column) => column.required && !columns.some((found) => found.field === column.field),
  );
  for (const column of missing) {
    problem(
      header.row,
      column.title,
      `Нет столбца «${column.title}» (его также называют ${column.synonyms
        .slice(0, 3)
        .map((synonym) => `«${synonym}»`)
        .join(', ')}): без него мероприятия не прочитать`,
    );
  }
  if (missing.length > 0 || problems.length > 0) {
    return { sheet: sheet.name, titleLines, columnTitles, sections: [], problems };
  }

  const rows = dataRows(sheet.rows.slice(headerIndex + 1), columns);
  const sections = groupRows(
    rows,
    columns.some((column) => column.field === 'number'),
  );
  const items = sections.flatMap((section) => section.items);
  if (items.length === 0) {
    problem(header.row, undefined, 'Под строкой заголовков нет ни одного мероприятия');
  }
  for (const item of items) {
    if (item.title === '') problem(item.row, columnTitles.title, 'Не указано мероприятие');
  }
  return { sheet: sheet.name, titleLines, columnTitles, sections, problems };
}

/** The visible text of a title row: its cells in order, a merged cell once. */
function lineText(row: RawRow): string {
  return row.cells
    .filter((_cell, index) => !row.spannedFromLeft[index])
    .map((cell) => cleanText(cellText(cell)))
    .filter((text) => text !== '')
    .join(' ');
}

interface DataRow {
  row: number;
  cells: RowCells;
  /** The title or number cell is merged across the deadline column: a heading, not an event. */
  spansRow: boolean;
  markLink?: string;
}

function dataRows(rows: RawRow[], columns: ColumnAt<RoadmapField>[]): DataRow[] {
  const due = columns.find((column) => column.field === 'due')!;
  const mark = columns.find((column) => column.field === 'mark');
  const read = rows.map((raw) => ({
    row: raw.row,
    cells: Object.fromEntries(
      ROADMAP_COLUMNS.map(({ field }) => {
        const column = columns.find((candidate) => candidate.field === field);
        const text =
          column && !raw.spannedFromLeft[column.index] ? cellText(raw.cells[column.index] ?? '').trim() : '';
        return [field, text];
      }),
    ) as RowCells,
    spansRow: raw.spannedFromLeft[due.index] ?? false,
    markLink: mark ? raw.links[mark.index] : undefined,
  }));
  const withText = read.filter((row) => Object.values(row.cells).some((text) => text !== ''));
  // Many documents number their columns (1, 2, 3 …) in a row under the header.
  if (withText[0] && isColumnNumbering(withText[0].cells)) withText.shift();
  return withText;
}

function isColumnNumbering(cells: RowCells): boolean {
  const values = Object.values(cells).filter((text) => text !== '');
  return (
    values.length >= 2 && values.every((text) => /^\d$/.test(text)) && new Set(values).size === values.length
  );
}

/**
 * Sorts rows into sections, events and continuation lines. With a № column, a row without a
 * number continues the event above (a cell broken over a page), and a number with a title
 * and nothing else is a section. Without one, a row with no deadline continues the event above
 * unless it is a heading.
 */
function groupRows(rows: DataRow[], hasNumberColumn: boolean): FileSection[] {
  const numbered = hasNumberColumn && rows.some((row) => BARE_NUMBER.test(row.cells.number));
  const sections: FileSection[] = [];
  let current: FileItem | undefined;
  const startSection = (title: string) => {
    sections.push({ title, items: [] });
    current = undefined;
  };
  const addItem = (row: DataRow) => {
    if (sections.length === 0) sections.push({ title: null, items: [] });
    current = {
      row: row.row,
      number: row.cells.number || null,
      title: row.cells.title,
      due: row.cells.due,
      responsible: row.cells.responsible,
      result: row.cells.result,
      mark: row.cells.mark,
      markLink: row.markLink,
    };
    sections.at(-1)!.items.push(current);
  };

  for (const row of rows) {
    const { number, title, due, responsible, result, mark } = row.cells;
    const titleOnly = title !== '' && due === '' && responsible === '' && result === '' && mark === '';
    const numberOnly =
      number !== '' && title === '' && due === '' && responsible === '' && result === '' && mark === '';
    if (numbered) {
      if (numberOnly && !BARE_NUMBER.test(number)) startSection(number.replace(LEADING_NUMBER, ''));
      else if (titleOnly && (row.spansRow || (number === '' ? !current : SECTION_NUMBER.test(number)))) {
        startSection(title);
      } else if (number === '' && current) continueItem(current, row);
      else addItem(row);
    } else if (numberOnly) {
      startSection(number.replace(LEADING_NUMBER, ''));
    } else if (titleOnly && (row.spansRow || !current || SECTION_TITLE.test(title))) {
      startSection(title);
    } else if (due === '' && current && !(title !== '' && responsible !== '')) {
      continueItem(current, row);
    } else addItem(row);
  }
  return sections;
}

/** A cell broken over a page goes on in the same column of the next row. */
function continueItem(item: FileItem, row: DataRow): void {
  const join = (before: string, after: string) =>
    before === '' ? after : after === '' ? before : `${before} ${after}`;
  item.title = join(item.title, row.cells.title);
  item.due = join(item.due, row.cells.due);
  item.responsible = join(item.responsible, row.cells.responsible);
  item.result = join(item.result, row.cells.result);
  item.mark = join(item.mark, row.cells.mark);
  item.markLink ??= row.markLink;
}

/** Text as the document shows it; a date typed as a date reads as Russians write one. */
function cellText(cell: RawCell): string {
  if (cell instanceof Date) {
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${pad(cell.getUTCDate())}.${pad(cell.getUTCMonth() + 1)}.${cell.getUTCFullYear()}`;
  }
  return String(cell).replace(/[\u200B\uFEFF]/g, '');
}
