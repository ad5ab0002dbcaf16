import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { addParticipant, expectError } from '../../../test/mentoring-fixture.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import { MEASURE_NAMES } from './summary-measures.js';

/**
 * The hand-computed fixture, academic year 2025 (1 Sep 2025 – 31 Aug 2026), ages on the
 * reference date 1 January 2026 (age = 2026 − birth year − 1 when born after January). All data
 * goes in through the API as the schools, the municipality and the region enter it.
 *
 * A = 280001 (город Зея, curator.zeya1); contingent: 10–18 — 20, 15–19 — 8, young teachers — 4.
 *   a1 pupil  12.2015, 5А  mentee  — 10 on 01.01.2026 (9 on 01.09.2025)
 *   a2 pupil  02.2007, 11А mentee  — 18 on 01.01.2026 (19 on 01.03.2026)
 *   a3 pupil  05.2010, 9Б  mentor  — 15
 *   a4 teacher 03.1996, 5 years    mentee — young by age (29)
 *   a5 teacher 06.1980, 20 years   mentor
 *   a6 teacher 01.1985, 2 years    mentee — young by experience (41); consent revoked 01.03.2026
 *   a7 employer representative 07.1990, mentor, of partner P1
 *   GA1 ученик – ученик a3 → a1; GA2 учитель – учитель a5 → a4, a6; GA3 учитель – ученик a5 → a2;
 *   GA4 работодатель – ученик a7 → a1. Feedback: a1 5, a3 4 (GA1), a4 3 (GA2) = 12 / 3.
 *   Assessments in GA2: a4 4,4,4 → 6,7,8 (growth 3), a6 5,5,5 → 5,6,7 (growth 1) = 4 / 2.
 *   Partners P1 (provides a7) and P2, both with an agreement from 01.09.2025.
 *   Roadmap from the standard template (34 events), 2 marked done.
 *   → participants 7 (6 with consent), mentees 4, mentors 3, mentee places 5, groups 4 (1 monitored).
 * B = 280002 (город Зея, curator.zeya4); contingent: 10–18 NOT REPORTED, 15–19 — 12, young — 2.
 *   b1 pupil 09.2012, 8А mentee (13); b2 pupil 01.2009, 10А mentor (17). GB1 ученик – ученик b2 → b1;
 *   feedback b1 5.
 * C = 280010 (город Благовещенск, no curator): contingent only, by the region: 30, 10, 3.
 * D = 520001 (Лысковский м. о., curator.lyskovo3); contingent 10, 5, 1.
 *   d1 pupil 03.2011, 9А mentee (14); d2 teacher 04.1975, 25 years, mentor. GD1 учитель – ученик d2 → d1.
 * Every school owes one report (form «cmn» from 2025) and has submitted none.
 */

const YEAR = 2025;
const A = { user: 'curator.zeya1' };
const B = { user: 'curator.zeya4' };
const D = { user: 'curator.lyskovo3' };
const COORDINATOR = { user: 'coordinator.zeya' };
const ADMIN_28 = { user: 'admin.28' };

const VALUE = `code name unit numerator denominator value target gap complete reportedOrganizations organizations`;
const ROLLUP = `query($unit: UnitInput!, $year: Int!, $on: Date, $codes: [String!]) {
  indicatorRollup(unit: $unit, academicYear: $year, on: $on, codes: $codes) {
    unit { level code name } academicYear on
    values { ${VALUE} }
    children { unit { level code name } values { ${VALUE} } }
    trend { academicYear values { ${VALUE} } } } }`;

interface Value {
  code: string;
  name: string;
  unit: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
  target: number | null;
  gap: number | null;
  complete: boolean;
  reportedOrganizations: number;
  organizations: number;
}
interface Rollup {
  unit: { level: string; code: string | null; name: string };
  academicYear: number;
  on: string;
  values: Value[];
  children: { unit: { level: string; code: string | null; name: string }; values: Value[] }[];
  trend: { academicYear: number; values: Value[] }[];
}

let api: TestServer;

async function rollup(
  unit: { level: string; code?: string },
  options: { on?: string; codes?: string[]; caller?: Caller; year?: number } = {},
) {
  return api.graphql<{ indicatorRollup: Rollup }>(
    ROLLUP,
    { unit, year: options.year ?? YEAR, on: options.on ?? null, codes: options.codes ?? null },
    options.caller ?? { user: 'analyst.rf' },
  );
}

async function rollupOf(
  unit: { level: string; code?: string },
  options: { on?: string; codes?: string[] } = {},
) {
  const result = await rollup(unit, options);
  expect(result.errors).toBeUndefined();
  return result.data!.indicatorRollup;
}

