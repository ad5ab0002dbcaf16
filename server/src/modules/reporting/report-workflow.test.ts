import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { expectError } from '../../../test/mentoring-fixture.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import { academicYearOn, moscowToday } from './moscow-today.js';
import {
  addParticipant,
  COORDINATOR,
  CURATOR_1,
  CURATOR_4,
  pupil,
  REGION_ADMIN,
  setContingent,
  setContingentOk,
  workingGroup,
} from '../../../test/report-fixture.js';

let api: TestServer;

/** The academic year running today: its deadline of 31 August has not passed yet. */
const CURRENT = academicYearOn(moscowToday());

const MENTOR = pupil('Андреева', '2009-04-10', '10А', 'mentor');
const MENTEE = pupil('Белов', '2013-06-01', '6Б', 'mentee');
const P: Record<string, string> = {};
let pairId: string;

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  // A second form whose reports are due on the last day of the academic year: submitting the
  // running year's is always on time, the previous year's always late (whatever day tests run).
  // Added before any data, so the summary's reports_expected needs no update.
  await api.orm.em.getConnection().execute(
    `insert into report_form (code, version, title, valid_from_year, definition)
     select 'cmn-test', 1, 'Проверочная форма', 2000, jsonb_set(definition, '{deadline}', '{"month": 8, "day": 31}')
     from report_form where code = 'cmn'`,
  );
  P.mentor = await addParticipant(api, CURATOR_1, MENTOR);
  P.mentee = await addParticipant(api, CURATOR_1, MENTEE);
  P.second = await addParticipant(api, CURATOR_1, pupil('Васильев', '2012-02-02', '7А', 'mentee'));
  pairId = await workingGroup(api, CURATOR_1, 'PUPIL_PUPIL', [P.mentor], [P.mentee]);
  await setContingentOk(api, CURATOR_1, '280001', 2025, { pupilsTotal: 500, pupils10to18: 300 });
  const other = await addParticipant(api, CURATOR_4, pupil('Григорьев', '2012-03-03', '7Б', 'mentee'));
  expect(other).toBeTruthy();
});
afterAll(() => api.stop());

const REPORT_FIELDS = 'status statusComment submittedOnTime locked dueOn cells { key value }';

function key(organizationCode = '280001', academicYear = 2025, formCode = 'cmn') {
  return { formCode, organizationCode, academicYear };
}

interface ReportResult {
  status: string;
  statusComment: string | null;
  submittedOnTime: boolean | null;
  locked: boolean;
  dueOn: string;
  cells: { key: string; value: number | null }[];
}

async function step(
  mutation: 'submitReport' | 'acceptReport' | 'returnReport' | 'approveReport' | 'unlockReport',
  caller: Caller,
  report = key(),
  extra: Record<string, string> = {},
) {
  const args = Object.keys(extra).map((name) => `, ${name}: $${name}`);
  const declarations = Object.keys(extra).map((name) => `, $${name}: String!`);
  const response = await api.graphql<Record<string, ReportResult>>(
    `mutation($report: ReportKeyInput!${declarations.join('')}) {
       ${mutation}(report: $report${args.join('')}) { ${REPORT_FIELDS} }
     }`,
    { report, ...extra },
    caller,
  );
  return { ...response, report: response.data?.[mutation] };
}

