import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';
import {
  csvOf,
  documentItems,
  municipalAnalysisDocument,
  schoolRoadmapDocument,
  xlsxOf,
  xlsxOfRows,
  type RoadmapDocument,
} from './roadmap-import.fixtures.js';
import type { RoadmapImportReport } from './roadmap-import.report.js';
import { planFromTemplate, ROADMAP_TEMPLATES } from './roadmap-templates.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
});
afterAll(() => api.stop());
beforeEach(() =>
  sql(
    'truncate roadmap_item, roadmap_section, roadmap, audit_record, organization_summary, municipality_summary, region_summary restart identity',
  ),
);

const IMPORT = /* GraphQL */ `
  mutation Import($input: RoadmapImportInput!) {
    importRoadmap(input: $input) {
      dryRun
      applied
      outcome
      roadmapId
      title
      periodFrom
      periodTo
      sections
      items
      itemsByStatus {
        status
        items
      }
      unparsedDeadlines {
        sheet
        row
        wording
        problem
      }
      problems {
        sheet
        row
        column
        message
      }
    }
  }
`;

interface ImportInput {
  academicYear?: number;
  periodFrom?: string;
  periodTo?: string;
  title?: string;
  dryRun?: boolean;
  fileName?: string;
}

async function importAs(user: string, content: Buffer | string, input: ImportInput = { academicYear: 2020 }) {
  const contentBase64 = typeof content === 'string' ? content : content.toString('base64');
  return api.graphql<{ importRoadmap: RoadmapImportReport }>(
    IMPORT,
    { input: { fileName: 'Дорожная карта.xlsx', contentBase64, ...input } },
    { user },
  );
}

/** The report of an import that must succeed at the GraphQL level. */
async function reportOf(user: string, content: Buffer | string, input?: ImportInput) {
  const response = await importAs(user, content, input);
  expect(response.errors).toBeUndefined();
  return response.data!.importRoadmap;
}

async function sql<Row = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<Row[]> {
  return api.orm.em.getConnection().execute<Row[]>(query, params);
}

/** Every roadmap row, section, item and audit record, ids included: equal snapshots mean nothing was written. */
async function snapshot() {
  const [row] = await sql(`
    select (select count(*) from roadmap)::int as roadmaps,
           (select count(*) from roadmap_item)::int as items,
           (select count(*) from audit_record)::int as audit_records,
           md5(concat((select string_agg(r::text, '|' order by r.id) from roadmap r),
                      (select string_agg(s::text, '|' order by s.id) from roadmap_section s),
                      (select string_agg(i::text, '|' order by i.id) from roadmap_item i))) as checksum`);
  return row;
}

interface StoredItem {
  row: number;
  section: string | null;
  number: string | null;
  title: string;
  due: string;
  due_kind: string;
  responsible: string | null;
  result: string | null;
  status: string;
  completion_note: string | null;
  evidence_order_number: string | null;
  evidence_order_date: string | null;
  evidence_link: string | null;
  completed_at: string | null;
}

function storedItems(roadmapId: string | number) {
  return sql<StoredItem>(
    `select s.title as section, i.number, i.title, i.due_wording as due, i.due_kind, i.responsible,
            i.expected_result as result, i.status, i.completion_note, i.evidence_order_number,
            i.evidence_order_date::text, i.evidence_link, i.completed_at::text
     from roadmap_item i left join roadmap_section s on s.id = i.section_id
     where i.roadmap_id = ? order by i.position`,
    [Number(roadmapId)],
  );
}

/** The document's events as the database should hold them (no status: that is tested apart). */
function expectedItems(document: RoadmapDocument) {
  return documentItems(document).items.map((item) => ({
    section: item.section,
    number: item.number,
    title: item.title,
    due: item.due,
    responsible: item.responsible || null,
    result: item.result || null,
  }));
}

const statusCounts = (counts: Partial<Record<string, number>>) =>
  ['PLANNED', 'IN_PROGRESS', 'DONE', 'NOT_DONE', 'CANCELLED'].map((status) => ({
    status,
    items: counts[status] ?? 0,
  }));

