import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { expectError } from '../../../test/mentoring-fixture.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import {
  addParticipant,
  adult,
  CURATOR_1,
  CURATOR_4,
  CURATOR_LYSKOVO,
  pupil,
  setContingentOk,
  workingGroup,
} from '../../../test/report-fixture.js';

let api: TestServer;

/**
 * The hand-built fixture of 2025/2026 (ages on 1 January 2026):
 * - 280001 (Зея): pupil mentor А (16) → pupil Б (12) — pair «ученик – ученик»; teacher mentor Т1 →
 *   young teacher Т2 (26, стаж 1) — pair «учитель – учитель»; Т1 → Б and В (8) — group «учитель –
 *   ученик», completed in December. Contingent 500 / 300 / 120 / 40 / 8 / not reported.
 * - 280002 (Зея): student mentor С (20) → pupil Д (14) — pair «студент – ученик». Contingent
 *   200 / 100 / — / 20 / — / —.
 * - 520001 (Лысково): employer Е → pupil Ф (15) — pair «работодатель – ученик».
 */
beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);

  const a = await addParticipant(api, CURATOR_1, pupil('Аксёнова', '2009-04-10', '10А', 'mentor'));
  const b = await addParticipant(api, CURATOR_1, pupil('Борисов', '2013-06-01', '6Б', 'mentee'));
  const c = await addParticipant(api, CURATOR_1, pupil('Волкова', '2017-03-05', '2А', 'mentee'));
  const t1 = await addParticipant(
    api,
    CURATOR_1,
    adult('TEACHER', 'Тихонова', '1975-02-02', 'mentor', { teachingExperienceYears: 25, maxLoad: 5 }),
  );
  const t2 = await addParticipant(
    api,
    CURATOR_1,
    adult('TEACHER', 'Титов', '2000-01-15', 'mentee', { teachingExperienceYears: 1 }),
  );
  await workingGroup(api, CURATOR_1, 'PUPIL_PUPIL', [a], [b]);
  await workingGroup(api, CURATOR_1, 'TEACHER_TEACHER', [t1], [t2]);
  const group = await workingGroup(api, CURATOR_1, 'TEACHER_PUPIL', [t1], [b, c]);
  const completed = await api.graphql(
    `mutation($id: ID!) { completeGroup(id: $id, endedOn: "2025-12-01") { status } }`,
    { id: group },
    CURATOR_1,
  );
  expect(completed.errors).toBeUndefined();

  const s = await addParticipant(
    api,
    CURATOR_4,
    adult('STUDENT', 'Семёнов', '2005-05-05', 'mentor', { gradeOrCourse: '3 курс' }),
  );
  const d = await addParticipant(api, CURATOR_4, pupil('Демидова', '2011-09-01', '8А', 'mentee'));
  await workingGroup(api, CURATOR_4, 'STUDENT_PUPIL', [s], [d]);

  const e = await addParticipant(
    api,
    CURATOR_LYSKOVO,
    adult('EMPLOYER_REPRESENTATIVE', 'Егоров', '1985-01-01', 'mentor', { partnerOrganization: 'АО «Завод»' }),
  );
  const f = await addParticipant(api, CURATOR_LYSKOVO, pupil('Фомина', '2010-02-20', '9Б', 'mentee'));
  await workingGroup(api, CURATOR_LYSKOVO, 'EMPLOYER_PUPIL', [e], [f]);

  await setContingentOk(api, CURATOR_1, '280001', 2025, {
    pupilsTotal: 500,
    pupils10to18: 300,
    youth15to19: 120,
    teachersTotal: 40,
    youngTeachers: 8,
  });
  await setContingentOk(api, CURATOR_4, '280002', 2025, {
    pupilsTotal: 200,
    pupils10to18: 100,
    teachersTotal: 20,
  });
});
afterAll(() => api.stop());

interface Cell {
  key: string;
  value: number | null;
  computedValue: number | null;
  corrected: boolean;
  correctedOrganizations: number;
  correctionReason: string | null;
}

interface Report {
  unit: { level: string; code: string | null; name: string };
  dueOn: string;
  organizations: number;
  status: string | null;
  locked: boolean | null;
  cells: Cell[];
}

const REPORT = `
  query($unit: UnitInput!, $year: Int!) {
    statisticalReport(formCode: "cmn", unit: $unit, academicYear: $year) {
      unit { level code name } dueOn organizations status locked
      cells { key value computedValue corrected correctedOrganizations correctionReason }
    }
  }`;

async function report(unit: { level: string; code?: string }, caller: Caller = { user: 'analyst.rf' }) {
  const response = await api.graphql<{ statisticalReport: Report }>(REPORT, { unit, year: 2025 }, caller);
  expect(response.errors).toBeUndefined();
  return response.data!.statisticalReport;
}