async function ok<T>(query: string, variables: Record<string, unknown>, caller: Caller): Promise<T> {
  const result = await api.graphql<T>(query, variables, caller);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function person(caller: Caller, input: Record<string, unknown>) {
  return addParticipant(api, caller, { firstName: 'Тест', ...input });
}

/** A working pair or group: created and started under an order on the given day. */
async function group(
  caller: Caller,
  form: string,
  mentorIds: string[],
  menteeIds: string[],
  startedOn: string,
) {
  const created = await ok<{ createMentoringGroup: { id: string } }>(
    `mutation($input: MentoringGroupInput!) { createMentoringGroup(input: $input) { id } }`,
    { input: { form, mentorIds, menteeIds } },
    caller,
  );
  const id = created.createMentoringGroup.id;
  await ok(
    `mutation($id: ID!, $on: String!) { activateGroup(id: $id, orderNumber: "1-н", orderDate: $on, startedOn: $on) { id } }`,
    { id, on: startedOn },
    caller,
  );
  return id;
}

async function feedback(caller: Caller, groupId: string, participantId: string, score: number) {
  await ok(
    `mutation($g: ID!, $p: ID!, $input: FeedbackInput!) { recordFeedback(groupId: $g, participantId: $p, input: $input) { score } }`,
    { g: groupId, p: participantId, input: { score } },
    caller,
  );
}

async function assess(
  caller: Caller,
  groupId: string,
  participantId: string,
  phase: string,
  on: string,
  values: number[],
) {
  const scales = ['MOTIVATION', 'COMPETENCES', 'RESULTS'];
  await ok(
    `mutation($g: ID!, $p: ID!, $input: AssessmentInput!) {
       recordAssessment(groupId: $g, participantId: $p, input: $input) { participantId } }`,
    {
      g: groupId,
      p: participantId,
      input: { phase, assessedOn: on, scores: scales.map((scale, i) => ({ scale, value: values[i] })) },
    },
    caller,
  );
}

async function contingent(caller: Caller, code: string, input: Record<string, number | null>) {
  await ok(
    `mutation($code: String!, $year: Int!, $input: ContingentInput!) {
       setContingent(organizationCode: $code, academicYear: $year, input: $input) { academicYear } }`,
    { code, year: YEAR, input },
    caller,
  );
}

async function partner(caller: Caller, name: string, kind: string) {
  const created = await ok<{ createPartner: { id: string } }>(
    `mutation($input: PartnerInput!) { createPartner(input: $input) { id } }`,
    { input: { name, kind } },
    caller,
  );
  const id = created.createPartner.id;
  await ok(
    `mutation($id: ID!, $input: PartnerAgreementInput!) { addPartnerAgreement(partnerId: $id, input: $input) { id } }`,
    {
      id,
      input: {
        number: `${id}-С`,
        signedOn: '2025-09-01',
        validFrom: '2025-09-01',
        subject: 'Наставничество',
      },
    },
    caller,
  );
  return id;
}

async function schoolRoadmapWithTwoDone() {
  const created = await ok<{ createRoadmapFromTemplate: { id: string; items: { id: string }[] } }>(
    `mutation { createRoadmapFromTemplate(input: { templateCode: "school-standard", academicYear: ${YEAR} }) {
       id items { id } } }`,
    {},
    A,
  );
  const { id, items } = created.createRoadmapFromTemplate;
  expect(items).toHaveLength(34);
  await ok(`mutation($id: ID!) { submitRoadmap(id: $id) { status } }`, { id }, A);
  await ok(`mutation($id: ID!) { agreeRoadmap(id: $id) { status } }`, { id }, COORDINATOR);
  for (const item of items.slice(0, 2))
    await ok(
      `mutation($id: ID!) { markRoadmapItem(id: $id, input: { status: DONE, completedAt: "2025-10-15" }) { status } }`,
      { id: item.id },
      A,
    );
}

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);

  // School A. The partner link comes before the group that makes its representative a mentor.
  const p1 = await partner(A, 'ООО «Зейский лесхоз»', 'EMPLOYER');
  await partner(A, 'МАУК «Зейский краеведческий музей»', 'CULTURE');
  const a1 = await person(A, {
    category: 'PUPIL',
    lastName: 'Аксёнова',
    birthDate: '2015-12-15',
    gradeOrCourse: '5А',
    isMentee: true,
  });
  const a2 = await person(A, {
    category: 'PUPIL',
    lastName: 'Белов',
    birthDate: '2007-02-10',
    gradeOrCourse: '11А',
    isMentee: true,
  });
  const a3 = await person(A, {
    category: 'PUPIL',
    lastName: 'Васильева',
    birthDate: '2010-05-20',
    gradeOrCourse: '9Б',
    isMentor: true,
  });
  const a4 = await person(A, {
    category: 'TEACHER',
    lastName: 'Гусев',
    birthDate: '1996-03-05',
    teachingExperienceYears: 5,
    isMentee: true,
  });
  const a5 = await person(A, {
    category: 'TEACHER',
    lastName: 'Дмитриева',
    birthDate: '1980-06-01',
    teachingExperienceYears: 20,
    isMentor: true,
  });
  const a6 = await person(A, {
    category: 'TEACHER',
    lastName: 'Егоров',
    birthDate: '1985-01-10',
    teachingExperienceYears: 2,
    isMentee: true,
  });
  const a7 = await person(A, {
    category: 'EMPLOYER_REPRESENTATIVE',
    lastName: 'Жуков',
    partnerOrganization: 'ООО «Зейский лесхоз»',
    birthDate: '1990-07-07',
    isMentor: true,
  });
  await ok(
    `mutation($p: ID!, $partner: ID) { linkMentorToPartner(participantId: $p, partnerId: $partner) { id } }`,
    { p: a7, partner: p1 },
    A,
  );
  const ga1 = await group(A, 'PUPIL_PUPIL', [a3], [a1], '2025-10-01');
  const ga2 = await group(A, 'TEACHER_TEACHER', [a5], [a4, a6], '2025-09-15');
  await group(A, 'TEACHER_PUPIL', [a5], [a2], '2025-10-01');
  await group(A, 'EMPLOYER_PUPIL', [a7], [a1], '2025-11-10');
  await feedback(A, ga1, a1, 5);
  await feedback(A, ga1, a3, 4);
  await feedback(A, ga2, a4, 3);
  await assess(A, ga2, a4, 'START', '2025-10-01', [4, 4, 4]);
  await assess(A, ga2, a4, 'END', '2026-05-20', [6, 7, 8]);
  await assess(A, ga2, a6, 'START', '2025-10-01', [5, 5, 5]);
  await assess(A, ga2, a6, 'END', '2026-05-20', [5, 6, 7]);
  const consents = await ok<{ participant: { consents: { id: string }[] } }>(
    `query($id: ID!) { participant(id: $id) { consents { id } } }`,
    { id: a6 },
    A,
  );
  await ok(
    `mutation($id: ID!) { revokeConsent(consentId: $id, revokedOn: "2026-03-01") { id } }`,
    { id: consents.participant.consents[0]!.id },
    A,
  );
  await schoolRoadmapWithTwoDone();
  await contingent(A, '280001', {
    pupilsTotal: 30,
    pupils10to18: 20,
    youth15to19: 8,
    teachersTotal: 10,
    youngTeachers: 4,
  });

  // School B: the pupils aged 10–18 are not reported.
  const b1 = await person(B, {
    category: 'PUPIL',
    lastName: 'Иванов',
    birthDate: '2012-09-01',
    gradeOrCourse: '8А',
    isMentee: true,
  });
  const b2 = await person(B, {
    category: 'PUPIL',
    lastName: 'Кузнецова',
    birthDate: '2009-01-15',
    gradeOrCourse: '10А',
    isMentor: true,
  });
  const gb1 = await group(B, 'PUPIL_PUPIL', [b2], [b1], '2025-11-01');
  await feedback(B, gb1, b1, 5);
  await contingent(B, '280002', {
    pupilsTotal: 40,
    pupils10to18: null,
    youth15to19: 12,
    teachersTotal: 8,
    youngTeachers: 2,
  });

  // School C: only the region enters its contingent.
  await contingent(ADMIN_28, '280010', {
    pupilsTotal: 50,
    pupils10to18: 30,
    youth15to19: 10,
    teachersTotal: 12,
    youngTeachers: 3,
  });

  // School D, region 52.
  const d1 = await person(D, {
    category: 'PUPIL',
    lastName: 'Лебедев',
    birthDate: '2011-03-15',
    gradeOrCourse: '9А',
    isMentee: true,
  });
  const d2 = await person(D, {
    category: 'TEACHER',
    lastName: 'Морозова',
    birthDate: '1975-04-20',
    teachingExperienceYears: 25,
    isMentor: true,
  });
  await group(D, 'TEACHER_PUPIL', [d2], [d1], '2025-09-10');
  await contingent(D, '520001', {
    pupilsTotal: 20,
    pupils10to18: 10,
    youth15to19: 5,
    teachersTotal: 5,
    youngTeachers: 1,
  });
}, 120_000);
afterAll(() => api.stop());

