import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';

/**
 * Test documents for the roadmap import, made from the seed texts the system was specified from
 * (server/test/seeds): the school roadmap of МБОУ СШ № 3 г. Лысково and the analysis of the
 * municipal roadmap of город Зея for 2020/2021, each laid out as its document is.
 */

/** A document as a spreadsheet shows it: `rows[n - 1]` is spreadsheet row n. */
export interface RoadmapDocument {
  rows: string[][];
  /** Spreadsheet row numbers of the header and of rows whose first cell spans the table. */
  headerRow: number;
  spanningRows: number[];
  columns: number;
}

const seedText = (name: string) =>
  readFileSync(new URL(`../../../test/seeds/${name}`, import.meta.url), 'utf8');

/** Blank, or a no-break space the web page used as an empty paragraph. */
const isBlank = (line: string) => line.replace(/\u00a0/g, ' ').trim() === '';

/**
 * Seed 000: paragraphs, not a table — the title, then «Мероприятие», «Сроки», «Ответственные»,
 * then each event as three paragraphs. The table ends at the first empty paragraph after it.
 */
export function schoolRoadmapDocument(): RoadmapDocument {
  const lines = seedText('000-school-roadmap-lyskovo.txt').split('\n');
  const headerAt = lines.indexOf('Мероприятие');
  const titleLines = lines.slice(0, headerAt).filter((line) => !isBlank(line));
  const cells: string[] = [];
  for (const line of lines.slice(headerAt)) {
    if (line === '') continue;
    if (isBlank(line)) break;
    cells.push(line);
  }
  const table: string[][] = [];
  for (let index = 0; index < cells.length; index += 3) table.push(cells.slice(index, index + 3));
  const rows = [...titleLines.map((line) => [line]), [], ...table];
  return { rows, headerRow: titleLines.length + 2, spanningRows: [], columns: 3 };
}

/**
 * Seed 003: the analysis as a tab-separated table, line N of the text being row N. Section lines
 * hold their title in the first cell and nothing else; lines that continue a cell broken over a
 * page start with an empty №. The dashed line closing the text is no part of the document.
 */
export function municipalAnalysisDocument(): RoadmapDocument {
  const lines = seedText('003-municipal-roadmap-analysis-zeya.txt').replace(/\n$/, '').split('\n');
  const rows = lines.map((line) => (/^[-\t]+$/.test(line) ? [] : line === '' ? [] : line.split('\t')));
  const headerRow = rows.findIndex((cells) => cells[0] === '№ п/п') + 1;
  const spanningRows = rows.flatMap((cells, index) =>
    index + 1 > headerRow && cells[0] && cells.slice(1).every((cell) => cell.trim() === '')
      ? [index + 1]
      : [],
  );
  return { rows, headerRow, spanningRows, columns: 6 };
}

/** The document as an XLSX workbook: title rows and section rows merged across the table. */
export async function xlsxOf(document: RoadmapDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Дорожная карта');
  document.rows.forEach((cells, index) => {
    const rowNumber = index + 1;
    if (cells.length === 0) return;
    const spans = rowNumber < document.headerRow || document.spanningRows.includes(rowNumber);
    const row = sheet.getRow(rowNumber);
    if (spans) {
      row.getCell(1).value = cells[0]!;
      sheet.mergeCells(rowNumber, 1, rowNumber, document.columns);
    } else {
      cells.forEach((cell, column) => {
        if (cell !== '') row.getCell(column + 1).value = cell;
      });
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The document as a semicolon-separated UTF-8 CSV with a BOM, as Excel saves one. */
export function csvOf(document: RoadmapDocument): Buffer {
  const quote = (cell: string) => (/[;"\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const text = document.rows.map((cells) => cells.map(quote).join(';')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`);
}

/** A workbook of one sheet with the given rows (row 1 first), for hand-made cases. */
export async function xlsxOfRows(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Лист1');
  rows.forEach((cells, index) => {
    const row = sheet.getRow(index + 1);
    cells.forEach((cell, column) => {
      if (cell !== null && cell !== '') row.getCell(column + 1).value = cell;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One event as the document states it, continuation lines joined in. */
export interface DocumentItem {
  /** Spreadsheet row the event starts on. */
  row: number;
  section: string | null;
  number: string | null;
  title: string;
  due: string;
  responsible: string;
  result: string;
  mark: string;
}

/**
 * What the document says, read the way a person reads it: a section line starts a section
 * («2. Организационная …» is section «Организационная …»), a numbered line an event, and a line
 * with an empty № adds its cells to the event above.
 */
export function documentItems(document: RoadmapDocument): { sections: string[]; items: DocumentItem[] } {
  const sections: string[] = [];
  const items: DocumentItem[] = [];
  const numbered = document.columns === 6;
  document.rows.forEach((cells, index) => {
    const rowNumber = index + 1;
    if (rowNumber <= document.headerRow || cells.every((cell) => cell === '')) return;
    if (document.spanningRows.includes(rowNumber)) {
      sections.push(cells[0]!.replace(/^\d+\.\s+/, ''));
      return;
    }
    const [number, title, due, responsible, result, mark] = numbered ? cells : [null, ...cells];
    const text = (cell: string | null | undefined) => (cell ?? '').trim();
    if (numbered && text(number) === '') {
      const item = items.at(-1)!;
      const join = (before: string, after: string) => [before, after].filter(Boolean).join(' ');
      item.title = join(item.title, text(title));
      item.due = join(item.due, text(due));
      item.responsible = join(item.responsible, text(responsible));
      item.result = join(item.result, text(result));
      item.mark = join(item.mark, text(mark));
      return;
    }
    items.push({
      row: rowNumber,
      section: sections.at(-1) ?? null,
      number: text(number) || null,
      title: text(title),
      due: text(due),
      responsible: text(responsible),
      result: text(result),
      mark: text(mark),
    });
  });
  return { sections, items };
}