async function readReport(code = '280001', caller: Caller = CURATOR_1) {
  const response = await api.graphql<{ statisticalReport: ReportResult }>(
    `query($code: String!) {
       statisticalReport(formCode: "cmn", unit: { level: ORGANIZATION, code: $code }, academicYear: 2025) { ${REPORT_FIELDS} }
     }`,
    { code },
    caller,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.statisticalReport;
}

const correct = (value: number, caller: Caller = CURATOR_1) =>
  api.graphql(
    `mutation($input: ReportCellCorrectionInput!) { correctReportCell(input: $input) { status } }`,
    { input: { ...key(), cell: '01.3', value, reason: 'Уточнение' } },
    caller,
  );

async function sql<Row = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<Row[]> {
  return api.orm.em.getConnection().execute<Row[]>(query, params);
}

const trail = (entity: string, code: string) =>
  sql<{ operation: string; action: string; before: unknown; after: unknown; actor_username: string }>(
    `select operation, action, before, after, actor_username from audit_record
     where entity = ? and entity_code = ? order by id`,
    [entity, code],
  );

const updateParticipant = (id: string, input: Record<string, unknown>) =>
  api.graphql(
    `mutation($id: ID!, $input: ParticipantInput!) { updateParticipant(id: $id, input: $input) { id } }`,
    { id, input: { firstName: 'Тест', ...input } },
    CURATOR_1,
  );

const addMentee = (groupId: string, menteeId: string) =>
  api.graphql(
    `mutation($id: ID!, $ids: [ID!]!) { addGroupMembers(id: $id, menteeIds: $ids) { id } }`,
    { id: groupId, ids: [menteeId] },
    CURATOR_1,
  );

describe('submission and agreement up the levels', () => {
  it('refuses to accept or approve a draft, naming its state', async () => {
    expectError(
      await step('acceptReport', COORDINATOR),
      'FAILED_PRECONDITION',
      /^Нельзя: отчёт сейчас «черновик», а это действие возможно, когда он «отправлен»\.$/,
    );
    expectError(
      await step('approveReport', REGION_ADMIN),
      'FAILED_PRECONDITION',
      /сейчас «черновик».*«принят муниципалитетом»/,
    );
  });

  it('is submitted by the school’s curator only: late after 20 June, audited', async () => {
    expectError(await step('submitReport', CURATOR_4), 'NOT_FOUND', /^ОО с кодом «280001» не найдена\.$/);
    expect((await step('submitReport', COORDINATOR)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const submitted = await step('submitReport', CURATOR_1);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.report).toMatchObject({
      status: 'SUBMITTED',
      submittedOnTime: false,
      dueOn: '2026-06-20',
    });
    expect(await trail('statistical_report', 'cmn:280001:2025')).toEqual([
      {
        operation: 'report.submit',
        action: 'UPDATE',
        before: { status: 'DRAFT' },
        after: { status: 'SUBMITTED', onTime: false },
        actor_username: 'curator.zeya1',
      },
    ]);
  });

  it('refuses corrections and a second submission while the municipality checks it', async () => {
    expectError(
      await correct(3),
      'FAILED_PRECONDITION',
      /^Отчёт сейчас «отправлен»: исправлять можно черновик/,
    );
    expectError(await step('submitReport', CURATOR_1), 'FAILED_PRECONDITION', /сейчас «отправлен»/);
  });

  it('is returned by its municipality only, and only with a comment', async () => {
    expectError(
      await step('returnReport', { user: 'coordinator.lyskovo' }, key(), { comment: 'x' }),
      'NOT_FOUND',
      /не найдена/,
    );
    expectError(
      await step('returnReport', COORDINATOR, key(), { comment: '  ' }),
      'BAD_USER_INPUT',
      /^comment: укажите, что нужно доработать$/,
    );
    expect((await readReport()).status).toBe('SUBMITTED');
    const returned = await step('returnReport', COORDINATOR, key(), { comment: 'Проверьте строку 01' });
    expect(returned.report).toMatchObject({ status: 'RETURNED', statusComment: 'Проверьте строку 01' });
  });

  it('takes corrections again once returned, then is resubmitted and accepted', async () => {
    expect((await correct(3)).errors).toBeUndefined();
    expect((await step('submitReport', CURATOR_1)).report).toMatchObject({
      status: 'SUBMITTED',
      statusComment: null,
    });
    expect((await step('acceptReport', REGION_ADMIN)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await step('acceptReport', COORDINATOR)).report).toMatchObject({
      status: 'ACCEPTED',
      locked: false,
    });
  });

  it('is approved by the region, which locks the school’s academic year', async () => {
    expect((await step('approveReport', COORDINATOR)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expectError(await step('approveReport', { user: 'admin.52' }), 'NOT_FOUND', /не найдена/);
    const approved = await step('approveReport', REGION_ADMIN);
    expect(approved.report).toMatchObject({ status: 'APPROVED', locked: true });
    expect(
      await sql(`select l.academic_year, l.locked_by, l.reason from period_lock l
                 join organization o on o.id = l.organization_id where o.code = '280001'`),
    ).toEqual([
      {
        academic_year: 2025,
        locked_by: 'admin.28',
        reason: 'Утверждён отчёт «Сведения о реализации целевой модели наставничества»',
      },
    ]);
    expect(await trail('period_lock', '280001:2025')).toEqual([
      {
        operation: 'report.approve',
        action: 'CREATE',
        before: null,
        after: { reason: 'Утверждён отчёт «Сведения о реализации целевой модели наставничества»' },
        actor_username: 'admin.28',
      },
    ]);
    expectError(
      await step('approveReport', REGION_ADMIN),
      'FAILED_PRECONDITION',
      /сейчас «утверждён субъектом РФ»/,
    );
    expectError(
      await step('returnReport', COORDINATOR, key(), { comment: 'Поздно' }),
      'FAILED_PRECONDITION',
      /сейчас «утверждён/,
    );
  });
});

describe('a locked academic year', () => {
  let figures: ReportResult['cells'];
  beforeAll(async () => {
    figures = (await readReport()).cells;
  });

  it('refuses corrections of the report with PERIOD_LOCKED', async () => {
    expectError(
      await correct(4),
      'PERIOD_LOCKED',
      /^Отчёт ОО «МОАУ СОШ № 1» за 2025\/2026 учебный год утверждён и заблокирован/,
    );
  });

  it('refuses changes to participants, groups and contingent that would alter its figures; nothing changes', async () => {
    // Born in 2008 the mentee would be 17 on 1 January 2026: another age band.
    expectError(
      await updateParticipant(P.mentee!, { ...MENTEE, birthDate: '2008-06-01' }),
      'PERIOD_LOCKED',
      /«МОАУ СОШ № 1» за 2025\/2026 учебный год/,
    );
    expectError(await addMentee(pairId, P.second!), 'PERIOD_LOCKED', /снимет блокировку/);
    expectError(
      await setContingent(api, CURATOR_1, '280001', 2025, { pupilsTotal: 510, pupils10to18: 300 }),
      'PERIOD_LOCKED',
      /за 2025\/2026/,
    );
    const [birth] = await sql<{ birth_year: number }>(`select birth_year from participant where id = ?`, [
      Number(P.mentee),
    ]);
    expect(birth!.birth_year).toBe(2013);
    expect(
      await sql(`select count(*)::int as n from mentoring_group_member where group_id = ?`, [Number(pairId)]),
    ).toEqual([{ n: 2 }]);
    expect(await sql(`select pupils_total from contingent where academic_year = 2025`)).toEqual([
      { pupils_total: 500 },
    ]);
    expect((await readReport()).cells).toEqual(figures);
  });

  it('lets through writes that leave its figures alone: other years, other schools, other fields', async () => {
    expect((await updateParticipant(P.mentor!, { ...MENTOR, maxLoad: 3 })).errors).toBeUndefined();
    await setContingentOk(api, CURATOR_1, '280001', CURRENT, { pupilsTotal: 520 });
    // Entered today, a new participant belongs to the running year's base, not to 2025/2026.
    await addParticipant(api, CURATOR_1, pupil('Дмитриева', '2012-05-05', '7В', 'mentee'));
    await addParticipant(api, CURATOR_4, pupil('Егорова', '2012-05-05', '7В', 'mentee'));
    expect((await readReport()).cells).toEqual(figures);
    await expectSummaryConsistent(api);
  });

  it('is unlocked by the region only, with a reason, audited; the report goes back to «accepted»', async () => {
    expect(
      (await step('unlockReport', COORDINATOR, key(), { reason: 'x' })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expectError(
      await step('unlockReport', REGION_ADMIN, key(), { reason: ' ' }),
      'BAD_USER_INPUT',
      /^reason: укажите, зачем снимается блокировка$/,
    );
    expect(await sql(`select count(*)::int as n from period_lock`)).toEqual([{ n: 1 }]);
    const unlocked = await step('unlockReport', REGION_ADMIN, key(), {
      reason: 'Школа нашла ошибку в дате рождения',
    });
    expect(unlocked.report).toMatchObject({
      status: 'ACCEPTED',
      locked: false,
      statusComment: 'Школа нашла ошибку в дате рождения',
      submittedOnTime: false,
    });
    expect(await sql(`select count(*)::int as n from period_lock`)).toEqual([{ n: 0 }]);
    expect(await trail('period_lock', '280001:2025')).toMatchObject([
      { action: 'CREATE' },
      {
        operation: 'report.approve',
        action: 'DELETE',
        after: { reason: 'Школа нашла ошибку в дате рождения' },
        actor_username: 'admin.28',
      },
    ]);
    expect((await trail('statistical_report', 'cmn:280001:2025')).at(-1)).toEqual({
      operation: 'report.approve',
      action: 'UPDATE',
      before: { status: 'APPROVED' },
      after: { status: 'ACCEPTED', reason: 'Школа нашла ошибку в дате рождения' },
      actor_username: 'admin.28',
    });
  });

  it('then takes the change that was refused, and the report shows it', async () => {
    expect(
      (await updateParticipant(P.mentee!, { ...MENTEE, birthDate: '2008-06-01' })).errors,
    ).toBeUndefined();
    const cells = new Map((await readReport()).cells.map((cell) => [cell.key, cell.value]));
    expect([cells.get('17.3'), cells.get('18.3'), cells.get('19.3')]).toEqual([0, 0, 1]);
    await expectSummaryConsistent(api);
  });

  it('can be returned to the school by the municipality after the unlock', async () => {
    const returned = await step('returnReport', COORDINATOR, key(), {
      comment: 'Исправьте и отправьте снова',
    });
    expect(returned.report).toMatchObject({ status: 'RETURNED' });
  });
});

interface SubmissionRow {
  unit: { level: string; code: string | null; name: string };
  expected: number;
  submitted: number;
  accepted: number;
  approved: number;
  returned: number;
  onTime: number;
  overdue: number;
  status: string | null;
  submittedAt: string | null;
  statusComment: string | null;
}

const STATUS = `
  query($unit: UnitInput!, $form: String!, $year: Int!, $asOf: String) {
    reportSubmissionStatus(unit: $unit, formCode: $form, academicYear: $year, asOf: $asOf) {
      dueOn asOf
      total { unit { level code name } expected submitted accepted approved returned onTime overdue status submittedAt statusComment }
      children { unit { level code name } expected submitted accepted approved returned onTime overdue status submittedAt statusComment }
    }
  }`;

async function submissionStatus(
  unit: { level: string; code?: string },
  form: string,
  year: number,
  asOf?: string,
  caller: Caller = { user: 'analyst.rf' },
) {
  const response = await api.graphql<{
    reportSubmissionStatus: { dueOn: string; asOf: string; total: SubmissionRow; children: SubmissionRow[] };
  }>(STATUS, { unit, form, year, asOf }, caller);
  expect(response.errors).toBeUndefined();
  return response.data!.reportSubmissionStatus;
}

const counts = (row: SubmissionRow) => [
  row.unit.code,
  row.expected,
  row.submitted,
  row.accepted,
  row.approved,
  row.returned,
  row.onTime,
  row.overdue,
];

describe('completeness: expected vs submitted vs on time', () => {
  beforeAll(async () => {
    // Running year on the test form: 280001 submits (on time); the rest have not.
    expect((await step('submitReport', CURATOR_1, key('280001', CURRENT, 'cmn-test'))).report).toMatchObject({
      submittedOnTime: true,
    });
    // Previous year on the test form: 280002 submits after the deadline.
    expect(
      (await step('submitReport', CURATOR_4, key('280002', CURRENT - 1, 'cmn-test'))).report,
    ).toMatchObject({ submittedOnTime: false });
  });

  it('lists a municipality’s schools with their report’s state', async () => {
    const zeya = await submissionStatus(
      { level: 'MUNICIPALITY', code: '10712000' },
      'cmn',
      2025,
      undefined,
      COORDINATOR,
    );
    expect(counts(zeya.total)).toEqual(['10712000', 2, 0, 0, 0, 1, 0, 2]);
    expect(zeya.total.status).toBeNull();
    expect(
      zeya.children.map((row) => [row.unit.level, ...counts(row), row.status, row.statusComment]),
    ).toEqual([
      ['ORGANIZATION', '280001', 1, 0, 0, 0, 1, 0, 1, 'RETURNED', 'Исправьте и отправьте снова'],
      ['ORGANIZATION', '280002', 1, 0, 0, 0, 0, 0, 1, 'DRAFT', null],
    ]);
  });

  it('counts on time and overdue by the date asked', async () => {
    const beforeDue = await submissionStatus(
      { level: 'MUNICIPALITY', code: '10712000' },
      'cmn-test',
      CURRENT,
    );
    expect(beforeDue.dueOn).toBe(`${CURRENT + 1}-08-31`);
    expect(counts(beforeDue.total)).toEqual(['10712000', 2, 1, 0, 0, 0, 1, 0]);
    expect(beforeDue.children[0]).toMatchObject({ status: 'SUBMITTED', submittedAt: expect.any(String) });
    const afterDue = await submissionStatus(
      { level: 'MUNICIPALITY', code: '10712000' },
      'cmn-test',
      CURRENT,
      `${CURRENT + 1}-09-01`,
    );
    expect(counts(afterDue.total)).toEqual(['10712000', 2, 1, 0, 0, 0, 1, 1]);
    const late = await submissionStatus({ level: 'MUNICIPALITY', code: '10712000' }, 'cmn-test', CURRENT - 1);
    expect(counts(late.total)).toEqual(['10712000', 2, 1, 0, 0, 0, 0, 1]);
  });

  it('adds up per municipality of a region and per region of the country, schools with no data included', async () => {
    const region = await submissionStatus({ level: 'REGION', code: '28' }, 'cmn-test', CURRENT);
    expect(counts(region.total)).toEqual(['28', 3, 1, 0, 0, 0, 1, 0]);
    expect(region.children.map(counts)).toEqual([
      ['10701000', 1, 0, 0, 0, 0, 0, 0],
      ['10712000', 2, 1, 0, 0, 0, 1, 0],
    ]);
    expect(region.children.every((row) => row.status === null && row.unit.level === 'MUNICIPALITY')).toBe(
      true,
    );
    const country = await submissionStatus({ level: 'FEDERATION' }, 'cmn-test', CURRENT);
    expect([counts(country.total), ...country.children.map(counts)]).toEqual([
      [null, 4, 1, 0, 0, 0, 1, 0],
      ['28', 3, 1, 0, 0, 0, 1, 0],
      ['52', 1, 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('gives a school its own row and no children; another school’s is not found', async () => {
    const own = await submissionStatus(
      { level: 'ORGANIZATION', code: '280001' },
      'cmn-test',
      CURRENT,
      undefined,
      CURATOR_1,
    );
    expect(counts(own.total)).toEqual(['280001', 1, 1, 0, 0, 0, 1, 0]);
    expect(own.total.status).toBe('SUBMITTED');
    expect(own.children).toEqual([]);
    const foreign = await api.graphql(
      STATUS,
      { unit: { level: 'ORGANIZATION', code: '280002' }, form: 'cmn', year: 2025 },
      CURATOR_1,
    );
    expectError(foreign, 'NOT_FOUND', /не найдена/);
  });

  it('answers in the same statements for a municipality and for the country', async () => {
    const municipality = await api.countStatements(() =>
      submissionStatus({ level: 'MUNICIPALITY', code: '10712000' }, 'cmn', 2025),
    );
    const country = await api.countStatements(() => submissionStatus({ level: 'FEDERATION' }, 'cmn', 2025));
    expect(country).toBeLessThanOrEqual(municipality);
    expect(municipality).toBeLessThanOrEqual(3);
  });

  it('keeps the summary’s submission counts exact', async () => {
    await expectSummaryConsistent(api);
    const rows = await sql<{
      code: string;
      academic_year: number;
      reports_submitted: string;
      reports_submitted_on_time: string;
    }>(
      `select o.code, s.academic_year, s.reports_submitted, s.reports_submitted_on_time
       from organization_summary s join organization o on o.id = s.organization_id
       where s.reports_submitted > 0 order by o.code, s.academic_year`,
    );
    expect(
      rows.map((row) => [
        row.code,
        row.academic_year,
        Number(row.reports_submitted),
        Number(row.reports_submitted_on_time),
      ]),
    ).toEqual([
      ['280001', CURRENT, 1, 1],
      ['280002', CURRENT - 1, 1, 0],
    ]);
  });
});