/** [numerator, denominator, value, complete] as computed by hand above. */
type Expected = [numerator: number, denominator: number | null, value: number | null, complete: boolean];

/**
 * Whether the summary keeps the 10–18 mentees of the schools that reported their pupils 10–18:
 * then a partial contingent divides only their mentees (exact); otherwise every school's
 * mentees (an upper bound). Either way the value says it is incomplete.
 */
const REPORTED_PART = MEASURE_NAMES.includes('mentees_pupils_10_18_where_pupils_10_18_reported');

const pct = (numerator: number, denominator: number) => (numerator / denominator) * 100;

/** FORM_COVERAGE_<form> of a unit with `mentees` mentees and these mentees per form. */
function forms(mentees: number, [pp, tt, sp, ep, es, tp]: number[]): Record<string, Expected> {
  const share = (n: number): Expected => [n, mentees, mentees ? pct(n, mentees) : null, true];
  return {
    FORM_COVERAGE_PUPIL_PUPIL: share(pp!),
    FORM_COVERAGE_TEACHER_TEACHER: share(tt!),
    FORM_COVERAGE_STUDENT_PUPIL: share(sp!),
    FORM_COVERAGE_EMPLOYER_PUPIL: share(ep!),
    FORM_COVERAGE_EMPLOYER_STUDENT: share(es!),
    FORM_COVERAGE_TEACHER_PUPIL: share(tp!),
  };
}

const SCHOOL_A: Record<string, Expected> = {
  PUPILS_10_18_MENTEES: [2, 20, 10, true], // a1, a2 of 20
  YOUTH_15_19_MENTORS: [1, 8, 12.5, true], // a3 of 8
  YOUNG_TEACHERS_MENTEES: [2, 4, 50, true], // a4, a6 of 4
  PARTNERS_PROVIDING_MENTORS: [1, 2, 50, true], // P1 of P1, P2
  SATISFACTION: [12, 3, 4, true],
  ROADMAP_COMPLETION: [2, 34, pct(2, 34), true],
  REPORTING_COMPLETENESS: [0, 1, 0, true],
  REPORTING_TIMELINESS: [0, 1, 0, true],
  CONSENT_COVERAGE: [6, 7, pct(6, 7), true], // a6 revoked before the year's end
  ...forms(4, [1, 2, 0, 1, 0, 1]), // a1 | a4, a6 | — | a1 | — | a2 of a1, a2, a4, a6
  MENTOR_LOAD: [5, 3, 5 / 3, true], // places 1 + 2 + 1 + 1 for a3, a5, a7
  MONITORING_DONE: [1, 4, 25, true],
  GROWTH: [4, 2, 2, true],
};

