import type { DirectoryTable } from './directory-import.parser.js';
import type { ImportProblem } from '../../imports/import-problem.js';
import { columnOf, type DirectoryField } from './directory-import.vocabulary.js';

/** The place in the file a fact comes from. */
export interface RowSource {
  table: DirectoryTable;
  row: number;
}

/** The column title as the user wrote it, so they find it in their own file. */
export function titleIn(table: DirectoryTable, field: DirectoryField): string {
  return table.columns.find((column) => column.field === field)?.title ?? columnOf(field).title;
}

export function problemAt(source: RowSource, field: DirectoryField, message: string): ImportProblem {
  return { sheet: source.table.sheet, row: source.row, column: titleIn(source.table, field), message };
}

/** «строке 5», or «строке 5 листа «ОО»» when the other row is on another sheet. */
export function rowRef(other: RowSource, here: RowSource): string {
  return other.table === here.table
    ? `строке ${other.row}`
    : `строке ${other.row} листа «${other.table.sheet}»`;
}

const LISTED_ROWS = 5;

/**
 * A fact repeated on many rows is reported once, at its first row; this names the others so
 * that the user fixes them all.
 */
export function alsoOnRows(sources: RowSource[]): string {
  const others = sources.slice(1);
  if (others.length === 0) return '';
  const listed = others
    .slice(0, LISTED_ROWS)
    .map((source) => source.row)
    .join(', ');
  const more = others.length > LISTED_ROWS ? ` и ещё ${others.length - LISTED_ROWS}` : '';
  return ` (то же в строках ${listed}${more})`;
}

/** Problems in the order of the file: whole-file ones first, then sheet by sheet, row by row. */
export function inFileOrder(problems: ImportProblem[], tables: DirectoryTable[]): ImportProblem[] {
  const sheetOrder = new Map(tables.map((table, index) => [table.sheet, index]));
  const position = (problem: ImportProblem) =>
    problem.row === 0 ? -1 : (sheetOrder.get(problem.sheet) ?? 0);
  return [...problems].sort((a, b) => position(a) - position(b) || a.row - b.row);
}