/** «2.4» is the 4th event of section 2, as the analysis numbers them within each section. */
function sectionNumbered(items: StoredItem[]) {
  const sections = [...new Set(items.map((item) => item.section))];
  return items.map((item) => ({
    ...item,
    key: `${sections.indexOf(item.section) + 1}.${item.number!.replace(/\.$/, '')}`,
  }));
}

describe('importRoadmap: the school roadmap of seed 000 (Мероприятие / Сроки / Ответственные)', () => {
  it('imports every event as the curator’s own school roadmap, each deadline exactly as written', async () => {
    const document = schoolRoadmapDocument();
    const report = await reportOf('curator.zeya1', await xlsxOf(document));

    expect(report).toMatchObject({
      dryRun: false,
      applied: true,
      outcome: 'CREATED',
      problems: [],
      unparsedDeadlines: [],
      sections: 0,
      items: 34,
      itemsByStatus: statusCounts({ PLANNED: 34 }),
      periodFrom: '2020-09-01',
      periodTo: '2021-08-31',
      title:
        'Дорожная карта внедрения целевой модели наставничества в Муниципальном бюджетном ' +
        'общеобразовательном учреждении средней школе №3 г.Лысково на 2020/2021 учебный год',
    });
    const [roadmap] = await sql(
      `select r.level, r.status, r.title, r.period_from::text, r.period_to::text, o.code as organization,
              m.code as municipality, g.code as region
       from roadmap r join organization o on o.id = r.organization_id
       join municipality m on m.id = r.municipality_id join region g on g.id = r.region_id
       where r.id = ?`,
      [Number(report.roadmapId)],
    );
    expect(roadmap).toEqual({
      level: 'ORGANIZATION',
      status: 'DRAFT',
      title: report.title,
      period_from: '2020-09-01',
      period_to: '2021-08-31',
      organization: '280001',
      municipality: '10712000',
      region: '28',
    });

    const items = await storedItems(report.roadmapId!);
    expect(
      items.map(({ section, number, title, due, responsible, result }) => ({
        section,
        number,
        title,
        due,
        responsible,
        result,
      })),
    ).toEqual(expectedItems(document));
    // Spot checks against the document itself, not the fixture's reading of it.
    expect(items[20]).toMatchObject({
      title: 'Проведение второй, пробной рабочей, встречи наставника и наставляемого.',
      due: '1 неделя ноября',
    });
    expect(items.at(-1)).toMatchObject({ due: 'Июнь 2021', responsible: 'Администрация ОО, рабочая группа' });
    expect(items.every((item) => item.status === 'PLANNED' && item.due_kind !== 'UNPARSED')).toBe(true);
  });

  it('belongs to the curator’s school only: another school’s curator does not see it', async () => {
    const report = await reportOf('curator.zeya1', await xlsxOf(schoolRoadmapDocument()));
    const query = `query($id: ID!) { roadmap(id: $id) { id title } }`;

    const own = await api.graphql<{ roadmap: { id: string } | null }>(
      query,
      { id: report.roadmapId },
      { user: 'curator.zeya1' },
    );
    expect(own.data?.roadmap?.id).toBe(report.roadmapId);
    const neighbour = await api.graphql<{ roadmap: { id: string } | null }>(
      query,
      { id: report.roadmapId },
      { user: 'curator.zeya4' },
    );
    if (neighbour.errors) expect(neighbour.errors[0]!.extensions?.code).toBe('NOT_FOUND');
    else expect(neighbour.data?.roadmap).toBeNull();
    const [owners] = await sql(`select count(distinct organization_id)::int as schools from roadmap`);
    expect(owners).toEqual({ schools: 1 });
  });

  it('reads the same roadmap from a CSV saved by Excel as from the XLSX: the second import changes nothing', async () => {
    const document = schoolRoadmapDocument();
    const fromXlsx = await reportOf('curator.zeya1', await xlsxOf(document));
    const before = await snapshot();

    const fromCsv = await reportOf('curator.zeya1', csvOf(document), {
      academicYear: 2020,
      fileName: 'карта.csv',
    } as ImportInput);
    expect(fromCsv).toMatchObject({
      applied: true,
      outcome: 'UNCHANGED',
      roadmapId: fromXlsx.roadmapId,
      items: 34,
      problems: [],
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('importRoadmap: the municipal analysis of seed 003 (six columns, sections, continuation lines, marks)', () => {
  const NOT_DONE = ['1.9', '1.11', '2.4'];
  const UNMARKED = ['2.8', '4.3', '5.2'];

  it('imports all 46 events in 7 sections as the coordinator’s municipal roadmap, deadlines verbatim', async () => {
    const document = municipalAnalysisDocument();
    const report = await reportOf('coordinator.zeya', await xlsxOf(document));

    expect(report).toMatchObject({
      applied: true,
      outcome: 'CREATED',
      problems: [],
      unparsedDeadlines: [],
      sections: 7,
      items: 46,
      itemsByStatus: statusCounts({ DONE: 40, NOT_DONE: 3, PLANNED: 3 }),
    });
    expect(report.title).toMatch(
      /^Дорожная карта внедрения методологии \(целевой модели\) наставничества обучающихся/,
    );
    expect(report.title).toMatch(/на территории города Зеи за 2020-2021 учебный год$/);

    const [roadmap] = await sql(
      `select r.level, r.organization_id, m.code as municipality from roadmap r
       join municipality m on m.id = r.municipality_id where r.id = ?`,
      [Number(report.roadmapId)],
    );
    expect(roadmap).toEqual({ level: 'MUNICIPALITY', organization_id: null, municipality: '10712000' });
    const sections = await sql<{ title: string }>(
      `select title from roadmap_section where roadmap_id = ? order by position`,
      [Number(report.roadmapId)],
    );
    expect(sections.map((section) => section.title)).toEqual(documentItems(document).sections);
    expect(sections.map((section) => section.title.slice(0, 30))).toEqual([
      'Нормативное правовое регулиров',
      'Организационная, методическая,',
      'Внедрение целевой модели наста',
      'Содействие распространению и в',
      'Мониторинг и оценка результато',
      'Мониторинг процесса реализации',
      'Координация и управление реали',
    ]);

    const items = await storedItems(report.roadmapId!);
    expect(
      items.map(({ section, number, title, due, responsible, result }) => ({
        section,
        number,
        title,
        due,
        responsible,
        result,
      })),
    ).toEqual(expectedItems(document));
    const keyed = sectionNumbered(items);
    expect(keyed.filter((item) => item.status === 'NOT_DONE').map((item) => item.key)).toEqual(NOT_DONE);
    expect(keyed.filter((item) => item.status === 'PLANNED').map((item) => item.key)).toEqual(UNMARKED);
    expect(keyed.filter((item) => item.status === 'DONE')).toHaveLength(40);
  });

  it('joins cells broken over a page and keeps marks, notes and the order behind them', async () => {
    const report = await reportOf('coordinator.zeya', await xlsxOf(municipalAnalysisDocument()));
    const items = Object.fromEntries(
      sectionNumbered(await storedItems(report.roadmapId!)).map((item) => [item.key, item]),
    );

    expect(items['1.1']).toMatchObject({
      status: 'DONE',
      evidence_order_number: '304-од',
      evidence_order_date: '2020-09-24',
      evidence_link: 'https://www.ooazeya.ru/sites/default/files/doc/pr304.pdf',
      completed_at: '2020-09-24',
    });
    expect(items['1.1']!.completion_note).toMatch(/^Издан приказ ООА от 24\.09\.2020 № 304-од/);
    // A list of schools is a statement of what was done, and «СОШ № 1» is no order number.
    expect(items['1.3']).toMatchObject({
      status: 'DONE',
      completion_note: 'МОАУ СОШ № 1 МОАУ СОШ № 4 МОАУ СОШ № 5 МБОУ ДО ДДТ «Ровесник» МБОУ ДО ДЮСШ № 2',
      evidence_order_number: null,
    });
    expect(items['1.9']).toMatchObject({
      status: 'NOT_DONE',
      responsible: 'Лысенко С.Н. Белоглазова А.С., кураторы внедрения',
      completion_note: 'Не заключено ни одного соглашения о сотрудничестве с организациями-партнерами',
      completed_at: null,
    });
    expect(items['1.11']).toMatchObject({ status: 'NOT_DONE', completion_note: 'Не разработаны' });
    expect(items['2.4']).toMatchObject({ status: 'NOT_DONE', completion_note: null });
    expect(items['3.1']).toMatchObject({ status: 'DONE', completion_note: null, completed_at: '2020-12-31' });
    expect(items['3.10']).toMatchObject({
      title:
        'Оценка участников-наставников по заданным параметрам, необходимым для будущего сравнения и мониторинга влияния программ на всех участников',
      due: 'До начала организации работы наставнических пар',
      due_kind: 'EXTERNAL_SCHEDULE',
      result: 'Получены исходные данные для дальнейшего мониторинга',
    });
    expect(items['2.11']).toMatchObject({ evidence_order_number: '12', evidence_order_date: '2021-03-12' });
    expect(items['2.8']).toMatchObject({ status: 'PLANNED', completion_note: null, completed_at: null });
  });

  it('importing the same file again changes nothing (UNCHANGED, database identical)', async () => {
    const file = await xlsxOf(municipalAnalysisDocument());
    const first = await reportOf('coordinator.zeya', file);
    const before = await snapshot();

    const again = await reportOf('coordinator.zeya', file);
    expect(again).toMatchObject({
      applied: true,
      outcome: 'UNCHANGED',
      roadmapId: first.roadmapId,
      items: 46,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a changed mark replaces the plan of the draft (UPDATED)', async () => {
    const document = municipalAnalysisDocument();
    const first = await reportOf('coordinator.zeya', await xlsxOf(document));
    const line = document.rows.findIndex((cells) =>
      cells[1]?.startsWith('Разработка программно-методических'),
    );
    document.rows[line]![5] = 'выполнено';

    const changed = await reportOf('coordinator.zeya', await xlsxOf(document));
    expect(changed).toMatchObject({
      outcome: 'UPDATED',
      roadmapId: first.roadmapId,
      itemsByStatus: statusCounts({ DONE: 41, NOT_DONE: 3, PLANNED: 2 }),
    });
    const [item] = await sql(
      `select status from roadmap_item where roadmap_id = ? and title like 'Разработка программно-методических%'`,
      [Number(first.roadmapId)],
    );
    expect(item).toEqual({ status: 'DONE' });
  });

  it('a dry run tells what the import would do and writes nothing', async () => {
    const document = municipalAnalysisDocument();
    const empty = await snapshot();
    const wouldCreate = await reportOf('coordinator.zeya', await xlsxOf(document), {
      academicYear: 2020,
      dryRun: true,
    });
    expect(wouldCreate).toMatchObject({
      dryRun: true,
      applied: false,
      outcome: 'CREATED',
      roadmapId: null,
      items: 46,
      sections: 7,
      problems: [],
    });
    expect(await snapshot()).toEqual(empty);

    const created = await reportOf('coordinator.zeya', await xlsxOf(document));
    const before = await snapshot();
    document.rows[document.rows.findIndex((cells) => cells[5] === 'Не выполнено')]![5] = 'выполнено';
    const wouldUpdate = await reportOf('coordinator.zeya', await xlsxOf(document), {
      academicYear: 2020,
      dryRun: true,
    });
    expect(wouldUpdate).toMatchObject({
      dryRun: true,
      applied: false,
      outcome: 'UPDATED',
      roadmapId: created.roadmapId,
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('importRoadmap: files it cannot take, and warnings that do not stop it', () => {
  const HEADER = ['№ п/п', 'Наименование мероприятий', 'Срок реализации', 'Ответственный исполнитель'];

  it('names the missing column at the header row and writes nothing', async () => {
    const file = await xlsxOfRows([
      ['Дорожная карта'],
      [],
      ['№ п/п', 'Мероприятие', 'Ответственные'],
      ['1.', 'Информирование', 'Администрация ОО'],
    ]);
    const report = await reportOf('curator.zeya1', file);
    expect(report).toMatchObject({ applied: false, outcome: null, roadmapId: null });
    expect(report.problems).toEqual([
      { sheet: 'Лист1', row: 3, column: 'Сроки', message: expect.stringMatching(/Нет столбца «Сроки»/) },
    ]);
    expect(await snapshot()).toMatchObject({ roadmaps: 0, items: 0, audit_records: 0 });
  });

  it.each([
    [
      'an image',
      Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
      /не является таблицей/,
    ],
    ['a ZIP archive that is no workbook', Buffer.from('504b0304140000000000', 'hex'), /не является таблицей/],
    ['an Excel 97–2003 file', Buffer.from('d0cf11e0a1b11ae10000000000000000', 'hex'), /XLS/],
    ['an empty file', Buffer.alloc(0), /Файл пуст/],
    ['a workbook with nothing in it', null, /Файл пуст/],
  ])('refuses %s as a whole-file problem (row 0) and writes nothing', async (_name, content, message) => {
    const file = content ?? (await xlsxOfRows([]));
    const report = await reportOf('curator.zeya1', file);
    expect(report).toMatchObject({
      applied: false,
      items: 0,
      problems: [{ row: 0, column: null, message: expect.stringMatching(message) }],
    });
    expect(await snapshot()).toMatchObject({ roadmaps: 0, audit_records: 0 });
  });

  it('reports content that is not base64 instead of failing', async () => {
    const report = await reportOf('curator.zeya1', 'это не base64!');
    expect(report.problems).toEqual([
      { sheet: null, row: 0, column: null, message: expect.stringMatching(/base64/) },
    ]);
  });

  it('an event without a title is a problem at its row, and the good rows around it are not written either', async () => {
    const file = await xlsxOfRows([
      HEADER,
      ['1.', 'Информирование педагогов', 'Сентябрь 2020', 'Администрация ОО'],
      ['2.', '', 'Октябрь 2020', 'Рабочая группа'],
      ['3.', 'Формирование базы наставников', 'Октябрь 2020', 'Рабочая группа'],
    ]);
    const report = await reportOf('curator.zeya1', file);
    expect(report.problems).toEqual([
      { sheet: 'Лист1', row: 3, column: 'Наименование мероприятий', message: 'Не указано мероприятие' },
    ]);
    expect(report).toMatchObject({ applied: false, items: 3 });
    expect(await snapshot()).toMatchObject({ roadmaps: 0 });
  });

  it('a header with nothing under it is a problem', async () => {
    const report = await reportOf('curator.zeya1', await xlsxOfRows([['Дорожная карта'], HEADER]));
    expect(report.problems).toEqual([
      { sheet: 'Лист1', row: 2, column: null, message: 'Под строкой заголовков нет ни одного мероприятия' },
    ]);
  });

  it('keeps a deadline it cannot read, flags it and lists it as a warning, not a problem', async () => {
    const file = await xlsxOfRows([
      ['№', 'Мероприятие', 'Сроки', 'Ответственные', 'Отметка о выполнении'],
      ['1', 'Информирование педагогов', 'Сентябрь 2020', 'Администрация ОО', 'Выполнено'],
      ['2', 'Встреча с выпускниками', 'когда соберутся выпускники', 'Рабочая группа', ''],
    ]);
    const report = await reportOf('curator.zeya1', file);
    expect(report).toMatchObject({
      applied: true,
      outcome: 'CREATED',
      problems: [],
      unparsedDeadlines: [
        { sheet: 'Лист1', row: 3, wording: 'когда соберутся выпускники', problem: expect.any(String) },
      ],
      itemsByStatus: statusCounts({ DONE: 1, PLANNED: 1 }),
    });
    const items = await storedItems(report.roadmapId!);
    expect(items[1]).toMatchObject({ due: 'когда соберутся выпускники', due_kind: 'UNPARSED' });
  });

  it('matches columns by their synonyms whatever the case and punctuation, and reads dates typed as dates', async () => {
    const file = await xlsxOfRows([
      [
        'N П/П',
        'НАИМЕНОВАНИЕ МЕРОПРИЯТИЯ:',
        'Сроки исполнения',
        'Исполнители',
        'Ожидаемый результат',
        'Отметка об исполнении',
      ],
      [1, 'Утверждение рабочей группы', new Date(Date.UTC(2020, 8, 5)), 'Директор', 'Приказ', 'исполнено'],
    ]);
    const report = await reportOf('curator.zeya1', file);
    expect(report).toMatchObject({ problems: [], items: 1, itemsByStatus: statusCounts({ DONE: 1 }) });
    expect((await storedItems(report.roadmapId!))[0]).toMatchObject({
      number: '1',
      title: 'Утверждение рабочей группы',
      due: '05.09.2020',
      responsible: 'Директор',
      result: 'Приказ',
      status: 'DONE',
    });
  });
});

describe('importRoadmap: period, title and who may import', () => {
  it('takes a multi-year period and the title given', async () => {
    const report = await reportOf('curator.zeya1', await xlsxOf(schoolRoadmapDocument()), {
      periodFrom: '2021-09-01',
      periodTo: '2024-08-31',
      title: 'Дорожная карта на 2021–2024 годы',
    });
    expect(report).toMatchObject({
      applied: true,
      periodFrom: '2021-09-01',
      periodTo: '2024-08-31',
      title: 'Дорожная карта на 2021–2024 годы',
    });
    const [roadmap] = await sql(
      `select title, period_from::text, period_to::text from roadmap where id = ?`,
      [Number(report.roadmapId)],
    );
    expect(roadmap).toEqual({
      title: 'Дорожная карта на 2021–2024 годы',
      period_from: '2021-09-01',
      period_to: '2024-08-31',
    });
  });

  it.each([
    [{ academicYear: 2020, periodFrom: '2020-09-01', periodTo: '2021-08-31' }, 'academicYear'],
    [{}, 'periodFrom'],
    [{ periodFrom: '2021-09-01', periodTo: '2021-02-30' }, 'periodTo'],
    [{ periodFrom: '2024-09-01', periodTo: '2021-08-31' }, 'periodTo'],
  ])('refuses an unclear period %j', async (period, field) => {
    const response = await importAs('curator.zeya1', await xlsxOf(schoolRoadmapDocument()), period);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot()).toMatchObject({ roadmaps: 0 });
  });

  it('is not open to analysts, who keep no roadmap', async () => {
    const response = await importAs('analyst.28', await xlsxOf(schoolRoadmapDocument()));
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toMatchObject({ roadmaps: 0 });
  });
});

describe('the standard municipal roadmap template (from seed 003)', () => {
  it('has the document’s 7 sections and 46 events, deadlines as the document words them for 2020/2021', () => {
    const template = ROADMAP_TEMPLATES.find((candidate) => candidate.code === 'municipality-standard')!;
    expect(template.level).toBe('MUNICIPALITY');
    const plan = planFromTemplate(template, 2020);
    const { sections, items } = documentItems(municipalAnalysisDocument());

    expect(plan.sections.map((section) => section.title)).toEqual(
      sections.map((title) =>
        title.replace('города Зеи в 2020-2021 учебном году', 'муниципалитета в текущем учебном году'),
      ),
    );
    expect(plan.sections.map((section) => section.items.length)).toEqual(
      plan.sections.map(
        (section) =>
          items.filter((item) => item.section?.slice(0, 40) === section.title!.slice(0, 40)).length,
      ),
    );
    const planned = plan.sections.flatMap((section) => section.items);
    expect(planned).toHaveLength(46);
    // Two corrections of the document: a typo, and «До 01.12.2021» for a step due before the pairs of December 2020.
    const corrected = (due: string) =>
      due
        .replace('установленным и', 'установленными')
        .replace(/^<p>|<\/p>$/g, '')
        .replace('До 01.12.2021', 'До 01.12.2020');
    expect(planned.map((item) => item.dueWording)).toEqual(items.map((item) => corrected(item.due)));
    expect(
      planned.every((item) => !/Лысенко|Белоглазова|Зе[ия]/.test(`${item.title} ${item.responsible}`)),
    ).toBe(true);
  });
});

it('keeps the indicator summary equal to a recomputation from the base rows', () =>
  expectSummaryConsistent(api));