const SCHOOL_B: Record<string, Expected> = {
  PUPILS_10_18_MENTEES: [REPORTED_PART ? 0 : 1, null, null, false], // b1, but no pupils reported
  YOUTH_15_19_MENTORS: [1, 12, pct(1, 12), true], // b2 (17)
  YOUNG_TEACHERS_MENTEES: [0, 2, 0, true],
  PARTNERS_PROVIDING_MENTORS: [0, 0, null, true],
  SATISFACTION: [5, 1, 5, true],
  ROADMAP_COMPLETION: [0, 0, null, true],
  REPORTING_COMPLETENESS: [0, 1, 0, true],
  REPORTING_TIMELINESS: [0, 1, 0, true],
  CONSENT_COVERAGE: [2, 2, 100, true],
  ...forms(1, [1, 0, 0, 0, 0, 0]),
  MENTOR_LOAD: [1, 1, 1, true],
  MONITORING_DONE: [0, 1, 0, true],
  GROWTH: [0, 0, null, true],
};

/** A school with a contingent and nothing else (C): shares of zero, everything else empty. */
const SCHOOL_C: Record<string, Expected> = {
  PUPILS_10_18_MENTEES: [0, 30, 0, true],
  YOUTH_15_19_MENTORS: [0, 10, 0, true],
  YOUNG_TEACHERS_MENTEES: [0, 3, 0, true],
  PARTNERS_PROVIDING_MENTORS: [0, 0, null, true],
  SATISFACTION: [0, 0, null, true],
  ROADMAP_COMPLETION: [0, 0, null, true],
  REPORTING_COMPLETENESS: [0, 1, 0, true],
  REPORTING_TIMELINESS: [0, 1, 0, true],
  CONSENT_COVERAGE: [0, 0, null, true],
  ...forms(0, [0, 0, 0, 0, 0, 0]),
  MENTOR_LOAD: [0, 0, null, true],
  MONITORING_DONE: [0, 0, null, true],
  GROWTH: [0, 0, null, true],
};

const SCHOOL_D: Record<string, Expected> = {
  PUPILS_10_18_MENTEES: [1, 10, 10, true], // d1 (14)
  YOUTH_15_19_MENTORS: [0, 5, 0, true],
  YOUNG_TEACHERS_MENTEES: [0, 1, 0, true],
  PARTNERS_PROVIDING_MENTORS: [0, 0, null, true],
  SATISFACTION: [0, 0, null, true],
  ROADMAP_COMPLETION: [0, 0, null, true],
  REPORTING_COMPLETENESS: [0, 1, 0, true],
  REPORTING_TIMELINESS: [0, 1, 0, true],
  CONSENT_COVERAGE: [2, 2, 100, true],
  ...forms(1, [0, 0, 0, 0, 0, 1]),
  MENTOR_LOAD: [1, 1, 1, true],
  MONITORING_DONE: [0, 1, 0, true],
  GROWTH: [0, 0, null, true],
};

/** Зея = A + B: the 10–18 share over A only (B reported no pupils), marked incomplete. */
const ZEYA: Record<string, Expected> = {
  PUPILS_10_18_MENTEES: REPORTED_PART ? [2, 20, 10, false] : [3, 20, 15, false],
  YOUTH_15_19_MENTORS: [2, 20, 10, true], // (1 + 1) / (8 + 12)
  YOUNG_TEACHERS_MENTEES: [2, 6, pct(2, 6), true], // (2 + 0) / (4 + 2)
  PARTNERS_PROVIDING_MENTORS: [1, 2, 50, true],
  SATISFACTION: [17, 4, 4.25, true], // (12 + 5) / (3 + 1)
  ROADMAP_COMPLETION: [2, 34, pct(2, 34), true],
  REPORTING_COMPLETENESS: [0, 2, 0, true],
  REPORTING_TIMELINESS: [0, 2, 0, true],
  CONSENT_COVERAGE: [8, 9, pct(8, 9), true], // (6 + 2) / (7 + 2)
  ...forms(5, [2, 2, 0, 1, 0, 1]),
  MENTOR_LOAD: [6, 4, 1.5, true], // (5 + 1) / (3 + 1)
  MONITORING_DONE: [1, 5, 20, true], // 1 / (4 + 1)
  GROWTH: [4, 2, 2, true],
};

/** Амурская область = A + B + C: 10–18 reported by A and C. */
const REGION_28: Record<string, Expected> = {
  ...ZEYA,
  PUPILS_10_18_MENTEES: REPORTED_PART ? [2, 50, 4, false] : [3, 50, 6, false], // / (20 + 30)
  YOUTH_15_19_MENTORS: [2, 30, pct(2, 30), true], // / (8 + 12 + 10)
  YOUNG_TEACHERS_MENTEES: [2, 9, pct(2, 9), true], // / (4 + 2 + 3)
  REPORTING_COMPLETENESS: [0, 3, 0, true],
  REPORTING_TIMELINESS: [0, 3, 0, true],
};

/** Российская Федерация = A + B + C + D: 10–18 reported by A, C and D. */
const FEDERATION: Record<string, Expected> = {
  PUPILS_10_18_MENTEES: REPORTED_PART ? [3, 60, 5, false] : [4, 60, pct(4, 60), false], // (2 + 1) / (20 + 30 + 10)
  YOUTH_15_19_MENTORS: [2, 35, pct(2, 35), true], // / (30 + 5)
  YOUNG_TEACHERS_MENTEES: [2, 10, 20, true], // / (9 + 1)
  PARTNERS_PROVIDING_MENTORS: [1, 2, 50, true],
  SATISFACTION: [17, 4, 4.25, true],
  ROADMAP_COMPLETION: [2, 34, pct(2, 34), true],
  REPORTING_COMPLETENESS: [0, 4, 0, true],
  REPORTING_TIMELINESS: [0, 4, 0, true],
  CONSENT_COVERAGE: [10, 11, pct(10, 11), true], // (8 + 2) / (9 + 2)
  ...forms(6, [2, 2, 0, 1, 0, 2]),
  MENTOR_LOAD: [7, 5, 1.4, true], // (6 + 1) / (4 + 1)
  MONITORING_DONE: [1, 6, pct(1, 6), true],
  GROWTH: [4, 2, 2, true],
};

