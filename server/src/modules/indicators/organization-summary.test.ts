import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { addParticipant, expectError } from '../../../test/mentoring-fixture.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import { measuresOnDate, refreshOrganizationSummaries } from './organization-summary.js';
import { MEASURE_NAMES } from './summary-measures.js';

let api: TestServer;
const CURATOR = { user: 'curator.zeya1' };
const LYSKOVO = { user: 'curator.lyskovo3' };

const ids: Record<string, number> = {};
const people: Record<string, string> = {};
const groups: Record<string, string> = {};

async function gqlOk<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
) {
  const result = await api.graphql<T>(query, variables, caller);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const db = () => api.orm.em.getConnection();

/** Partners and reports have measures of their own, tested with their tables. */
const MEASURES = MEASURE_NAMES.filter((name) => !/^(partners|reports_)/.test(name));

/** A stored summary row as numbers. */
async function summaryRow(table: string, key: string, id: number, year: number) {
  const [row] = await db().execute<Record<string, string>[]>(
    `select ${MEASURES.join(', ')} from ${table} where ${key} = ? and academic_year = ?`,
    [id, year],
  );
  return row ? Object.fromEntries(MEASURES.map((name) => [name, Number(row[name])])) : null;
}

/** The hand numbers, every other measure 0. */
const expected = (values: Record<string, number>) =>
  Object.fromEntries(MEASURES.map((name) => [name, values[name] ?? 0]));

const pupil = (lastName: string, birthDate: string, grade: string, role: 'mentor' | 'mentee') => ({
  category: 'PUPIL',
  lastName,
  birthDate,
  gradeOrCourse: grade,
  isMentor: role === 'mentor',
  isMentee: role === 'mentee',
});

const teacher = (lastName: string, birthDate: string, experience: number, role: 'mentor' | 'mentee') => ({
  category: 'TEACHER',
  lastName,
  birthDate,
  teachingExperienceYears: experience,
  isMentor: role === 'mentor',
  isMentee: role === 'mentee',
});

async function group(
  form: string,
  mentorIds: string[],
  menteeIds: string[],
  started: string,
  caller: Caller = CURATOR,
): Promise<string> {
  const data = await gqlOk<{ createMentoringGroup: { id: string } }>(
    `mutation($input: MentoringGroupInput!) { createMentoringGroup(input: $input) { id } }`,
    {
      input: {
        form,
        mentorIds,
        menteeIds,
        orderNumber: `П-${started}`,
        orderDate: started,
        startedOn: started,
      },
    },
    caller,
  );
  const id = data.createMentoringGroup.id;
  await gqlOk(`mutation($id: ID!) { activateGroup(id: $id) { status } }`, { id }, caller);
  return id;
}

const complete = (id: string, endedOn: string) =>
  gqlOk(
    `mutation($id: ID!, $on: String!) { completeGroup(id: $id, endedOn: $on) { status } }`,
    { id, on: endedOn },
    CURATOR,
  );

const scores = (motivation: number, competences: number, results: number) => [
  { scale: 'MOTIVATION', value: motivation },
  { scale: 'COMPETENCES', value: competences },
  { scale: 'RESULTS', value: results },
];

const assess = (
  groupId: string,
  participantId: string,
  phase: string,
  assessedOn: string,
  values: object[],
) =>
  gqlOk(
    `mutation($g: ID!, $p: ID!, $input: AssessmentInput!) {
       recordAssessment(groupId: $g, participantId: $p, input: $input) { participantId } }`,
    { g: groupId, p: participantId, input: { phase, assessedOn, scores: values } },
    CURATOR,
  );

const feedback = (groupId: string, participantId: string, score: number) =>
  gqlOk(
    `mutation($g: ID!, $p: ID!, $score: Int!) { recordFeedback(groupId: $g, participantId: $p, input: { score: $score }) { id } }`,
    { g: groupId, p: participantId, score },
    CURATOR,
  );

const setContingent = (code: string, year: number, input: object, caller: Caller) =>
  api.graphql(
    `mutation($code: String!, $year: Int!, $input: ContingentInput!) {
       setContingent(organizationCode: $code, academicYear: $year, input: $input) { academicYear } }`,
    { code, year, input },
    caller,
  );

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  const rows = await db().execute<{ code: string; id: number; municipality_id: number; region_id: number }[]>(
    `select o.code, o.id, o.municipality_id, o.region_id from organization o`,
  );
  for (const row of rows) ids[row.code] = row.id;
  ids.zeya = rows.find((row) => row.code === '280001')!.municipality_id;
  ids.region28 = rows.find((row) => row.code === '280001')!.region_id;
  ids.region52 = rows.find((row) => row.code === '520001')!.region_id;

  // Ages on the reference dates 1 January 2025 (year 2024) and 1 January 2026 (year 2025):
  people.M1 = await addParticipant(api, CURATOR, pupil('Старшеклассник', '2009-04-10', '10А', 'mentor')); // 15 | 16
  people.S = await addParticipant(api, CURATOR, {
    ...pupil('Студентка', '2005-12-05', '2 курс', 'mentor'),
    category: 'STUDENT',
  }); // 19 | 20
  people.E1 = await addParticipant(api, CURATOR, pupil('Четвероклассница', '2015-02-20', '4А', 'mentee')); // 9 | 10
  people.E2 = await addParticipant(api, CURATOR, pupil('Пятиклассник', '2014-01-15', '5А', 'mentee')); // 11 | 12
  people.E3 = await addParticipant(api, CURATOR, pupil('Выпускница', '2006-02-01', '11А', 'mentee')); // 18 | 19
  people.T1 = await addParticipant(api, CURATOR, teacher('Опытная', '1975-01-01', 25, 'mentor'));
  people.T2 = await addParticipant(api, CURATOR, teacher('Молодая', '1991-03-10', 5, 'mentee')); // 34 on 1.1.2026
  people.T3 = await addParticipant(api, CURATOR, teacher('Начинающий', '1980-05-05', 2, 'mentee')); // 45, стаж 2

  // 2024/2025: G1 pupil–pupil (two mentees), G2 student–pupil pair; both completed within the year.
  groups.G1 = await group('PUPIL_PUPIL', [people.M1], [people.E1, people.E2], '2024-10-01');
  groups.G2 = await group('STUDENT_PUPIL', [people.S], [people.E3], '2024-11-01');
  await complete(groups.G1, '2025-05-31');
  await complete(groups.G2, '2025-06-15');
  // 2025/2026 and on: G3 teacher–teacher (two mentees), G4 pupil–pupil pair, both still working.
  groups.G3 = await group('TEACHER_TEACHER', [people.T1], [people.T2, people.T3], '2025-09-15');
  groups.G4 = await group('PUPIL_PUPIL', [people.M1], [people.E1], '2025-10-01');
  // A group still forming counts nowhere.
  await gqlOk(
    `mutation($input: MentoringGroupInput!) { createMentoringGroup(input: $input) { id } }`,
    { input: { form: 'TEACHER_TEACHER', mentorIds: [people.T1], menteeIds: [people.T3] } },
    CURATOR,
  );

  await feedback(groups.G4, people.E1, 5);
  await feedback(groups.G4, people.M1, 4);
  await assess(groups.G4, people.E1, 'START', '2025-10-05', scores(4, 5, 6));
  await assess(groups.G4, people.E1, 'END', '2026-05-20', scores(6, 8, 6)); // growth (2 + 3 + 0) / 3

  // E3 withdraws consent on 1 October 2025: counted still, but without consent at the end of 2025/2026.
  const consents = await gqlOk<{ participant: { consents: { id: string }[] } }>(
    `query($id: ID!) { participant(id: $id) { consents { id } } }`,
    { id: people.E3 },
    CURATOR,
  );
  await gqlOk(
    `mutation($id: ID!) { revokeConsent(consentId: $id, revokedOn: "2025-10-01") { id } }`,
    { id: consents.participant.consents[0]!.id },
    CURATOR,
  );

  const roadmap = await gqlOk<{
    createRoadmapFromTemplate: { items: { id: string; dueWording: string }[] };
  }>(
    `mutation { createRoadmapFromTemplate(input: { templateCode: "school-standard", academicYear: 2025 }) {
       items { id dueWording } } }`,
    {},
    CURATOR,
  );
  const item = (wording: string) =>
    roadmap.createRoadmapFromTemplate.items.find((i) => i.dueWording === wording)!.id;
  const mark = (id: string, completedAt: string) =>
    gqlOk(
      `mutation($id: ID!, $on: String!) { markRoadmapItem(id: $id, input: { status: DONE, completedAt: $on }) { status } }`,
      { id, on: completedAt },
      CURATOR,
    );
  await mark(item('Сентябрь, октябрь 2025'), '2025-10-15'); // due 31.10.2025: on time
  await mark(item('1 неделя ноября'), '2025-12-01'); // due 07.11.2025: late

  // Contingent: 280001 leaves youth 15–19 and college students unreported; 280002 reports through the region.
  expect(
    (
      await setContingent(
        '280001',
        2025,
        { pupilsTotal: 500, pupils10to18: 300, teachersTotal: 40, youngTeachers: 8 },
        CURATOR,
      )
    ).errors,
  ).toBeUndefined();
  expect(
    (
      await setContingent(
        '280002',
        2025,
        { pupilsTotal: 200, pupils10to18: 120, youth15to19: 50, teachersTotal: 20, youngTeachers: 3 },
        { user: 'admin.28' },
      )
    ).errors,
  ).toBeUndefined();

  // Another region: one teacher pair in 2025/2026.
  const mentor = await addParticipant(api, LYSKOVO, teacher('Наставница', '1970-06-01', 30, 'mentor'));
  const mentee = await addParticipant(api, LYSKOVO, teacher('Новичок', '2001-09-01', 1, 'mentee'));
  await group('TEACHER_TEACHER', [mentor], [mentee], '2025-09-20', LYSKOVO);
});
afterAll(() => api.stop());