/** Values by cell key, without the empty ones, as the report reads. */
const valuesOf = (cells: Cell[]) =>
  Object.fromEntries(cells.filter((cell) => cell.value !== 0).map((cell) => [cell.key, cell.value]));

/** 280001 by hand: section 1 by category, 2 by form, 3 by age, 4 contingent and shares. */
const SCHOOL_1 = {
  '01.3': 2,
  '01.4': 1,
  '02.3': 1,
  '02.4': 1,
  '07.3': 3,
  '07.4': 2,
  '08.3': 1,
  '08.4': 1,
  '09.3': 1,
  '09.4': 1,
  '13.3': 1,
  '13.4': 2,
  '14.3': 3,
  '15.3': 2,
  '16.3': 1,
  '17.3': 1,
  '18.3': 1,
  '20.3': 1,
  '23.3': 300,
  '23.4': 1,
  '23.5': (1 / 300) * 100,
  '23.6': 1,
  '24.3': 120,
  '24.4': 1,
  '24.5': (1 / 120) * 100,
  '24.6': 1,
  '25.3': 8,
  '25.4': 1,
  '25.5': 12.5,
  '25.6': 1,
  '26.3': 500,
  '26.6': 1,
  '27.3': 40,
  '27.6': 1,
  // 28.3: college students were not reported — null, not zero.
  '28.3': null,
};

/** 280002: a student mentors a pupil of 14; youth and young teachers not reported. */
const SCHOOL_4 = {
  '01.3': 1,
  '03.4': 1,
  '07.3': 1,
  '07.4': 1,
  '10.3': 1,
  '10.4': 1,
  '14.3': 1,
  '15.3': 1,
  '18.3': 1,
  '23.3': 100,
  '23.4': 1,
  '23.5': 1,
  '23.6': 1,
  '24.3': null,
  '24.5': null,
  '25.3': null,
  '25.5': null,
  '26.3': 200,
  '26.6': 1,
  '27.3': 20,
  '27.6': 1,
  '28.3': null,
};

describe('statistical report of an organisation', () => {
  it('is the hand-computed fixture, cell by cell, in the form’s order', async () => {
    const school = await report({ level: 'ORGANIZATION', code: '280001' });
    expect(school).toMatchObject({
      unit: { level: 'ORGANIZATION', code: '280001', name: 'МОАУ СОШ № 1' },
      dueOn: '2026-06-20',
      organizations: 1,
      status: 'DRAFT',
      locked: false,
    });
    expect(valuesOf(school.cells)).toEqual(SCHOOL_1);
    expect(school.cells.every((cell) => !cell.corrected && cell.value === cell.computedValue)).toBe(true);
    expect(school.cells.slice(0, 4).map((cell) => cell.key)).toEqual(['01.3', '01.4', '02.3', '02.4']);
    expect(valuesOf((await report({ level: 'ORGANIZATION', code: '280002' })).cells)).toEqual(SCHOOL_4);
  });

  it('reads its counts from the organisation’s summary row, which equals a recomputation', async () => {
    await expectSummaryConsistent(api);
    const [row] = await api.orm.em.getConnection().execute<Record<string, string>[]>(
      `select s.* from organization_summary s join organization o on o.id = s.organization_id
         where o.code = '280001' and s.academic_year = 2025`,
    );
    const school = await report({ level: 'ORGANIZATION', code: '280001' });
    const forms = await api.graphql<{
      statisticalForms: { sections: { rows: { cells: { key: string; measure: string | null }[] }[] }[] }[];
    }>(`{ statisticalForms(academicYear: 2025) { sections { rows { cells { key measure } } } } }`);
    const measureOf = new Map(
      forms.data!.statisticalForms[0]!.sections.flatMap((section) =>
        section.rows.flatMap((r) => r.cells.map((cell) => [cell.key, cell.measure] as const)),
      ),
    );
    for (const cell of school.cells) {
      const measure = measureOf.get(cell.key);
      if (measure && cell.value !== null)
        expect([cell.key, cell.value]).toEqual([cell.key, Number(row![measure])]);
    }
  });

  it('is refused to a school curator of another school like an unknown school', async () => {
    const response = await api.graphql(
      REPORT,
      { unit: { level: 'ORGANIZATION', code: '280001' }, year: 2025 },
      CURATOR_4,
    );
    expectError(response, 'NOT_FOUND', /^ОО с кодом «280001» не найдена\.$/);
    expect(response.data).toBeNull();
  });
});