const DEFAULT_CODES = Object.keys(SCHOOL_A);

function expectValues(values: Value[], expected: Record<string, Expected>, organizations: number) {
  expect(values.map((value) => value.code)).toEqual(DEFAULT_CODES);
  for (const value of values) {
    const [numerator, denominator, share, complete] = expected[value.code]!;
    const context = `${value.code}: ${JSON.stringify(value)}`;
    expect(value.numerator, context).toBe(numerator);
    expect(value.denominator, context).toBe(denominator);
    if (share === null) expect(value.value, context).toBeNull();
    else expect(value.value, context).toBeCloseTo(share, 9);
    expect(value.complete, context).toBe(complete);
    expect(value.organizations, context).toBe(organizations);
  }
}

describe('indicatorRollup on the hand-computed fixture', () => {
  it('keeps the summary equal to a recomputation after all the writes', async () => {
    await expectSummaryConsistent(api);
  });

  it('computes every default indicator of each school', async () => {
    expectValues((await rollupOf({ level: 'ORGANIZATION', code: '280001' })).values, SCHOOL_A, 1);
    expectValues((await rollupOf({ level: 'ORGANIZATION', code: '280002' })).values, SCHOOL_B, 1);
    expectValues((await rollupOf({ level: 'ORGANIZATION', code: '280010' })).values, SCHOOL_C, 1);
    expectValues((await rollupOf({ level: 'ORGANIZATION', code: '520001' })).values, SCHOOL_D, 1);
  });

  it('sums a municipality over its schools, with each school as a child row by name', async () => {
    const zeya = await rollupOf({ level: 'MUNICIPALITY', code: '10712000' });
    expect(zeya.unit).toEqual({ level: 'MUNICIPALITY', code: '10712000', name: 'город Зея' });
    expectValues(zeya.values, ZEYA, 2);
    expect(zeya.children.map((child) => child.unit)).toEqual([
      { level: 'ORGANIZATION', code: '280001', name: 'МОАУ СОШ № 1' },
      { level: 'ORGANIZATION', code: '280002', name: 'МОАУ СОШ № 4' },
    ]);
    expectValues(zeya.children[0]!.values, SCHOOL_A, 1);
    expectValues(zeya.children[1]!.values, SCHOOL_B, 1);

    const blagoveshchensk = await rollupOf({ level: 'MUNICIPALITY', code: '10701000' });
    expectValues(blagoveshchensk.values, SCHOOL_C, 1);
    const lyskovo = await rollupOf({ level: 'MUNICIPALITY', code: '22639000' });
    expectValues(lyskovo.values, SCHOOL_D, 1);
    expect((await rollupOf({ level: 'ORGANIZATION', code: '280001' })).children).toEqual([]);
  });

  it('sums a region over its municipalities and the country over its regions', async () => {
    const amur = await rollupOf({ level: 'REGION', code: '28' });
    expectValues(amur.values, REGION_28, 3);
    expect(amur.children.map((child) => child.unit.name)).toEqual(['город Благовещенск', 'город Зея']);
    expectValues(amur.children[0]!.values, SCHOOL_C, 1);
    expectValues(amur.children[1]!.values, ZEYA, 2);
    expectValues((await rollupOf({ level: 'REGION', code: '52' })).values, SCHOOL_D, 1);

    const country = await rollupOf({ level: 'FEDERATION' });
    expect(country.unit).toEqual({ level: 'FEDERATION', code: null, name: 'Российская Федерация' });
    expectValues(country.values, FEDERATION, 4);
    expect(country.children.map((child) => child.unit)).toEqual([
      { level: 'REGION', code: '28', name: 'Амурская область' },
      { level: 'REGION', code: '52', name: 'Нижегородская область' },
    ]);
    expectValues(country.children[0]!.values, REGION_28, 3);
    expectValues(country.children[1]!.values, SCHOOL_D, 1);
  });

  it('gives the children only the indicators asked for, beside every indicator of the unit', async () => {
    const result = await ok<{ indicatorRollup: { values: Value[]; children: { values: Value[] }[] } }>(
      `query { indicatorRollup(unit: { level: FEDERATION }, academicYear: ${YEAR}) {
         values { code } children(codes: ["GROWTH", "SATISFACTION"]) { values { code value } } } }`,
      {},
      { user: 'analyst.rf' },
    );
    expect(result.indicatorRollup.values.map((value) => value.code)).toEqual(DEFAULT_CODES);
    expect(result.indicatorRollup.children).toEqual([
      {
        values: [
          { code: 'SATISFACTION', value: 4.25 },
          { code: 'GROWTH', value: 2 },
        ],
      },
      {
        values: [
          { code: 'SATISFACTION', value: null },
          { code: 'GROWTH', value: null },
        ],
      },
    ]);
    const unknown = await api.graphql(
      `query { indicatorRollup(unit: { level: FEDERATION }, academicYear: ${YEAR}) { children(codes: ["NO_SUCH"]) { unit { code } } } }`,
    );
    expectError(unknown, 'BAD_USER_INPUT', /^children\.codes: нет показателей «NO_SUCH»/);
  });

  it('says how many schools reported a missing denominator', async () => {
    const country = await rollupOf(
      { level: 'FEDERATION' },
      { codes: ['PUPILS_10_18_MENTEES', 'YOUTH_15_19_MENTORS'] },
    );
    expect(
      country.values.map(({ code, reportedOrganizations, organizations, complete }) => ({
        code,
        reportedOrganizations,
        organizations,
        complete,
      })),
    ).toEqual([
      { code: 'PUPILS_10_18_MENTEES', reportedOrganizations: 3, organizations: 4, complete: false },
      { code: 'YOUTH_15_19_MENTORS', reportedOrganizations: 4, organizations: 4, complete: true },
    ]);
    const school = await rollupOf(
      { level: 'ORGANIZATION', code: '280002' },
      { codes: ['PUPILS_10_18_MENTEES'] },
    );
    expect(school.values[0]).toMatchObject({ reportedOrganizations: 0, organizations: 1, denominator: null });
  });

  it('shows the 70 % target from 2024 on and the gap to it, and trends over the years of the summary', async () => {
    const school = await rollupOf({ level: 'ORGANIZATION', code: '280001' });
    expect(school.values[0]).toMatchObject({ code: 'PUPILS_10_18_MENTEES', target: 70, gap: -60 });
    // No other default indicator has a confirmed target.
    expect(school.values.slice(1).every((value) => value.target === null && value.gap === null)).toBe(true);
    // Open groups go on into the current year (2026/2027); the trend has every year with data.
    expect(school.trend.map((year) => year.academicYear).slice(0, 2)).toEqual([2025, 2026]);
    expect(school.trend[0]!.values).toEqual(school.values);
    expect(school.trend[1]!.values[0]).toMatchObject({ target: 70, denominator: null, complete: false });
    const before = await rollupOf(
      { level: 'ORGANIZATION', code: '280001' },
      { codes: ['PUPILS_10_18_MENTEES'] },
    );
    expect(before.values[0]!.target).toBe(70);
    const earlier = await rollup(
      { level: 'ORGANIZATION', code: '280001' },
      { year: 2023, codes: ['PUPILS_10_18_MENTEES'] },
    );
    expect(earlier.data!.indicatorRollup.values[0]).toMatchObject({
      target: null,
      gap: null,
      organizations: 0,
    });
  });
});

