import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { expectError } from '../../../test/mentoring-fixture.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import type { ContingentImportReport } from './contingent.types.js';

let api: TestServer;
const CURATOR = { user: 'curator.zeya1' };
const ADMIN = { user: 'admin.28' };

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
});
afterAll(() => api.stop());

type Value = { figure: string; value: number | null; text: string; reportedOrganizations: number };
type ContingentData = {
  unit: { code: string | null };
  values: (Value & { organizations: number; complete: boolean })[];
};

const READ = `query($unit: UnitInput!, $year: Int!) {
  contingent(unit: $unit, academicYear: $year) {
    unit { code } values { figure value text reportedOrganizations organizations complete }
  }
}`;

async function read(
  unit: { level: string; code?: string },
  year = 2025,
  caller: Caller = { user: 'analyst.rf' },
) {
  const result = await api.graphql<{ contingent: ContingentData }>(READ, { unit, year }, caller);
  expect(result.errors).toBeUndefined();
  return Object.fromEntries(result.data!.contingent.values.map((value) => [value.figure, value]));
}

const set = (code: string, input: object, caller: Caller = CURATOR, year = 2025) =>
  api.graphql<{ setContingent: ContingentData }>(
    `mutation($code: String!, $year: Int!, $input: ContingentInput!) {
       setContingent(organizationCode: $code, academicYear: $year, input: $input) {
         values { figure value text reportedOrganizations organizations complete } } }`,
    { code, year, input },
    caller,
  );

async function rows() {
  return api.orm.em.getConnection()
    .execute(`select o.code, c.academic_year, c.pupils_total, c.pupils_10_18, c.youth_15_19, c.teachers_total,
                     c.young_teachers, c.college_students
              from contingent c join organization o on o.id = c.organization_id order by o.code, c.academic_year`);
}

describe('setContingent', () => {
  it('stores the figures of the curator’s own school; an unreported figure stays null, shown «не представлено»', async () => {
    const result = await set('280001', {
      pupilsTotal: 1250,
      pupils10to18: 700,
      teachersTotal: 80,
      youngTeachers: 12,
    });
    expect(result.errors).toBeUndefined();
    const values = Object.fromEntries(
      result.data!.setContingent.values.map((value) => [value.figure, value]),
    );
    expect(values.PUPILS_TOTAL).toEqual({
      figure: 'PUPILS_TOTAL',
      value: 1250,
      text: (1250).toLocaleString('ru-RU'),
      reportedOrganizations: 1,
      organizations: 1,
      complete: true,
    });
    expect(values.YOUTH_15_19).toMatchObject({
      value: null,
      text: 'не представлено',
      reportedOrganizations: 0,
    });
    expect(values.YOUTH_15_19!.complete).toBe(false);
  });

  it('refuses wrong figures naming the field, and changes nothing', async () => {
    const before = await rows();
    expectError(
      await set('280001', { pupilsTotal: -1 }),
      'BAD_USER_INPUT',
      /^input\.pupilsTotal: целое неотрицательное/,
    );
    expectError(
      await set('280001', { pupilsTotal: 100, pupils10to18: 101 }),
      'BAD_USER_INPUT',
      /^input\.pupils10to18: обучающихся 10–18 лет \(101\) больше, чем обучающихся всего \(100\)/,
    );
    expectError(
      await set('280001', { teachersTotal: 10, youngTeachers: 11 }),
      'BAD_USER_INPUT',
      /^input\.youngTeachers: молодых педагогов \(11\) больше, чем педагогов всего \(10\)/,
    );
    expectError(await set('280001', { pupilsTotal: 1 }, CURATOR, 1999), 'BAD_USER_INPUT', /^academicYear:/);
    expect(await rows()).toEqual(before);
  });

  it('lets the regional administrator set any school of the region, and nobody a school out of reach', async () => {
    expect((await set('280002', { pupilsTotal: 400, youth15to19: 90 }, ADMIN)).errors).toBeUndefined();
    const before = await rows();
    expectError(await set('280002', { pupilsTotal: 1 }), 'NOT_FOUND', /ОО с кодом «280002» не найдена/);
    expectError(
      await set('520001', { pupilsTotal: 1 }, ADMIN),
      'NOT_FOUND',
      /ОО с кодом «520001» не найдена/,
    );
    expectError(
      await set('999999', { pupilsTotal: 1 }, ADMIN),
      'NOT_FOUND',
      /ОО с кодом «999999» не найдена/,
    );
    const coordinator = await set('280001', { pupilsTotal: 1 }, { user: 'coordinator.zeya' });
    expect(coordinator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await rows()).toEqual(before);
  });

  it('audits each change without anything personal', async () => {
    const [audit] = await api.orm.em
      .getConnection()
      .execute(
        `select actor_username, action, entity_code, after from audit_record where entity = 'contingent' order by id limit 1`,
      );
    expect(audit).toMatchObject({
      actor_username: 'curator.zeya1',
      action: 'CREATE',
      entity_code: '280001/2025',
      after: { pupils_total: 1250, pupils_10_18: 700, youth_15_19: null },
    });
  });
});

