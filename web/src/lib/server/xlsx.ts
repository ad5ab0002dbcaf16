import ExcelJS from 'exceljs';
import type { Column } from '$lib/hierarchy';

export interface XlsxTable<Row> {
  sheetName: string;
  /** Stored in the workbook's properties: what the file is, for whoever opens it later. */
  title: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** Adds an «Итого» row with the sums of the numeric columns. */
  withTotals?: boolean;
  /**
   * An «Итого» row given whole, for columns that do not add up (shares are Σ numerator /
   * Σ denominator, not a sum of shares): its numeric values are written under their columns.
   */
  totalsRow?: Row;
}

/** A cell as the file stores it: numbers as numbers, other columns as the page shows them. */
function cellValue<Row>(column: Column<Row>, row: Row) {
  if (column.numeric) return column.value(row) ?? null;
  return column.text ? column.text(row) : (column.value(row) ?? null);
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 80;

/**
 * One sheet: Russian headers in the first row (frozen, with a filter) and one row per table row
 * below, numbers stored as numbers so that an analyst can sum and pivot them without retyping.
 */
export async function tableToXlsx<Row>(table: XlsxTable<Row>): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Наставник';
  workbook.title = table.title;
  workbook.created = new Date();

  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.columns.map((column) => column.header)).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((column) => cellValue(column, row)));
  }
  if (table.withTotals) {
    const totalsRow = sheet.addRow(
      table.columns.map((column, index) => {
        if (column.numeric) return table.rows.reduce((sum, row) => sum + (Number(column.value(row)) || 0), 0);
        return index === 0 ? 'Итого' : null;
      }),
    );
    totalsRow.font = { bold: true };
  } else if (table.totalsRow) {
    const given = table.totalsRow;
    const totalsRow = sheet.addRow(
      table.columns.map((column, index) => {
        if (column.numeric) return column.value(given) ?? null;
        return index === 0 ? 'Итого' : null;
      }),
    );
    totalsRow.font = { bold: true };
  }

  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  table.columns.forEach((column, index) => {
    const longest = Math.max(
      column.header.length,
      ...table.rows.map((row) => String(cellValue(column, row) ?? '').length),
    );
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.min(Math.max(longest + 2, MIN_WIDTH), MAX_WIDTH);
    if (column.numeric) sheetColumn.numFmt = column.numberFormat ?? '#,##0';
  });

  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  // A copy with its own ArrayBuffer: exceljs hands out a Node Buffer that may view a shared pool.
  return written.slice().buffer;
}

/**
 * A download response. `filename` is the ASCII fallback for old clients; `filename*` carries the
 * Russian name (RFC 6266), which every current browser prefers.
 */
export function xlsxResponse(content: ArrayBuffer, fileName: { ascii: string; russian: string }): Response {
  // Names come from the directory («город Зея», «МБОУ "Школа"»): drop what file systems refuse.
  const russian = fileName.russian
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return new Response(content, {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${fileName.ascii}"; filename*=UTF-8''${encodeURIComponent(russian)}`,
      'cache-control': 'no-store',
    },
  });
}
