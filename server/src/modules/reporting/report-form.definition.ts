/**
 * A statistical report form as data (table report_form, column definition): sections of rows
 * and columns, each cell reading a measure of the per-organisation summary
 * (indicators/summary-measures.ts) or a share of two of them. A new layout is a new version,
 * never an edit of one that schools have reported on. Forms in force decide the summary's
 * reports_expected, so a new form or version ships in a migration that updates that column as
 * Migration20261122170000_statistical_reports does (or is followed by `summary:rebuild`).
 */

/** A cell that shows a summary measure as it is; these are the cells a school may correct. */
export interface MeasureCellSource {
  measure: string;
}

/** A cell that shows Σ numerator / Σ denominator × 100 of two measures' final values. */
export interface PercentCellSource {
  percent: { numerator: string; denominator: string };
}

export type ReportCellSource = MeasureCellSource | PercentCellSource;

export interface ReportFormColumn {
  /** Column number as printed under the header («графа 3»); columns 1 and 2 are the row name and number. */
  code: string;
  title: string;
}

export interface ReportFormRow {
  /** Row number, unique in the form («строка 07»). */
  code: string;
  title: string;
  /** By column code; a column left out is an empty (crossed-out) cell of this row. */
  cells: Record<string, ReportCellSource>;
}

export interface ReportFormSection {
  code: string;
  title: string;
  note?: string;
  columns: ReportFormColumn[];
  rows: ReportFormRow[];
}

export interface ReportFormDefinition {
  /** Reports for academic year Y are due on this day of year Y + 1 (Moscow time). */
  deadline: { month: number; day: number };
  /** Shown under the title: where the layout comes from. */
  note?: string;
  sections: ReportFormSection[];
}

/** One cell of the form with its key «строка.графа», e.g. "07.3". */
export interface ReportFormCell {
  key: string;
  sectionCode: string;
  rowCode: string;
  columnCode: string;
  source: ReportCellSource;
}

export function cellKey(rowCode: string, columnCode: string): string {
  return `${rowCode}.${columnCode}`;
}

export function isMeasureCell(source: ReportCellSource): source is MeasureCellSource {
  return 'measure' in source;
}

/** Every non-empty cell of the form in reading order: section by section, row by row, column by column. */
export function formCells(definition: ReportFormDefinition): ReportFormCell[] {
  return definition.sections.flatMap((section) =>
    section.rows.flatMap((row) =>
      section.columns
        .filter((column) => row.cells[column.code])
        .map((column) => ({
          key: cellKey(row.code, column.code),
          sectionCode: section.code,
          rowCode: row.code,
          columnCode: column.code,
          source: row.cells[column.code]!,
        })),
    ),
  );
}

/** The day reports for the academic year are due, as ГГГГ-ММ-ДД. */
export function dueOn(definition: ReportFormDefinition, academicYear: number): string {
  const { month, day } = definition.deadline;
  return `${academicYear + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const CODE = /^[0-9A-Za-z]+$/;

function problem(where: string, message: string): never {
  throw new Error(`Определение формы: ${where}: ${message}`);
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || !value.trim()) problem(where, 'нужен непустой текст');
  return value;
}

function code(value: unknown, where: string): string {
  if (typeof value !== 'string' || !CODE.test(value)) problem(where, 'код из латинских букв и цифр');
  return value;
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) problem(where, 'нужен объект');
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) problem(where, 'нужен непустой список');
  return value;
}

function measure(value: unknown, where: string, measures: ReadonlySet<string>): string {
  if (typeof value !== 'string' || !measures.has(value)) {
    problem(where, `нет такого показателя сводки: «${String(value)}»`);
  }
  return value;
}

function cellSource(value: unknown, where: string, measures: ReadonlySet<string>): ReportCellSource {
  const source = object(value, where);
  if ('measure' in source) return { measure: measure(source.measure, `${where}.measure`, measures) };
  const percent = object(source.percent, `${where}.percent`);
  return {
    percent: {
      numerator: measure(percent.numerator, `${where}.percent.numerator`, measures),
      denominator: measure(percent.denominator, `${where}.percent.denominator`, measures),
    },
  };
}

/**
 * Checks a stored definition against the type and the summary's measures. Row codes are unique
 * in the form (cells are keyed by them) and a measure fills at most one cell, so a correction of
 * a cell is the correction of that measure and a share computed from it uses the corrected value.
 */
export function parseReportFormDefinition(
  value: unknown,
  measures: ReadonlySet<string>,
): ReportFormDefinition {
  const root = object(value, 'форма');
  const deadline = object(root.deadline, 'deadline');
  const month = Number(deadline.month);
  const day = Number(deadline.day);
  if (!Number.isInteger(month) || month < 1 || month > 12) problem('deadline.month', 'месяц 1–12');
  // 29 февраля would not exist in most years.
  const days = new Date(Date.UTC(2001, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > days) problem('deadline.day', `день 1–${days}`);

  const rowCodes = new Set<string>();
  const measureCells = new Map<string, string>();
  const sections = list(root.sections, 'sections').map((raw, s): ReportFormSection => {
    const where = `sections[${s}]`;
    const section = object(raw, where);
    const columns = list(section.columns, `${where}.columns`).map((rawColumn, c) => {
      const column = object(rawColumn, `${where}.columns[${c}]`);
      return {
        code: code(column.code, `${where}.columns[${c}].code`),
        title: text(column.title, `${where}.columns[${c}].title`),
      };
    });
    const columnCodes = new Set(columns.map((column) => column.code));
    if (columnCodes.size !== columns.length) problem(`${where}.columns`, 'коды граф повторяются');
    const rows = list(section.rows, `${where}.rows`).map((rawRow, r): ReportFormRow => {
      const rowWhere = `${where}.rows[${r}]`;
      const row = object(rawRow, rowWhere);
      const rowCode = code(row.code, `${rowWhere}.code`);
      if (rowCodes.has(rowCode)) problem(`${rowWhere}.code`, `строка ${rowCode} уже есть в форме`);
      rowCodes.add(rowCode);
      const cells: Record<string, ReportCellSource> = {};
      for (const [columnCode, rawSource] of Object.entries(object(row.cells, `${rowWhere}.cells`))) {
        if (!columnCodes.has(columnCode)) problem(`${rowWhere}.cells`, `в разделе нет графы ${columnCode}`);
        const source = cellSource(rawSource, `${rowWhere}.cells.${columnCode}`, measures);
        if (isMeasureCell(source)) {
          const other = measureCells.get(source.measure);
          if (other) problem(`${rowWhere}.cells.${columnCode}`, `«${source.measure}» уже в ячейке ${other}`);
          measureCells.set(source.measure, cellKey(rowCode, columnCode));
        }
        cells[columnCode] = source;
      }
      return { code: rowCode, title: text(row.title, `${rowWhere}.title`), cells };
    });
    return {
      code: code(section.code, `${where}.code`),
      title: text(section.title, `${where}.title`),
      ...(section.note === undefined ? {} : { note: text(section.note, `${where}.note`) }),
      columns,
      rows,
    };
  });
  return {
    deadline: { month, day },
    ...(root.note === undefined ? {} : { note: text(root.note, 'note') }),
    sections,
  };
}