const SCHOOL_2024 = expected({
  organizations: 1,
  participants: 5, // M1, S, E1, E2, E3: in groups of 2024/2025 (entered later, in 2026)
  participants_with_consent: 0, // every consent was signed on 1.09.2025, after the year ended
  mentees: 3,
  mentors: 2,
  mentees_pupils_10_18: 2, // E2 (11), E3 (18); E1 is 9 on 1.01.2025
  mentors_youth_15_19: 2, // M1 (15), S (19)
  mentees_form_pupil_pupil: 2,
  mentees_form_student_pupil: 1,
  mentees_category_pupil: 3,
  mentors_category_pupil: 1,
  mentors_category_student: 1,
  mentees_age_under_10: 1,
  mentees_age_10_14: 1,
  mentees_age_15_18: 1,
  groups: 2,
  pairs: 1,
  groups_form_pupil_pupil: 1,
  groups_form_student_pupil: 1,
  mentee_places: 3,
  groups_completed: 2,
});

const SCHOOL_2025 = {
  organizations: 1,
  participants: 8,
  participants_with_consent: 7, // E3 revoked on 1.10.2025
  mentees: 3, // T2, T3, E1
  mentors: 2, // T1, M1
  mentees_pupils_10_18: 1, // E1 turned 10 in February 2025
  mentors_youth_15_19: 1, // M1 (16)
  mentees_young_teachers: 2, // T2 (34), T3 (стаж 2 года)
  mentees_form_pupil_pupil: 1,
  mentees_form_teacher_teacher: 2,
  mentees_category_pupil: 1,
  mentees_category_teacher: 2,
  mentors_category_pupil: 1,
  mentors_category_teacher: 1,
  mentees_age_10_14: 1,
  mentees_age_19_35: 1,
  mentees_age_over_35: 1,
  groups: 2,
  pairs: 1,
  groups_form_pupil_pupil: 1,
  groups_form_teacher_teacher: 1,
  mentee_places: 3,
  groups_monitored: 1,
  growth_count: 1,
  feedback_score_sum: 9,
  feedback_count: 2,
  roadmap_items: 34,
  roadmap_items_done: 2,
  roadmap_items_done_on_time: 1,
  pupils_total: 500,
  pupils_10_18: 300,
  teachers_total: 40,
  young_teachers: 8,
  pupils_total_reported: 1,
  pupils_10_18_reported: 1,
  teachers_total_reported: 1,
  young_teachers_reported: 1,
  // Numerators over the schools that reported the share's denominator: youth 15–19 was not reported.
  mentees_pupils_10_18_where_pupils_10_18_reported: 1,
  mentees_young_teachers_where_young_teachers_reported: 2,
};