describe('ages on the date asked', () => {
  it('counts 10–18 on 1 January by default and on another date from the base rows', async () => {
    const pupils = { codes: ['PUPILS_10_18_MENTEES'] };
    const onReference = await rollupOf({ level: 'ORGANIZATION', code: '280001' }, pupils);
    expect(onReference.on).toBe('2026-01-01');
    expect(onReference.values[0]!.numerator).toBe(2); // a1 (10) and a2 (18)

    // 1 September 2025: a1 is 9 (born in December), a2 still 18.
    const september = await rollupOf(
      { level: 'ORGANIZATION', code: '280001' },
      { ...pupils, on: '2025-09-01' },
    );
    expect(september.on).toBe('2025-09-01');
    expect(september.values[0]).toMatchObject({ numerator: 1, denominator: 20, value: 5 });
    // 1 March 2026: a1 is 10, a2 turned 19 in February.
    const march = await rollupOf({ level: 'ORGANIZATION', code: '280001' }, { ...pupils, on: '2026-03-01' });
    expect(march.values[0]).toMatchObject({ numerator: 1, value: 5 });
    expect(march.trend.find((year) => year.academicYear === YEAR)!.values).toEqual(march.values);

    // Children on the date too: A loses a1, B keeps b1 (13), and the municipality is their sum.
    const zeya = await rollupOf({ level: 'MUNICIPALITY', code: '10712000' }, { ...pupils, on: '2025-09-01' });
    expect(zeya.children.map((child) => child.values[0]!.numerator)).toEqual([1, REPORTED_PART ? 0 : 1]);
    expect(zeya.values[0]!.numerator).toBe(REPORTED_PART ? 1 : 2);
    const country = await rollupOf({ level: 'FEDERATION' }, { ...pupils, on: '2025-09-01' });
    expect(country.values[0]!.numerator).toBe(REPORTED_PART ? 2 : 3);
    expect(country.children.map((child) => child.values[0]!.numerator)).toEqual([REPORTED_PART ? 1 : 2, 1]);
  });

  it('leaves measures that do not depend on age as they are', async () => {
    const september = await rollupOf({ level: 'MUNICIPALITY', code: '10712000' }, { on: '2025-09-01' });
    const reference = await rollupOf({ level: 'MUNICIPALITY', code: '10712000' });
    const byCode = (rollup: Rollup) => new Map(rollup.values.map((value) => [value.code, value]));
    for (const code of ['SATISFACTION', 'CONSENT_COVERAGE', 'MENTOR_LOAD', 'YOUTH_15_19_MENTORS'])
      expect(byCode(september).get(code)).toEqual(byCode(reference).get(code));
  });
});

