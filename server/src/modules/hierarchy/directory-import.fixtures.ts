import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';

/** Test files for the directory import, all derived from the demo directory (the canonical layout). */

export const DEMO_CSV = readFileSync(new URL('../../db/seeders/demo-directory.csv', import.meta.url));

/** Columns of the canonical layout, by position. */
export const COLUMN = {
  regionCode: 0,
  regionName: 1,
  oktmo: 2,
  municipalityName: 3,
  municipalityKind: 4,
  code: 5,
  name: 6,
  shortName: 7,
  kind: 8,
  address: 9,
  inn: 10,
} as const;

/** The demo file as rows of cells; `rows[0]` is the header, so `rows[n - 1]` is spreadsheet row n. */
export function demoRows(): string[][] {
  return DEMO_CSV.toString('utf8')
    .trimEnd()
    .split(/\r?\n/)
    .map((line) => line.split(';'));
}

/** The demo rows after `change`, as a semicolon-separated UTF-8 CSV. */
export function demoCsvWith(change: (rows: string[][]) => void): Buffer {
  const rows = demoRows();
  change(rows);
  return csvOf(rows);
}

export function csvOf(rows: string[][], delimiter = ';'): Buffer {
  return Buffer.from(rows.map((row) => row.join(delimiter)).join('\r\n') + '\r\n');
}

/** Windows-1251 bytes of `text`; the table is Node's own decoder read backwards. */
export function windows1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const byteOf = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) byteOf.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    [...text].map((char) => {
      const byte = byteOf.get(char);
      if (byte === undefined) throw new Error(`«${char}» нет в Windows-1251`);
      return byte;
    }),
  );
}

export interface SheetFixture {
  name: string;
  rows: (string | number)[][];
  /** Number formats by column position, e.g. «000000» for codes stored as numbers. */
  numFmt?: Record<number, string>;
}

export async function xlsxOf(sheets: SheetFixture[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row);
    for (const [column, format] of Object.entries(sheet.numFmt ?? {})) {
      worksheet.getColumn(Number(column) + 1).numFmt = format;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A legal entity's ИНН: nine digits and the check digit the ФНС algorithm gives them. */
export function innWithCheckDigit(nineDigits: string): string {
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(nineDigits[index]), 0);
  return `${nineDigits}${(sum % 11) % 10}`;
}

/** A flat directory of `regions` × `municipalities` × `organizations`, valid in every cell. */
export function generatedDirectory(regions: number, municipalities: number, organizations: number): Buffer {
  const rows = [demoRows()[0]!];
  for (let r = 1; r <= regions; r += 1) {
    const regionCode = String(10 + r);
    for (let m = 1; m <= municipalities; m += 1) {
      const oktmo = `${regionCode}${String(m).padStart(3, '0')}000`;
      for (let o = 1; o <= organizations; o += 1) {
        const code = `${oktmo}-${o}`;
        rows.push([
          regionCode,
          `Субъект ${regionCode}`,
          oktmo,
          `Муниципальный округ ${oktmo}`,
          'муниципальный округ',
          code,
          `Муниципальное общеобразовательное учреждение «Школа № ${o}» (${oktmo})`,
          `Школа № ${o}`,
          'школа',
          `Населённый пункт ${oktmo}`,
          innWithCheckDigit(`${regionCode}${String(m).padStart(3, '0')}${String(o).padStart(4, '0')}`),
        ]);
      }
    }
  }
  return csvOf(rows);
}