const NEIGHBOUR_2025 = {
  organizations: 1,
  pupils_total: 200,
  pupils_10_18: 120,
  youth_15_19: 50,
  teachers_total: 20,
  young_teachers: 3,
  pupils_total_reported: 1,
  pupils_10_18_reported: 1,
  youth_15_19_reported: 1,
  teachers_total_reported: 1,
  young_teachers_reported: 1,
};

/** Sums two rows of hand numbers. */
function sum(...rows: Record<string, number>[]) {
  const total: Record<string, number> = {};
  for (const row of rows)
    for (const [name, value] of Object.entries(row)) total[name] = (total[name] ?? 0) + value;
  return total;
}

describe('summary rows equal the hand-computed numbers', () => {
  it('for the school, year by year, ages taken on 1 January', async () => {
    expect(await summaryRow('organization_summary', 'organization_id', ids['280001']!, 2024)).toEqual(
      SCHOOL_2024,
    );
    const school2025 = await summaryRow('organization_summary', 'organization_id', ids['280001']!, 2025);
    expect(school2025!.growth_sum).toBeCloseTo(5 / 3, 10);
    expect(school2025).toEqual(expected({ ...SCHOOL_2025, growth_sum: school2025!.growth_sum }));
    expect(await summaryRow('organization_summary', 'organization_id', ids['280001']!, 2023)).toBeNull();
  });

  it('for the municipality and the region: sums of their schools, contingent with reported counts', async () => {
    const school2025 = await summaryRow('organization_summary', 'organization_id', ids['280001']!, 2025);
    const both = expected({ ...sum(SCHOOL_2025, NEIGHBOUR_2025), growth_sum: school2025!.growth_sum });
    expect(both).toMatchObject({
      organizations: 2,
      pupils_total: 700,
      pupils_total_reported: 2,
      youth_15_19: 50,
    });
    expect(both.youth_15_19_reported).toBe(1);
    expect(await summaryRow('municipality_summary', 'municipality_id', ids.zeya!, 2025)).toEqual(both);
    expect(await summaryRow('region_summary', 'region_id', ids.region28!, 2025)).toEqual(both);
    expect(await summaryRow('municipality_summary', 'municipality_id', ids.zeya!, 2024)).toEqual(SCHOOL_2024);
    expect(await summaryRow('region_summary', 'region_id', ids.region28!, 2024)).toEqual(SCHOOL_2024);
  });

  it('keeps regions apart', async () => {
    expect(await summaryRow('region_summary', 'region_id', ids.region52!, 2025)).toMatchObject({
      organizations: 1,
      participants: 2,
      groups: 1,
      pairs: 1,
      mentees_young_teachers: 1,
      mentees: 1,
      mentors: 1,
      pupils_total_reported: 0,
    });
    expect(await summaryRow('region_summary', 'region_id', ids.region52!, 2024)).toBeNull();
  });

  it('recomputes the age measures for another date (measuresOnDate)', async () => {
    // In February E1 turned 10 and E3 turned 19: on 1 March 2025 the bands differ from 1 January.
    const [school] = await measuresOnDate(api.orm.em.getConnection().getKnex(), {
      academicYear: 2024,
      on: '2025-03-01',
      organizationPredicate: { sql: 'o.id = ?', params: [ids['280001']!] },
    });
    expect(school).toEqual({
      unitId: ids['280001'],
      values: {
        mentees_pupils_10_18: 2,
        mentors_youth_15_19: 2,
        mentees_young_teachers: 0,
        mentees_age_under_10: 0,
        mentees_age_10_14: 2,
        mentees_age_15_18: 0,
        mentees_age_19_35: 1,
        mentees_age_over_35: 0,
        mentees_age_unknown: 0,
        // No contingent for 2024/2025: nothing counts where it was reported.
        mentees_pupils_10_18_where_pupils_10_18_reported: 0,
        mentors_youth_15_19_where_youth_15_19_reported: 0,
        mentees_young_teachers_where_young_teachers_reported: 0,
      },
    });
  });

  it('is consistent with a recomputation from base rows after all those writes', () =>
    expectSummaryConsistent(api));
});

