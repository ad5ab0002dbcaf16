import type { ImportProblem } from './import-problem.js';
import {
  cleanText,
  firstSheetWithHeader,
  type HeaderScore,
  type RawCell,
  type RawRow,
  type RawSheet,
} from './spreadsheet-reader.js';

/**
 * A HeaderScore that counts the different known columns a row names: a title written twice
 * counts once, so a row of repeated words does not pass for the header.
 */
export function countKnownColumns(fieldOfCell: (cell: RawCell) => string | undefined): HeaderScore {
  return (cells) => new Set(cells.map((cell) => fieldOfCell(cell)).filter(Boolean)).size;
}

/**
 * A required column the header lacks, at the header row under the column's usual title. The
 * roadmap import words its own, naming the column's other spellings.
 */
export function missingColumnProblem(
  sheet: string | undefined,
  headerRow: number,
  title: string,
): ImportProblem {
  return { sheet, row: headerRow, column: title, message: `Нет обязательного столбца «${title}»` };
}

/** A column an import knows: the title its messages use and the spellings a file may head it with. */
export interface KnownColumn {
  title: string;
  /** Spellings as normalised terms (normalizeTerm), which a header cell's term is looked up among. */
  synonyms: readonly string[];
}

export type KnownColumns<F extends string> = Record<F, KnownColumn>;

/** The field whose spellings hold a header cell's term; none for an empty term. */
export function fieldOfTerm<F extends string>(columns: KnownColumns<F>, term: string): F | undefined {
  if (!term) return undefined;
  return (Object.keys(columns) as F[]).find((field) => columns[field].synonyms.includes(term));
}

/** The table a file holds: its header and where each known column stands in it. */
export interface KnownColumnTable<F extends string> {
  sheet: RawSheet;
  header: RawRow;
  /** The rows below the header, blank ones included. */
  dataRows: RawRow[];
  /** The position of each column the header names; the leftmost one where a title repeats. */
  positions: Map<F, number>;
  /** The cell of a data row under a field's column; empty when the file lacks the column or the row ends early. */
  cellOf(row: RawRow, field: F): RawCell;
  /** A problem for each of the required columns the header lacks, in the order given. */
  missingColumns(required: readonly F[]): ImportProblem[];
}

export interface LocatedColumns<F extends string> {
  /**
   * Column titles as the file writes them, so that a problem names the column the user sees;
   * the vocabulary's title for a column the file lacks.
   */
  titles: Record<F, string>;
  /** Undefined when no sheet has a recognisable header. */
  table?: KnownColumnTable<F>;
}

/**
 * The first sheet with a recognised header, and the known columns in it, for the imports that
 * read one table in which the first of two alike columns counts (participants, pairs and groups,
 * contingent).
 */
export function locateKnownColumns<F extends string>(
  sheets: RawSheet[],
  columns: KnownColumns<F>,
  fieldOfCell: (cell: RawCell) => F | undefined,
): LocatedColumns<F> {
  const titles = Object.fromEntries(
    (Object.keys(columns) as F[]).map((field) => [field, columns[field].title]),
  ) as Record<F, string>;
  const found = firstSheetWithHeader(sheets, countKnownColumns(fieldOfCell));
  if (!found) return { titles };
  const { sheet, headerIndex } = found;
  const header = sheet.rows[headerIndex]!;
  const positions = new Map<F, number>();
  header.cells.forEach((cell, position) => {
    const field = fieldOfCell(cell);
    if (field && !positions.has(field)) {
      positions.set(field, position);
      titles[field] = cleanText(String(cell));
    }
  });
  const table: KnownColumnTable<F> = {
    sheet,
    header,
    dataRows: sheet.rows.slice(headerIndex + 1),
    positions,
    cellOf: (row, field) => {
      const position = positions.get(field);
      return position === undefined ? '' : (row.cells[position] ?? '');
    },
    missingColumns: (required) =>
      required
        .filter((field) => !positions.has(field))
        .map((field) => missingColumnProblem(sheet.name, header.row, columns[field].title)),
  };
  return { titles, table };
}

/** A recognised column: the field it holds, its title as written in the file, its position. */
export interface ColumnAt<F extends string> {
  field: F;
  title: string;
  index: number;
}

/**
 * The header's recognised columns, left to right, for the imports where two columns of one
 * meaning are an error (directory, roadmap). A second column of a meaning already taken
 * would leave it open which one to read: it is reported and left out. With `skipMergedCells`,
 * a cell covered by a merge from the left is no column: exceljs repeats the merged title in it.
 */
export function distinctColumns<F extends string>(
  sheet: RawSheet,
  header: RawRow,
  fieldOfTitle: (title: string) => F | undefined,
  options: { skipMergedCells: boolean },
): { columns: ColumnAt<F>[]; problems: ImportProblem[] } {
  const columns: ColumnAt<F>[] = [];
  const problems: ImportProblem[] = [];
  header.cells.forEach((cell, index) => {
    if (options.skipMergedCells && header.spannedFromLeft[index]) return;
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
  return { columns, problems };
}
