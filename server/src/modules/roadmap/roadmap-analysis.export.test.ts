import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { systemCaller } from '../access/access-scope.js';
import { ANALYSIS_COLUMNS } from './roadmap-analysis.export.js';
import { municipalAnalysisDocument, xlsxOf } from './roadmap-import.fixtures.js';
import type { RoadmapImportReport } from './roadmap-import.report.js';
import { saveRoadmapPlan } from './roadmap-plan.service.js';
import { RoadmapLevel } from './roadmap.enums.js';

let api: TestServer;
let zeyaRoadmapId: number;

const IMPORT = /* GraphQL */ `
  mutation Import($input: RoadmapImportInput!) {
    importRoadmap(input: $input) {
      outcome
      roadmapId
      items
      problems {
        row
        message
      }
    }
  }
`;

async function importAnalysis(content: Buffer, title?: string) {
  const response = await api.graphql<{ importRoadmap: RoadmapImportReport }>(
    IMPORT,
    {
      input: {
        fileName: 'Анализ.xlsx',
        contentBase64: content.toString('base64'),
        academicYear: 2020,
        title,
      },
    },
    { user: 'coordinator.zeya' },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.importRoadmap;
}

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  const report = await importAnalysis(await xlsxOf(municipalAnalysisDocument()));
  expect(report.problems).toEqual([]);
  zeyaRoadmapId = Number(report.roadmapId);

  // Благовещенск keeps a roadmap too: nobody from Зея may download it.
  const [blagoveshchensk] = await sql<{ id: number; region_id: number }>(
    `select id, region_id from municipality where code = '10701000'`,
  );
  await api.orm.em.fork().transactional((tx) =>
    saveRoadmapPlan(
      tx,
      systemCaller('test'),
      {
        level: RoadmapLevel.MUNICIPALITY,
        regionId: blagoveshchensk!.region_id,
        municipalityId: blagoveshchensk!.id,
        organizationId: null,
      },
      {
        title: 'Дорожная карта г. Благовещенска',
        periodFrom: '2020-09-01',
        periodTo: '2021-08-31',
        sections: [
          { title: 'Организация', items: [{ title: 'Рабочая группа', dueWording: 'Сентябрь 2020' }] },
        ],
      },
      'roadmap.plan',
    ),
  );
});
afterAll(() => api.stop());

async function sql<Row = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<Row[]> {
  return api.orm.em.getConnection().execute<Row[]>(query, params);
}

/** GET the export as the dashboard's server would: with the user's bearer token. */
async function download(query: string, user: string | null = 'coordinator.zeya') {
  const url = api.url.replace(/\/graphql$/, `/exports/roadmap-analysis.xlsx?${query}`);
  const headers: Record<string, string> = user ? { authorization: `Bearer ${await api.tokenFor(user)}` } : {};
  return fetch(url, { headers });
}

async function workbookOf(response: Response): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
}

const text = (cell: ExcelJS.Cell) =>
  cell.value === null || cell.value === undefined ? '' : String(cell.value);