async function lock(code: string, year: number) {
  await db().execute(
    `insert into period_lock (organization_id, academic_year, locked_by, reason) values (?, ?, ?, ?)`,
    [ids[code]!, year, 'admin.28', 'отчёт утверждён'],
  );
}

async function snapshot() {
  return db().execute(
    `select 'o' as level, organization_id as id, academic_year, ${MEASURE_NAMES.join(', ')} from organization_summary
     union all select 'm', municipality_id, academic_year, ${MEASURE_NAMES.join(', ')} from municipality_summary
     union all select 'r', region_id, academic_year, ${MEASURE_NAMES.join(', ')} from region_summary
     order by 1, 2, 3`,
  );
}

describe('a locked organisation-year', () => {
  it('refuses a participant change that would alter its figures, and nothing changes', async () => {
    await lock('280001', 2024);
    const before = await snapshot();
    const result = await api.graphql(
      `mutation($id: ID!, $input: ParticipantInput!) { updateParticipant(id: $id, input: $input) { birthYear } }`,
      { id: people.E2, input: { ...pupil('Пятиклассник', '2016-01-15', '5А', 'mentee'), firstName: 'Тест' } },
      CURATOR,
    );
    expectError(result, 'PERIOD_LOCKED', /«МОАУ СОШ № 1» за 2024\/2025 учебный год.*снимет блокировку/);
    const [stored] = await db().execute(`select birth_year from participant where id = ?`, [people.E2]);
    expect(stored).toEqual({ birth_year: 2014 });
    expect(await snapshot()).toEqual(before);
  });

  it('lets a change through that leaves the locked year as it is (another year, another school)', async () => {
    // A new mentee of G4 (2025/2026) changes only 2025/2026 and on.
    const newcomer = await addParticipant(api, CURATOR, pupil('Новенький', '2013-03-03', '6А', 'mentee'));
    await gqlOk(
      `mutation($id: ID!, $ids: [ID!]!) { addGroupMembers(id: $id, menteeIds: $ids) { id } }`,
      { id: groups.G4, ids: [newcomer] },
      CURATOR,
    );
    expect(await summaryRow('organization_summary', 'organization_id', ids['280001']!, 2024)).toEqual(
      SCHOOL_2024,
    );
    expect((await summaryRow('organization_summary', 'organization_id', ids['280001']!, 2025))!.mentees).toBe(
      4,
    );
    expect(
      (await setContingent('280002', 2024, { pupilsTotal: 210 }, { user: 'admin.28' })).errors,
    ).toBeUndefined();
  });

  it('refuses a group change and a contingent change of the locked year, until the lock is gone', async () => {
    await lock('280001', 2025);
    const before = await snapshot();
    // Terminating G3 would take it out of 2025/2026.
    expectError(
      await api.graphql(
        `mutation($id: ID!) { terminateGroup(id: $id, endedOn: "2025-12-01", reason: "переезд") { status } }`,
        { id: groups.G3 },
        CURATOR,
      ),
      'PERIOD_LOCKED',
      /2025\/2026 учебный год/,
    );
    expectError(
      await setContingent('280001', 2025, { pupilsTotal: 501 }, CURATOR),
      'PERIOD_LOCKED',
      /2025\/2026/,
    );
    expect(await snapshot()).toEqual(before);
    const [group] = await db().execute(`select status from mentoring_group where id = ?`, [groups.G3]);
    expect(group).toEqual({ status: 'ACTIVE' });

    // The neighbour school of the same municipality is not locked.
    expect(
      (await setContingent('280002', 2025, { pupilsTotal: 201 }, { user: 'admin.28' })).errors,
    ).toBeUndefined();
    // Unlocked, the same change passes.
    await db().execute(`delete from period_lock where organization_id = ?`, [ids['280001']!]);
    expect((await setContingent('280001', 2025, { pupilsTotal: 501 }, CURATOR)).errors).toBeUndefined();
  });

  it('leaves the summary consistent', () => expectSummaryConsistent(api));
});