describe('access', () => {
  const NOT_FOUND = /не найден/;

  it('lets a school curator see their own school only, and no unit above it', async () => {
    const own = await rollup(
      { level: 'ORGANIZATION', code: '280001' },
      { caller: A, codes: ['SATISFACTION'] },
    );
    expect(own.errors).toBeUndefined();
    for (const unit of [
      { level: 'ORGANIZATION', code: '280002' },
      { level: 'MUNICIPALITY', code: '10712000' },
      { level: 'REGION', code: '28' },
      { level: 'FEDERATION' },
    ]) {
      const refused = await rollup(unit, { caller: A });
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('answers a unit outside the scope exactly like an unknown one', async () => {
    const foreign = await rollup({ level: 'REGION', code: '52' }, { caller: { user: 'analyst.28' } });
    const unknown = await rollup({ level: 'REGION', code: '99' }, { caller: { user: 'analyst.28' } });
    expectError(foreign, 'NOT_FOUND', NOT_FOUND);
    expect(foreign.errors![0]!.message).toBe(unknown.errors![0]!.message.replace('99', '52'));
    expectError(
      await rollup({ level: 'REGION', code: '28' }, { caller: COORDINATOR }),
      'NOT_FOUND',
      NOT_FOUND,
    );
    const ownMunicipality = await rollup(
      { level: 'MUNICIPALITY', code: '10712000' },
      { caller: COORDINATOR },
    );
    expect(ownMunicipality.data!.indicatorRollup.children).toHaveLength(2);
  });

  it('refuses bad arguments with the field at fault', async () => {
    expectError(await rollup({ level: 'REGION' }), 'BAD_USER_INPUT', /^unit\.code: укажите код/);
    expectError(await rollup({ level: 'FEDERATION', code: '28' }), 'BAD_USER_INPUT', /^unit\.code:/);
    expectError(
      await rollup({ level: 'FEDERATION' }, { codes: ['NO_SUCH'] }),
      'BAD_USER_INPUT',
      /^codes: нет показателей «NO_SUCH»/,
    );
  });
});

describe('cost', () => {
  it('sends the same number of statements for units with more or fewer children', async () => {
    const count = (unit: { level: string; code?: string }) =>
      api.countStatements(async () => expect((await rollup(unit)).errors).toBeUndefined());
    await count({ level: 'FEDERATION' });
    // The country: one statement (its definitions are cached and checked in the same statement).
    expect(await count({ level: 'FEDERATION' })).toBe(1);
    // Two municipalities vs one, two schools vs one: the unit's lookup and the rollup.
    expect(await count({ level: 'REGION', code: '28' })).toBe(2);
    expect(await count({ level: 'REGION', code: '52' })).toBe(2);
    expect(await count({ level: 'MUNICIPALITY', code: '10712000' })).toBe(2);
    expect(await count({ level: 'MUNICIPALITY', code: '22639000' })).toBe(2);
  });
});

describe('definitions and targets', () => {
  const TARGET = `mutation($input: IndicatorTargetInput!) {
    setIndicatorTarget(input: $input) { code targets { regionCode academicYear value } } }`;
  const CREATE = `mutation($region: String!, $input: IndicatorDefinitionInput!) {
    createIndicatorDefinition(regionCode: $region, input: $input) { code name unit numerator denominator scale isDefault regionCode } }`;

  it('ships the common definitions as defaults, the 70 % target among them', async () => {
    const result = await ok<{
      indicatorDefinitions: {
        code: string;
        isDefault: boolean;
        unit: string;
        scale: number;
        numerator: string;
        denominator: string;
        targets: unknown[];
      }[];
    }>(
      `{ indicatorDefinitions { code isDefault unit scale numerator denominator targets { regionCode academicYear value } } }`,
      {},
      { user: 'analyst.rf' },
    );
    expect(result.indicatorDefinitions.map((definition) => definition.code)).toEqual(DEFAULT_CODES);
    expect(result.indicatorDefinitions.every((definition) => definition.isDefault)).toBe(true);
    // Shipped definitions are checked like a region's own: every part is a measure of the summary.
    const parts = result.indicatorDefinitions.flatMap((definition) => [
      definition.numerator,
      definition.denominator,
    ]);
    expect(parts.filter((part) => !MEASURE_NAMES.includes(part))).toEqual([]);
    expect(result.indicatorDefinitions[0]).toMatchObject({
      code: 'PUPILS_10_18_MENTEES',
      isDefault: true,
      unit: 'PERCENT',
      scale: 100,
      targets: [{ regionCode: null, academicYear: 2024, value: 70 }],
    });
    expect(
      result.indicatorDefinitions.find((definition) => definition.code === 'SATISFACTION'),
    ).toMatchObject({
      unit: 'AVERAGE',
      scale: 1,
    });
  });

  it('lets a region set its own target, shown for its units and its row of the national table only', async () => {
    const set = await ok<{ setIndicatorTarget: { targets: unknown[] } }>(
      TARGET,
      { input: { regionCode: '28', code: 'PUPILS_10_18_MENTEES', academicYear: YEAR, value: 50 } },
      ADMIN_28,
    );
    expect(set.setIndicatorTarget.targets).toEqual([
      { regionCode: null, academicYear: 2024, value: 70 },
      { regionCode: '28', academicYear: 2025, value: 50 },
    ]);
    const codes = ['PUPILS_10_18_MENTEES'];
    const school = await rollupOf({ level: 'ORGANIZATION', code: '280001' }, { codes });
    expect(school.values[0]).toMatchObject({ target: 50, gap: -40 });
    const country = await rollupOf({ level: 'FEDERATION' }, { codes });
    expect(country.values[0]!.target).toBe(70);
    expect(country.children.map((child) => child.values[0]!.target)).toEqual([50, 70]);
    expect((await rollupOf({ level: 'REGION', code: '52' }, { codes })).values[0]!.target).toBe(70);

    const audit = await api.orm.em
      .getConnection()
      .execute<{ entity_code: string; after: unknown }[]>(
        `select entity_code, after from audit_record where entity = 'indicator_target' and operation = 'indicator.define'`,
      );
    expect(audit).toEqual([{ entity_code: '28:PUPILS_10_18_MENTEES:2025', after: { value: 50 } }]);

    const removed = await ok<{ setIndicatorTarget: { targets: unknown[] } }>(
      TARGET,
      { input: { regionCode: '28', code: 'PUPILS_10_18_MENTEES', academicYear: YEAR, value: null } },
      ADMIN_28,
    );
    expect(removed.setIndicatorTarget.targets).toEqual([{ regionCode: null, academicYear: 2024, value: 70 }]);
    expect((await rollupOf({ level: 'ORGANIZATION', code: '280001' }, { codes })).values[0]!.target).toBe(70);
  });

  it("refuses another region's targets, a share over 100 % and a common definition's change", async () => {
    const foreign = await api.graphql(
      TARGET,
      { input: { regionCode: '52', code: 'PUPILS_10_18_MENTEES', academicYear: YEAR, value: 60 } },
      ADMIN_28,
    );
    expectError(foreign, 'NOT_FOUND', /Субъект РФ с кодом «52» не найден/);
    const tooMuch = await api.graphql(
      TARGET,
      { input: { regionCode: '28', code: 'PUPILS_10_18_MENTEES', academicYear: YEAR, value: 120 } },
      ADMIN_28,
    );
    expectError(tooMuch, 'BAD_USER_INPUT', /^value: доля не больше 100 %/);
    const common = await api.graphql(
      `mutation($input: IndicatorDefinitionInput!) { updateIndicatorDefinition(regionCode: "28", input: $input) { code } }`,
      {
        input: {
          code: 'SATISFACTION',
          name: 'Другое',
          unit: 'AVERAGE',
          numerator: 'feedback_score_sum',
          denominator: 'feedback_count',
        },
      },
      ADMIN_28,
    );
    expectError(common, 'FAILED_PRECONDITION', /поставляются с системой/);
    expectError(
      await api.graphql(
        TARGET,
        { input: { regionCode: '28', code: 'PUPILS_10_18_MENTEES', academicYear: YEAR, value: 60 } },
        A,
      ),
      'FORBIDDEN',
      /Недостаточно прав/,
    );
  });

  it('validates that a region’s own definition reads measures of the summary, and nothing is written otherwise', async () => {
    const input = {
      code: 'PUPILS_ALL_MENTEES',
      name: 'Доля обучающихся, вовлечённых в наставничество',
      unit: 'PERCENT',
      numerator: 'mentees_category_pupil',
      denominator: 'pupils_total',
    };
    const wrong = await api.graphql(
      CREATE,
      { region: '28', input: { ...input, numerator: 'pupils_mentored' } },
      ADMIN_28,
    );
    expectError(wrong, 'BAD_USER_INPUT', /^numerator: показателя сводки «pupils_mentored» нет/);
    expectError(
      await api.graphql(CREATE, { region: '28', input: { ...input, code: 'SATISFACTION' } }, ADMIN_28),
      'BAD_USER_INPUT',
      /^code: «SATISFACTION» — код общего показателя/,
    );
    expectError(
      await api.graphql(CREATE, { region: '28', input: { ...input, code: 'pupils' } }, ADMIN_28),
      'BAD_USER_INPUT',
      /^code: код — заглавные латинские буквы/,
    );
    const [{ count }] = await api.orm.em
      .getConnection()
      .execute<{ count: number }[]>(
        `select count(*)::int as count from indicator_definition where region_id is not null`,
      );
    expect(count).toBe(0);

    const created = await ok<{ createIndicatorDefinition: unknown }>(
      CREATE,
      { region: '28', input },
      ADMIN_28,
    );
    expect(created.createIndicatorDefinition).toEqual({
      ...input,
      scale: 100,
      isDefault: false,
      regionCode: '28',
    });
    // Pupil mentees a1, a2 and b1 of 30 + 40 + 50 pupils, every school reported: 3 / 120.
    const amur = await rollupOf({ level: 'REGION', code: '28' }, { codes: ['PUPILS_ALL_MENTEES'] });
    expect(amur.values).toEqual([
      expect.objectContaining({
        numerator: 3,
        denominator: 120,
        value: 2.5,
        complete: true,
        reportedOrganizations: 3,
      }),
    ]);
    // Another region and the country do not see it.
    expectError(
      await rollup({ level: 'REGION', code: '52' }, { codes: ['PUPILS_ALL_MENTEES'] }),
      'BAD_USER_INPUT',
      /^codes:/,
    );
    expect((await rollupOf({ level: 'FEDERATION' })).values.map((value) => value.code)).toEqual(
      DEFAULT_CODES,
    );
  });

  it('sees a definition written by another process at the next request', async () => {
    const codes = (rollup: Rollup) => rollup.values.map((value) => value.code);
    expect(codes(await rollupOf({ level: 'REGION', code: '52' }))).toEqual(DEFAULT_CODES);
    // As another API process would write it: straight into the tables.
    await api.orm.em.getConnection().execute(
      `insert into indicator_definition (code, region_id, name, unit, numerator, denominator, scale)
       select 'GROUPS_PER_SCHOOL', id, 'Пар и групп на ОО', 'RATIO', 'groups', 'organizations', 1 from region where code = '52'`,
    );
    const after = await rollupOf({ level: 'REGION', code: '52' });
    expect(codes(after)).toEqual([...DEFAULT_CODES, 'GROUPS_PER_SCHOOL']);
    expect(after.values.at(-1)).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
  });
});

describe('freshness', () => {
  it('reflects a write immediately after its commit', async () => {
    const codes = ['PUPILS_10_18_MENTEES'];
    expect((await rollupOf({ level: 'MUNICIPALITY', code: '10712000' }, { codes })).values[0]!.complete).toBe(
      false,
    );
    await contingent(B, '280002', {
      pupilsTotal: 40,
      pupils10to18: 25,
      youth15to19: 12,
      teachersTotal: 8,
      youngTeachers: 2,
    });
    // Зея now: (a1, a2, b1) of 20 + 25, complete.
    expect((await rollupOf({ level: 'MUNICIPALITY', code: '10712000' }, { codes })).values[0]).toMatchObject({
      numerator: 3,
      denominator: 45,
      complete: true,
      reportedOrganizations: 2,
    });
    await expectSummaryConsistent(api);
  });
});