describe('contingent of a node', () => {
  it('sums the reported figures of the municipality’s schools and says how many reported', async () => {
    const values = await read({ level: 'MUNICIPALITY', code: '10712000' });
    expect(values.PUPILS_TOTAL).toMatchObject({
      value: 1650,
      reportedOrganizations: 2,
      organizations: 2,
      complete: true,
    });
    expect(values.YOUTH_15_19).toMatchObject({ value: 90, reportedOrganizations: 1, complete: false });
    expect(values.COLLEGE_STUDENTS).toMatchObject({
      value: null,
      text: 'не представлено',
      reportedOrganizations: 0,
    });
    const region = await read({ level: 'REGION', code: '28' });
    expect(region.PUPILS_TOTAL).toMatchObject({ value: 1650, reportedOrganizations: 2, organizations: 3 });
    const country = await read({ level: 'FEDERATION' });
    expect(country.PUPILS_TOTAL).toMatchObject({ value: 1650, organizations: 4, complete: false });
  });

  it('answers a node out of scope like an unknown one', async () => {
    const neighbour = await api.graphql(
      READ,
      { unit: { level: 'ORGANIZATION', code: '280002' }, year: 2025 },
      CURATOR,
    );
    expectError(neighbour, 'NOT_FOUND', /ОО с кодом «280002» не найдена/);
    expect(neighbour.data ?? null).toBeNull();
    const above = await api.graphql(
      READ,
      { unit: { level: 'MUNICIPALITY', code: '10712000' }, year: 2025 },
      CURATOR,
    );
    expectError(above, 'NOT_FOUND', /Муниципалитет/);
  });
});

const IMPORT = `mutation($input: ContingentImportInput!) {
  importContingent(input: $input) { dryRun applied rows created updated unchanged problems { row column message } }
}`;

async function importFile(text: string, dryRun = false, caller: Caller = ADMIN) {
  const result = await api.graphql<{ importContingent: ContingentImportReport }>(
    IMPORT,
    { input: { fileName: 'контингент.csv', contentBase64: Buffer.from(text).toString('base64'), dryRun } },
    caller,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.importContingent;
}

const HEADER =
  'Код ОО;Учебный год;Обучающихся всего;Обучающихся 10–18 лет;Молодёжь 15–19 лет;Педагогов всего;Молодых педагогов;Студентов СПО';

describe('importContingent', () => {
  it('reports every problem with its row and column, and writes nothing', async () => {
    const before = await rows();
    const report = await importFile(
      [
        HEADER,
        '280001;2024/2025;900;1000;;50;5;',
        '280002;2024-25;100;;;;;',
        '280010;2024/2026;100;;;;;',
        '520001;2024/2025;100;;;;;',
        '280001;2024/2025;900;;;;;',
        '280002;2023/2024;сто;;;10;11;',
      ].join('\n'),
    );
    expect(report.applied).toBe(false);
    expect(report.problems).toEqual([
      {
        row: 2,
        column: 'Обучающихся 10–18 лет',
        message: 'Обучающихся 10–18 лет (1000) больше, чем обучающихся всего (900)',
      },
      {
        row: 4,
        column: 'Учебный год',
        message: 'Учебный год «2024/2026» не распознан: укажите его как 2025/2026',
      },
      { row: 5, column: 'Код ОО', message: 'ОО с кодом «520001» нет среди ОО вашего субъекта РФ' },
      { row: 6, column: 'Код ОО', message: 'ОО «280001» за 2024/2025 уже указана в строке 2' },
      {
        row: 7,
        column: 'Обучающихся всего',
        message: 'Ожидается целое неотрицательное число, указано «сто»',
      },
    ]);
    expect(await rows()).toEqual(before);
  });

  it('dry-runs, then imports, then changes nothing on the same file again', async () => {
    const file = [
      HEADER,
      '280001;2024/2025;1200;690;;78;10;',
      '280002;2024/2025;380;200;85;30;4;',
      '280010;2024;900;;;;;',
      '280001;2025/2026;1250;700;;80;12;',
    ].join('\n');
    const before = await rows();
    expect(await importFile(file, true)).toMatchObject({
      dryRun: true,
      applied: false,
      rows: 4,
      created: 3,
      updated: 0,
      unchanged: 1,
      problems: [],
    });
    expect(await rows()).toEqual(before);
    expect(await importFile(file)).toMatchObject({ applied: true, created: 3, unchanged: 1, problems: [] });
    expect(await importFile(file)).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 4 });
    const values = await read({ level: 'MUNICIPALITY', code: '10712000' }, 2024);
    expect(values.PUPILS_TOTAL).toMatchObject({ value: 1580, reportedOrganizations: 2, complete: true });
    expect(values.YOUTH_15_19).toMatchObject({ value: 85, reportedOrganizations: 1 });
  });

  it('an empty row clears the school’s figures for the year ("not reported")', async () => {
    const report = await importFile([HEADER, '280010;2024/2025;;;;;;'].join('\n'));
    expect(report).toMatchObject({ applied: true, updated: 1 });
    expect((await read({ level: 'ORGANIZATION', code: '280010' }, 2024)).PUPILS_TOTAL).toMatchObject({
      value: null,
      text: 'не представлено',
    });
  });

  it('writes many schools in as many statements as one', async () => {
    const years = [2021, 2022, 2023, 2024];
    const one = await api.countStatements(() => importFile([HEADER, '280001;2020/2021;10;;;;;'].join('\n')));
    const many = await api.countStatements(() =>
      importFile(
        [
          HEADER,
          ...years.flatMap((year) =>
            ['280001', '280002', '280010'].map((code) => `${code};${year};${year};;;;;`),
          ),
        ].join('\n'),
      ),
    );
    expect(many).toBe(one);
  });

  it('is for the regional administrator only', async () => {
    const result = await api.graphql(
      IMPORT,
      { input: { fileName: 'x.csv', contentBase64: Buffer.from(HEADER).toString('base64') } },
      CURATOR,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

it('keeps the indicator summary equal to a recomputation from the base rows', () =>
  expectSummaryConsistent(api));