describe('partners', () => {
  const NEIGHBOUR = { user: 'curator.zeya4' };
  const partner = async (name: string) =>
    (
      await gqlOk<{ createPartner: { id: string } }>(
        `mutation($name: String!) { createPartner(input: { name: $name, kind: EMPLOYER }) { id } }`,
        { name },
        NEIGHBOUR,
      )
    ).createPartner.id;

  it('counts a partner in the years of its agreement, and one providing a mentor in the years of the mentor’s group', async () => {
    const withAgreement = await partner('ООО «Амурский завод»');
    await gqlOk(
      `mutation($id: ID!) { addPartnerAgreement(partnerId: $id, input: { number: "С-1", signedOn: "2024-08-20",
         validFrom: "2024-09-01", validTo: "2025-08-31", subject: "Наставничество на производстве" }) { id } }`,
      { id: withAgreement },
      NEIGHBOUR,
    );
    const providing = await partner('АО «Зейская ГЭС»');
    const engineer = await addParticipant(api, NEIGHBOUR, {
      category: 'EMPLOYER_REPRESENTATIVE',
      lastName: 'Инженер',
      birthDate: '1985-05-05',
      isMentor: true,
      partnerOrganization: 'АО «Зейская ГЭС»',
    });
    await gqlOk(
      `mutation($p: ID!, $partner: ID) { linkMentorToPartner(participantId: $p, partnerId: $partner) { id } }`,
      { p: engineer, partner: providing },
      NEIGHBOUR,
    );
    const pupilOfNeighbour = await addParticipant(
      api,
      NEIGHBOUR,
      pupil('Восьмиклассник', '2011-05-05', '8А', 'mentee'),
    );
    await group('EMPLOYER_PUPIL', [engineer], [pupilOfNeighbour], '2025-09-10', NEIGHBOUR);

    const row = async (year: number) => {
      const [stored] = await db().execute<{ partners: string; partners_providing_mentors: string }[]>(
        `select partners, partners_providing_mentors from organization_summary
         where organization_id = ? and academic_year = ?`,
        [ids['280002']!, year],
      );
      return (
        stored && { partners: Number(stored.partners), providing: Number(stored.partners_providing_mentors) }
      );
    };
    expect(await row(2024)).toEqual({ partners: 1, providing: 0 });
    expect(await row(2025)).toEqual({ partners: 1, providing: 1 });
    await expectSummaryConsistent(api);
  });
});

