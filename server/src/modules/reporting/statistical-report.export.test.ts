import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import {
  addParticipant,
  adult,
  COORDINATOR,
  CURATOR_1,
  CURATOR_4,
  pupil,
  setContingentOk,
  workingGroup,
} from '../../../test/report-fixture.js';
import { CORRECTED_FILL, CROSSED, NOT_REPORTED } from './statistical-report.export.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  const mentor = await addParticipant(api, CURATOR_1, pupil('Жукова', '2009-04-10', '10А', 'mentor'));
  const mentee = await addParticipant(api, CURATOR_1, pupil('Зайцев', '2013-06-01', '6Б', 'mentee'));
  const teacher = await addParticipant(
    api,
    CURATOR_1,
    adult('TEACHER', 'Иванова', '1970-01-01', 'mentor', { teachingExperienceYears: 30, maxLoad: 4 }),
  );
  await workingGroup(api, CURATOR_1, 'PUPIL_PUPIL', [mentor], [mentee]);
  await workingGroup(api, CURATOR_1, 'TEACHER_PUPIL', [teacher], [mentee]);
  const student = await addParticipant(
    api,
    CURATOR_4,
    adult('STUDENT', 'Кузнецов', '2005-05-05', 'mentor', { gradeOrCourse: '2 курс' }),
  );
  const pupil4 = await addParticipant(api, CURATOR_4, pupil('Лебедева', '2011-09-01', '8А', 'mentee'));
  await workingGroup(api, CURATOR_4, 'STUDENT_PUPIL', [student], [pupil4]);
  await setContingentOk(api, CURATOR_1, '280001', 2025, { pupilsTotal: 400, pupils10to18: 250 });
  const corrected = await api.graphql(
    `mutation { correctReportCell(input: { formCode: "cmn", organizationCode: "280001", academicYear: 2025,
                cell: "26.3", value: 410, reason: "Зачислены 10 обучающихся в сентябре" }) { status } }`,
    {},
    CURATOR_1,
  );
  expect(corrected.errors).toBeUndefined();
});
afterAll(() => api.stop());

interface ApiReport {
  form: {
    title: string;
    sections: {
      code: string;
      columns: { code: string }[];
      rows: { code: string; cells: { key: string; columnCode: string }[] }[];
    }[];
  };
  cells: { key: string; value: number | null; computedValue: number | null; corrected: boolean }[];
}

async function apiReport(unit: Record<string, string>, caller: Caller): Promise<ApiReport> {
  const response = await api.graphql<{ statisticalReport: ApiReport }>(
    `query($unit: UnitInput!) {
       statisticalReport(formCode: "cmn", unit: $unit, academicYear: 2025) {
         form { title sections { code columns { code } rows { code cells { key columnCode } } } }
         cells { key value computedValue corrected }
       }
     }`,
    { unit },
    caller,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.statisticalReport;
}

async function download(query: string, caller: Caller | null) {
  const url = api.url.replace(/\/graphql$/, `/exports/statistical-report.xlsx?${query}`);
  const headers: Record<string, string> = caller?.user
    ? { authorization: `Bearer ${await api.tokenFor(caller.user)}` }
    : {};
  return fetch(url, { headers });
}

async function sheetOf(response: Response): Promise<ExcelJS.Worksheet> {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
}

const text = (cell: ExcelJS.Cell) =>
  cell.value === null || cell.value === undefined ? '' : String(cell.value);

/** The sheet's cell of each form cell: the row by its number in column 2, the column by the section's order. */
function sheetCells(sheet: ExcelJS.Worksheet, report: ApiReport): Map<string, ExcelJS.Cell> {
  const rowsByCode = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row) => {
    if (/^\d{2}$/.test(text(row.getCell(2)))) rowsByCode.set(text(row.getCell(2)), row);
  });
  const cells = new Map<string, ExcelJS.Cell>();
  for (const section of report.form.sections) {
    for (const formRow of section.rows) {
      for (const cell of formRow.cells) {
        const column = section.columns.findIndex((candidate) => candidate.code === cell.columnCode);
        cells.set(cell.key, rowsByCode.get(formRow.code)!.getCell(column + 3));
      }
    }
  }
  return cells;
}

/** Every value of the API's report is in the sheet, in its row and column. */
function expectSameValues(sheet: ExcelJS.Worksheet, report: ApiReport) {
  const cells = sheetCells(sheet, report);
  expect(cells.size).toBe(report.cells.length);
  for (const cell of report.cells) {
    const sheetValue = cells.get(cell.key)!.value;
    expect([cell.key, sheetValue]).toEqual([
      cell.key,
      cell.value ?? expect.stringMatching(`^(${NOT_REPORTED}|—)$`),
    ]);
  }
}

