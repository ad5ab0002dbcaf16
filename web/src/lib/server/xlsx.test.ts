import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { REGION_COLUMNS, type RegionRow } from '$lib/hierarchy';
import { tableToXlsx, xlsxResponse } from './xlsx';

const regions: RegionRow[] = [
  { code: '05', name: 'Республика Дагестан', municipalityCount: 2, organizationCount: 7 },
  { code: '28', name: 'Амурская область', municipalityCount: 4, organizationCount: 1016 },
];

async function readSheet(content: ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content);
  return workbook;
}

describe('tableToXlsx', () => {
  it('writes Russian headers, the rows in order, and a totals row', async () => {
    const workbook = await readSheet(
      await tableToXlsx({
        sheetName: 'Субъекты РФ',
        title: 'Субъекты',
        columns: REGION_COLUMNS,
        rows: regions,
        withTotals: true,
      }),
    );
    const sheet = workbook.getWorksheet('Субъекты РФ');
    const values = sheet
      ?.getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(values).toEqual([
      ['Код', 'Субъект РФ', 'Муниципальных образований', 'Образовательных организаций'],
      ['05', 'Республика Дагестан', 2, 7],
      ['28', 'Амурская область', 4, 1016],
      ['Итого', undefined, 6, 1023],
    ]);
  });

  it('keeps codes as text, so a leading zero survives', async () => {
    const workbook = await readSheet(
      await tableToXlsx({ sheetName: 'S', title: 'T', columns: REGION_COLUMNS, rows: regions }),
    );
    expect(workbook.getWorksheet('S')?.getCell('A2').value).toBe('05');
    expect(workbook.getWorksheet('S')?.rowCount).toBe(3);
  });
});

describe('tableToXlsx with shares and written totals', () => {
  interface Row {
    code: string;
    name: string;
    dueDone: number;
    dueByDate: number;
    share: number | null;
  }
  const columns = [
    { key: 'name', header: 'ОО', value: (row: Row) => row.name },
    {
      key: 'status',
      header: 'Состояние',
      value: (row: Row) => row.dueDone,
      text: (row: Row) => (row.dueDone > 0 ? 'согласована' : 'черновик'),
    },
    { key: 'dueDone', header: 'Выполнено', value: (row: Row) => row.dueDone, numeric: true },
    {
      key: 'share',
      header: 'Выполнение, %',
      value: (row: Row) => row.share,
      text: () => 'not exported',
      numeric: true,
      numberFormat: '0.0%',
    },
  ];
  const rows: Row[] = [
    { code: '1', name: 'СОШ № 1', dueDone: 1, dueByDate: 17, share: 1 / 17 },
    { code: '2', name: 'СОШ № 4', dueDone: 0, dueByDate: 3, share: 0 },
  ];

  it('writes text columns as shown and numbers as numbers in their format, with the given totals row', async () => {
    const workbook = await readSheet(
      await tableToXlsx({
        sheetName: 'S',
        title: 'T',
        columns,
        rows,
        totalsRow: { code: '', name: '', dueDone: 1, dueByDate: 20, share: 0.05 },
      }),
    );
    const sheet = workbook.getWorksheet('S');
    const values = sheet
      ?.getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(values).toEqual([
      ['ОО', 'Состояние', 'Выполнено', 'Выполнение, %'],
      ['СОШ № 1', 'согласована', 1, 1 / 17],
      ['СОШ № 4', 'черновик', 0, 0],
      ['Итого', undefined, 1, 0.05],
    ]);
    expect(sheet?.getColumn(4).numFmt).toBe('0.0%');
    expect(sheet?.getColumn(3).numFmt).toBe('#,##0');
  });
});

describe('xlsxResponse', () => {
  it('offers the file for download under its Russian name with an ASCII fallback', () => {
    const response = xlsxResponse(new ArrayBuffer(1), {
      ascii: 'organizations-10712000.xlsx',
      russian: 'ОО — город "Зея"/1\\2.xlsx',
    });
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toContain('filename="organizations-10712000.xlsx"');
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('ОО — город Зея 1 2.xlsx');
  });
});