describe('statistical report of a municipality, region and the country', () => {
  it('sums its organisations: Зея = 280001 + 280002, contingent shares as Σ/Σ', async () => {
    const zeya = await report({ level: 'MUNICIPALITY', code: '10712000' }, { user: 'coordinator.zeya' });
    expect(zeya).toMatchObject({ organizations: 2, status: null, locked: null });
    const values = valuesOf(zeya.cells);
    expect(values).toMatchObject({
      '01.3': 3,
      '01.4': 1,
      '03.4': 1,
      '07.3': 4,
      '07.4': 3,
      '14.3': 4,
      '15.3': 3,
      '16.3': 1,
      '18.3': 2,
      '23.3': 400,
      '23.4': 2,
      '23.5': 0.5,
      '23.6': 2,
      '24.3': 120,
      '24.6': 1,
      '25.3': 8,
      '25.6': 1,
      '26.3': 700,
      '28.3': null,
    });
  });

  it('adds the region’s and the country’s organisations the same way', async () => {
    const region = await report({ level: 'REGION', code: '28' });
    const country = await report({ level: 'FEDERATION' });
    expect(valuesOf(region.cells)['07.3']).toBe(4);
    expect(valuesOf(country.cells)).toMatchObject({ '07.3': 5, '07.4': 4, '05.4': 1, '11.3': 1, '19.3': 1 });
  });

  it('hides the municipality’s sums from a school curator (ancestors do not count)', async () => {
    const response = await api.graphql(
      REPORT,
      { unit: { level: 'MUNICIPALITY', code: '10712000' }, year: 2025 },
      CURATOR_1,
    );
    expectError(response, 'NOT_FOUND', /Муниципалитет с ОКТМО «10712000» не найден/);
  });

  it('costs the same few statements for a school and for the whole country', async () => {
    const school = await api.countStatements(() => report({ level: 'ORGANIZATION', code: '280001' }));
    const country = await api.countStatements(() => report({ level: 'FEDERATION' }));
    expect(country).toBeLessThanOrEqual(school);
    expect(school).toBeLessThanOrEqual(6);
  });
});

const CORRECT = `
  mutation($input: ReportCellCorrectionInput!) {
    correctReportCell(input: $input) { status cells { key value computedValue corrected correctedOrganizations correctionReason } }
  }`;

async function correct(
  organizationCode: string,
  cell: string,
  value: number | null,
  reason: string,
  caller: Caller,
) {
  return api.graphql<{ correctReportCell: { status: string; cells: Cell[] } }>(
    CORRECT,
    { input: { formCode: 'cmn', organizationCode, academicYear: 2025, cell, value, reason } },
    caller,
  );
}

async function auditOf(entityCode: string) {
  return api.orm.em
    .getConnection()
    .execute<
      { operation: string; action: string; before: unknown; after: unknown; actor_username: string }[]
    >(
      `select operation, action, before, after, actor_username from audit_record where entity_code = ? order by id`,
      [entityCode],
    );
}