describe('GET /exports/roadmap-analysis.xlsx: «Анализ реализации дорожной карты» of a municipality', () => {
  it('gives the coordinator the analysis in the document’s layout, marks as in the database', async () => {
    const response = await download('municipality=10712000&academicYear=2020');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="roadmap-analysis-10712000-2020\.xlsx"/,
    );
    const sheet = await workbookOf(response);

    expect(text(sheet.getCell('A1'))).toBe('Анализ реализации «Дорожной карты»');
    expect(text(sheet.getCell('A2'))).toMatch(
      /^внедрения целевой модели наставничества на территории .*«город Зея»$/,
    );
    expect(text(sheet.getCell('A3'))).toBe('за 2020/2021 учебный год');
    expect([1, 2, 3, 4, 5, 6].map((column) => text(sheet.getRow(5).getCell(column)))).toEqual([
      '№ п/п',
      'Наименование мероприятий',
      'Срок реализации',
      'Ответственный исполнитель',
      'Результат. Вид документа',
      'Отметка о выполнении',
    ]);

    const sections = await sql<{ position: number; title: string }>(
      `select position, title from roadmap_section where roadmap_id = ? order by position`,
      [zeyaRoadmapId],
    );
    const items = await sql<{
      number: string;
      title: string;
      due: string;
      status: string;
      note: string | null;
    }>(
      `select number, title, due_wording as due, status, completion_note as note
       from roadmap_item where roadmap_id = ? order by position`,
      [zeyaRoadmapId],
    );
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber > 5) rows.push(row);
    });
    const sectionRows = rows.filter((row) => row.getCell(2).isMerged);
    expect(sectionRows.map((row) => text(row.getCell(1)))).toEqual(
      sections.map((section) => `${section.position}. ${section.title}`),
    );
    expect(sectionRows).toHaveLength(7);

    const itemRows = rows.filter((row) => !row.getCell(2).isMerged);
    expect(itemRows).toHaveLength(46);
    const expectedMark = { DONE: 'выполнено', NOT_DONE: 'не выполнено', PLANNED: '' } as Record<
      string,
      string
    >;
    itemRows.forEach((row, index) => {
      const item = items[index]!;
      expect(text(row.getCell(1))).toBe(item.number);
      expect(text(row.getCell(2))).toBe(item.title);
      expect(text(row.getCell(3))).toBe(item.due);
      const [mark, ...rest] = text(row.getCell(6)).split('\n');
      expect({ title: item.title, mark }).toEqual({
        title: item.title,
        mark: expectedMark[item.status] ?? 'unexpected status',
      });
      if (item.note) expect(rest.join('\n')).toContain(item.note);
    });
    expect(itemRows.filter((row) => text(row.getCell(6)).startsWith('не выполнено'))).toHaveLength(3);
    expect(itemRows.filter((row) => text(row.getCell(6)) === '')).toHaveLength(3);
  });

  it('prints on landscape A4, one page wide, the header row repeated, text wrapped in bordered cells', async () => {
    const sheet = await workbookOf(await download('municipality=10712000&academicYear=2020'));
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '5:5',
    });
    const item = sheet.getCell('B7');
    expect(item.alignment).toMatchObject({ wrapText: true });
    expect(item.border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(sheet.getCell('F5').border).toMatchObject({ left: { style: 'thin' }, right: { style: 'thin' } });
    expect(ANALYSIS_COLUMNS.map((_column, index) => sheet.getColumn(index + 1).width)).toEqual(
      ANALYSIS_COLUMNS.map((column) => column.width),
    );
  });

  it('reads back as the same roadmap: importing the export changes nothing', async () => {
    const [roadmap] = await sql<{ title: string }>(`select title from roadmap where id = ?`, [zeyaRoadmapId]);
    const exported = Buffer.from(
      await (await download('municipality=10712000&academicYear=2020')).arrayBuffer(),
    );
    const report = await importAnalysis(exported, roadmap!.title);
    expect(report).toMatchObject({
      outcome: 'UNCHANGED',
      roadmapId: String(zeyaRoadmapId),
      items: 46,
      problems: [],
    });
  });

  it.each([
    [
      'a school curator, for another municipality’s roadmap',
      'curator.zeya1',
      'municipality=10701000&academicYear=2020',
    ],
    ['another region’s coordinator', 'coordinator.lyskovo', 'municipality=10712000&academicYear=2020'],
    [
      'the coordinator, for a year without a roadmap',
      'coordinator.zeya',
      'municipality=10712000&academicYear=2021',
    ],
    [
      'the coordinator, for an unknown municipality',
      'coordinator.zeya',
      'municipality=99999999&academicYear=2020',
    ],
  ])('answers 404 with no detail to %s', async (_who, user, query) => {
    const response = await download(query, user);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toMatch(/spreadsheetml/);
    expect(await response.text()).not.toMatch(/Зея|Благовещ|roadmap|дорожн/i);
  });

  it('lets the region and the federal analyst download it, the same file as the coordinator’s', async () => {
    const coordinator = await (await download('municipality=10712000&academicYear=2020')).arrayBuffer();
    for (const user of ['analyst.28', 'analyst.rf']) {
      const response = await download('municipality=10712000&academicYear=2020', user);
      expect(response.status).toBe(200);
      const sheet = await workbookOf(response);
      expect(sheet.rowCount).toBe((await workbookOfBuffer(coordinator)).rowCount);
    }
  });

  it('needs a token (401) and both parameters (400)', async () => {
    expect((await download('municipality=10712000&academicYear=2020', null)).status).toBe(401);
    expect((await download('municipality=10712000')).status).toBe(400);
    expect((await download('municipality=Зея&academicYear=2020')).status).toBe(400);
  });
});

async function workbookOfBuffer(buffer: ArrayBuffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
}