describe('GET /exports/statistical-report.xlsx', () => {
  it('gives a school its report in the form’s layout, values equal to the API’s', async () => {
    const response = await download('form=cmn&level=ORGANIZATION&code=280001&year=2025', CURATOR_1);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="statistical-report-cmn-280001-2025\.xlsx"/,
    );
    const sheet = await sheetOf(response);
    const report = await apiReport({ level: 'ORGANIZATION', code: '280001' }, CURATOR_1);
    expect(text(sheet.getCell('A1'))).toBe('Сведения о реализации целевой модели наставничества');
    expect(text(sheet.getCell('A2'))).toBe('за 2025/2026 учебный год');
    expect(text(sheet.getCell('A3'))).toBe('МОАУ СОШ № 1 (код ОО 280001)');
    expect(text(sheet.getCell('A4'))).toBe('Состояние отчёта: черновик; срок представления ОО — 20.06.2026.');
    expect(text(sheet.getCell('A5'))).toMatch(/^Макет формы разработан для системы «Наставник»/);
    expectSameValues(sheet, report);
    const cells = sheetCells(sheet, report);
    expect(cells.get('07.3')!.value).toBe(1);
    expect(cells.get('07.4')!.value).toBe(2);
    expect(cells.get('28.3')!.value).toBe(NOT_REPORTED);
  });

  it('marks a corrected cell with colour and a note of the computed value and the reason', async () => {
    const sheet = await sheetOf(
      await download('form=cmn&level=ORGANIZATION&code=280001&year=2025', CURATOR_1),
    );
    const report = await apiReport({ level: 'ORGANIZATION', code: '280001' }, CURATOR_1);
    const cells = sheetCells(sheet, report);
    const corrected = cells.get('26.3')!;
    expect(corrected.value).toBe(410);
    expect(corrected.fill).toEqual(CORRECTED_FILL);
    expect(corrected.note).toBe(
      'Исправлено вручную. Вычислено по данным системы: 400. Причина: Зачислены 10 обучающихся в сентябре',
    );
    expect(cells.get('07.3')!.note).toBeUndefined();
    expect(cells.get('07.3')!.fill).not.toEqual(CORRECTED_FILL);
  });

  it('sums the municipality’s schools with their corrections, like the API', async () => {
    const sheet = await sheetOf(
      await download('form=cmn&level=MUNICIPALITY&code=10712000&year=2025', COORDINATOR),
    );
    const report = await apiReport({ level: 'MUNICIPALITY', code: '10712000' }, COORDINATOR);
    expect(text(sheet.getCell('A3'))).toBe('город Зея (ОКТМО 10712000)');
    expect(text(sheet.getCell('A4'))).toBe(
      'Сумма итоговых значений 2 ОО; срок представления ОО — 20.06.2026.',
    );
    expectSameValues(sheet, report);
    const cells = sheetCells(sheet, report);
    expect([cells.get('07.3')!.value, cells.get('07.4')!.value, cells.get('26.3')!.value]).toEqual([
      2, 3, 410,
    ]);
    expect(cells.get('26.3')!.note).toBe('Включает исправления 1 ОО. Без исправлений: 400.');
  });

  it('exports the whole country for the federal analyst', async () => {
    const sheet = await sheetOf(
      await download('form=cmn&level=FEDERATION&year=2025', { user: 'analyst.rf' }),
    );
    expect(text(sheet.getCell('A3'))).toBe('Российская Федерация');
    expectSameValues(sheet, await apiReport({ level: 'FEDERATION' }, { user: 'analyst.rf' }));
  });

  it('prints on portrait A4 one page wide: numbered rows and columns, crossed empty cells, signature lines', async () => {
    const sheet = await sheetOf(
      await download('form=cmn&level=ORGANIZATION&code=280001&year=2025', CURATOR_1),
    );
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
    });
    // A merged title is one cell, however many columns it spans: its first column's.
    const continued = new Set(
      sheet.model.merges.flatMap((range) => {
        const [from, to] = range.split(':').map((address) => sheet.getCell(address!));
        return Array.from(
          { length: Number(to!.col) - Number(from!.col) },
          (_, index) => sheet.getCell(Number(from!.row), Number(from!.col) + index + 1).address,
        );
      }),
    );
    const lines: string[] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        if (!continued.has(cell.address)) cells.push(text(cell));
      });
      lines.push(cells.filter(Boolean).join(' | '));
    });
    expect(lines).toContain('Раздел 1. Участники программ наставничества по категориям');
    expect(lines).toContain('Наименование показателя | № строки | Наставляемые, чел. | Наставники, чел.');
    expect(lines).toContain('1 | 2 | 3 | 4');
    expect(lines).toContain(`Всего пар и групп (сумма строк 08–13) | 14 | 2 | ${CROSSED}`);
    expect(lines).toContain('Руководитель | _______________ | _______________');
    expect(lines).toContain('(подпись) | (Ф. И. О.)');
    expect(lines.at(-1)).toBe('«___» ____________ 20___ г.');
  });

  it('answers 404 outside the caller’s scope, for unknown units and forms; 400 for bad parameters', async () => {
    const statuses = await Promise.all([
      download('form=cmn&level=ORGANIZATION&code=280001&year=2025', CURATOR_4),
      download('form=cmn&level=MUNICIPALITY&code=10712000&year=2025', { user: 'coordinator.lyskovo' }),
      download('form=cmn&level=MUNICIPALITY&code=10712000&year=2025', CURATOR_1),
      download('form=cmn&level=FEDERATION&year=2025', { user: 'analyst.28' }),
      download('form=cmn&level=ORGANIZATION&code=999999&year=2025', { user: 'analyst.rf' }),
      download('form=nope&level=FEDERATION&year=2025', { user: 'analyst.rf' }),
      download('form=cmn&level=COUNTRY&year=2025', { user: 'analyst.rf' }),
      download('form=cmn&level=FEDERATION&year=2025', null),
    ]);
    expect(statuses.map((response) => response.status)).toEqual([404, 404, 404, 404, 404, 404, 400, 401]);
  });
});