describe('manual corrections', () => {
  it('refuses a correction without a reason, of an unknown cell or of a share, and of a bad value', async () => {
    expectError(
      await correct('280001', '01.3', 4, '  ', CURATOR_1),
      'BAD_USER_INPUT',
      /^reason: укажите причину/,
    );
    expectError(
      await correct('280001', '99.3', 4, 'Причина', CURATOR_1),
      'BAD_USER_INPUT',
      /^cell: в форме «Сведения о реализации целевой модели наставничества» нет ячейки «99\.3»/,
    );
    expectError(
      await correct('280001', '23.5', 4, 'Причина', CURATOR_1),
      'BAD_USER_INPUT',
      /^cell: ячейка 23\.5 — доля/,
    );
    expectError(
      await correct('280001', '01.3', 2.5, 'Причина', CURATOR_1),
      'BAD_USER_INPUT',
      /^value: целое неотрицательное/,
    );
    expectError(await correct('280001', '01.3', 4, 'Причина', CURATOR_4), 'NOT_FOUND', /не найдена/);
    expect(await auditOf('cmn:280001:2025:01.3')).toEqual([]);
  });

  it('shows the corrected value beside the computed one, with the reason, and audits it', async () => {
    const response = await correct(
      '280001',
      '01.3',
      4,
      'Двое обучающихся внесены в базу после срока',
      CURATOR_1,
    );
    expect(response.errors).toBeUndefined();
    const cell = response.data!.correctReportCell.cells.find((c) => c.key === '01.3');
    expect(cell).toEqual({
      key: '01.3',
      value: 4,
      computedValue: 2,
      corrected: true,
      correctedOrganizations: 1,
      correctionReason: 'Двое обучающихся внесены в базу после срока',
    });
    expect(await auditOf('cmn:280001:2025:01.3')).toEqual([
      {
        operation: 'report.submit',
        action: 'CREATE',
        before: null,
        after: { value: 4, reason: 'Двое обучающихся внесены в базу после срока', computedValue: 2 },
        actor_username: 'curator.zeya1',
      },
    ]);
  });

  it('lets a share use the corrected figures and marks it corrected', async () => {
    await correct('280001', '23.3', 320, 'Уточнённый контингент на 1 января', CURATOR_1);
    // 280002 did not report youth 15–19: the correction fills the gap.
    await correct('280002', '24.3', 50, 'Сведения о молодёжи поступили позже', CURATOR_4);
    const school = await report({ level: 'ORGANIZATION', code: '280001' });
    const share = school.cells.find((c) => c.key === '23.5')!;
    expect(share).toMatchObject({ value: (1 / 320) * 100, computedValue: (1 / 300) * 100, corrected: true });
    const other = (await report({ level: 'ORGANIZATION', code: '280002' })).cells.find(
      (c) => c.key === '24.3',
    );
    expect(other).toMatchObject({ value: 50, computedValue: null, corrected: true });
  });

  it('sums final values above the school: computed + corrections, with the count of correcting schools', async () => {
    const zeya = await report({ level: 'MUNICIPALITY', code: '10712000' });
    const byKey = new Map(zeya.cells.map((cell) => [cell.key, cell]));
    expect(byKey.get('01.3')).toMatchObject({
      value: 5,
      computedValue: 3,
      corrected: true,
      correctedOrganizations: 1,
    });
    expect(byKey.get('01.3')!.correctionReason).toBeNull();
    expect(byKey.get('23.3')).toMatchObject({ value: 420, computedValue: 400 });
    expect(byKey.get('23.5')).toMatchObject({ value: (2 / 420) * 100, computedValue: 0.5, corrected: true });
    expect(byKey.get('24.3')).toMatchObject({ value: 170, computedValue: 120, correctedOrganizations: 1 });
    expect((await report({ level: 'FEDERATION' })).cells.find((c) => c.key === '01.3')).toMatchObject({
      value: 6,
      computedValue: 4,
    });
  });

  it('replaces a correction and removes it (value null), each step audited with the reason', async () => {
    await correct('280001', '01.3', 5, 'Ещё один обучающийся', CURATOR_1);
    const removed = await correct('280001', '01.3', null, 'Данные внесены в систему', CURATOR_1);
    expect(removed.data!.correctReportCell.cells.find((c) => c.key === '01.3')).toMatchObject({
      value: 2,
      computedValue: 2,
      corrected: false,
    });
    const trail = await auditOf('cmn:280001:2025:01.3');
    expect(trail.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      ['CREATE', null, { value: 4, reason: 'Двое обучающихся внесены в базу после срока', computedValue: 2 }],
      [
        'UPDATE',
        { value: 4, reason: 'Двое обучающихся внесены в базу после срока' },
        { value: 5, reason: 'Ещё один обучающийся', computedValue: 2 },
      ],
      [
        'DELETE',
        { value: 5, reason: 'Ещё один обучающийся' },
        { reason: 'Данные внесены в систему', computedValue: 2 },
      ],
    ]);
    expectError(
      await correct('280001', '01.3', null, 'Снова', CURATOR_1),
      'BAD_USER_INPUT',
      /^value: ячейка 01\.3 не исправлялась/,
    );
  });

  it('leaves the summary exact: corrections live beside it', async () => {
    await expectSummaryConsistent(api);
  });
});

describe('statistical forms', () => {
  it('lists the shipped form with its sections, rows and cells, marked as our layout', async () => {
    const response = await api.graphql<{
      statisticalForms: {
        code: string;
        version: number;
        validFromYear: number;
        isDefault: boolean;
        note: string;
        deadlineMonth: number;
        deadlineDay: number;
        sections: { code: string; title: string; columns: { code: string }[]; rows: { code: string }[] }[];
      }[];
    }>(
      `{ statisticalForms { code version validFromYear isDefault note deadlineMonth deadlineDay
           sections { code title columns { code } rows { code } } } }`,
      {},
      CURATOR_1,
    );
    const [form] = response.data!.statisticalForms;
    expect(form).toMatchObject({
      code: 'cmn',
      version: 1,
      validFromYear: 2025,
      isDefault: true,
      deadlineMonth: 6,
      deadlineDay: 20,
    });
    expect(form!.note).toMatch(/официальной формы .* в исходных документах нет/);
    expect(
      form!.sections.map((section) => [section.code, section.rows.length, section.columns.length]),
    ).toEqual([
      ['1', 7, 2],
      ['2', 9, 2],
      ['3', 6, 1],
      ['4', 6, 4],
    ]);
  });

  it('has no form for a year before the shipped one starts', async () => {
    const response = await api.graphql(REPORT, { unit: { level: 'FEDERATION' }, year: 2024 });
    expectError(response, 'BAD_USER_INPUT', /^formCode: формы «cmn» для 2024\/2025 учебного года нет/);
  });
});