describe('directory changes', () => {
  it('moves a school’s rows with it when the directory puts it under another municipality', async () => {
    const before = await summaryRow('organization_summary', 'organization_id', ids['280002']!, 2025);
    const csv =
      'Код субъекта;Субъект РФ;ОКТМО;Муниципальное образование;Вид МО;Код ОО;Полное наименование ОО;Тип ОО\n' +
      '28;Амурская область;10701000;город Благовещенск;городской округ;280002;МОАУ СОШ № 4;школа';
    const report = await gqlOk<{ importDirectory: { applied: boolean } }>(
      `mutation($input: DirectoryImportInput!) { importDirectory(input: $input) { applied } }`,
      { input: { fileName: 'ou.csv', contentBase64: Buffer.from(csv).toString('base64') } },
      { user: 'admin.28' },
    );
    expect(report.importDirectory.applied).toBe(true);
    const [moved] = await db().execute<{ municipality_id: number }[]>(
      `select municipality_id from organization where code = '280002'`,
    );
    expect(moved!.municipality_id).not.toBe(ids.zeya);
    expect(await summaryRow('municipality_summary', 'municipality_id', moved!.municipality_id, 2025)).toEqual(
      before,
    );
    await expectSummaryConsistent(api);
  });
});

describe('refresh cost', () => {
  it('takes the same number of statements for one organisation as for many', async () => {
    const knex = api.orm.em.getConnection().getKnex();
    const all = Object.entries(ids)
      .filter(([code]) => /^\d{6}$/.test(code))
      .map(([, id]) => id);
    const one = await api.countStatements(() =>
      knex.transaction((trx) => refreshOrganizationSummaries(trx, [all[0]!])),
    );
    const many = await api.countStatements(() =>
      knex.transaction((trx) => refreshOrganizationSummaries(trx, all)),
    );
    // Past a few organisations the refresh is planned for the set's size instead of prepared.
    const unknown = Array.from({ length: 20 }, (_, index) => 1_000_000 + index);
    const bulk = await api.countStatements(() =>
      knex.transaction((trx) => refreshOrganizationSummaries(trx, [...all, ...unknown])),
    );
    expect(many).toBe(one);
    expect(bulk).toBe(one);
    await expectSummaryConsistent(api);
  });
});
