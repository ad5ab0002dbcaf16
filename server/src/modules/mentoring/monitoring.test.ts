import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { addParticipant, expectError } from '../../../test/mentoring-fixture.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';

let api: TestServer;
const CURATOR = { user: 'curator.zeya1' };
const OTHER_CURATOR = { user: 'curator.zeya4' };

function gql<T>(query: string, variables: Record<string, unknown>, caller: Caller = CURATOR) {
  return api.graphql<T>(query, variables, caller);
}

const person = (input: Record<string, unknown>) => addParticipant(api, CURATOR, input);

const teacher = (lastName: string, role: 'mentor' | 'mentee', years: number) => ({
  category: 'TEACHER',
  lastName,
  birthDate: role === 'mentor' ? '1975-01-01' : '2000-01-01',
  isMentor: role === 'mentor',
  isMentee: role === 'mentee',
  teachingExperienceYears: years,
});

const P: Record<string, string> = {};
let programId = '';

async function group(): Promise<string> {
  const created = await gql<{ createMentoringGroup: { id: string } }>(
    `mutation($input: MentoringGroupInput!) { createMentoringGroup(input: $input) { id } }`,
    { input: { form: 'TEACHER_TEACHER', mentorIds: [P.mentor], menteeIds: [P.mentee1, P.mentee2] } },
  );
  expect(created.errors).toBeUndefined();
  return created.data!.createMentoringGroup.id;
}

const PARTICIPANT_SCALES = ['MOTIVATION', 'COMPETENCES', 'RESULTS'];
const scores = (codes: string[], values: number[]) => codes.map((scale, i) => ({ scale, value: values[i] }));

function assess(
  groupId: string,
  participantId: string,
  phase: string,
  values: number[],
  assessedOn = phase === 'START' ? '2025-09-15' : '2026-05-20',
  caller: Caller = CURATOR,
) {
  return gql<{ recordAssessment: { participantId: string; growth: { scale: string; value: number }[] } }>(
    `mutation($groupId: ID!, $participantId: ID!, $input: AssessmentInput!) {
       recordAssessment(groupId: $groupId, participantId: $participantId, input: $input) {
         participantId growth { scale value } } }`,
    { groupId, participantId, input: { phase, assessedOn, scores: scores(PARTICIPANT_SCALES, values) } },
    caller,
  );
}

const QUALITY_SCALES = ['ORGANIZATION', 'CONTENT', 'MENTOR_SUPPORT', 'GOALS'];

function survey(id: string, input: Record<string, unknown>, caller: Caller = CURATOR) {
  return gql<{ recordProgramSurvey: unknown }>(
    `mutation($id: ID!, $input: ProgramSurveyInput!) {
       recordProgramSurvey(programId: $id, input: $input) { academicYear respondents scores { scale value } } }`,
    { id, input },
    caller,
  );
}

const GROUPS = `query { organization(code: "280001") { mentoringGroups(first: 100) { nodes {
  id assessments { participantId start { scale value } end { scale value } growth { scale value } }
  averageGrowth { scale value } } } } }`;

type GroupRow = {
  id: string;
  assessments: { participantId: string; growth: { scale: string; value: number }[] }[];
  averageGrowth: { scale: string; value: number }[];
};

async function groupRow(id: string) {
  const result = await gql<{ organization: { mentoringGroups: { nodes: GroupRow[] } } }>(GROUPS, {});
  expect(result.errors).toBeUndefined();
  return result.data!.organization.mentoringGroups.nodes.find((g) => g.id === id)!;
}

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  P.mentor = await person(teacher('Наставникова', 'mentor', 25));
  P.mentee1 = await person(teacher('Молодой', 'mentee', 1));
  P.mentee2 = await person(teacher('Начинающая', 'mentee', 2));
  P.outsider = await person(teacher('Посторонний', 'mentee', 1));
  const program = await gql<{ createMentoringProgram: { id: string } }>(
    `mutation($input: MentoringProgramInput!) { createMentoringProgram(input: $input) { id } }`,
    {
      input: {
        title: 'Программа «Старт»',
        forms: ['TEACHER_TEACHER'],
        periodFrom: '2025-09-01',
        periodTo: '2026-05-31',
      },
    },
  );
  expect(program.errors).toBeUndefined();
  programId = program.data!.createMentoringProgram.id;
});
afterAll(() => api.stop());

describe('monitoring scales', () => {
  it('lists the seeded scales of both stages with Russian names', async () => {
    const result = await gql<{ monitoringScales: { code: string; purpose: string; name: string }[] }>(
      `{ monitoringScales { code purpose name minValue maxValue } }`,
      {},
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.monitoringScales.map((s) => s.code)).toEqual([
      ...QUALITY_SCALES,
      ...PARTICIPANT_SCALES,
    ]);
    expect(result.data!.monitoringScales).toContainEqual({
      code: 'MOTIVATION',
      purpose: 'PARTICIPANT',
      name: 'Мотивация',
      minValue: 1,
      maxValue: 10,
    });
  });
});

describe('stage 1: programme quality survey', () => {
  it('records a year’s survey, replaces it on a repeat and lists it on the programme', async () => {
    const first = await survey(programId, {
      academicYear: 2025,
      respondents: 12,
      scores: scores(QUALITY_SCALES, [4, 5, 3, 4]),
    });
    expect(first.errors).toBeUndefined();
    const again = await survey(programId, {
      academicYear: 2025,
      respondents: 14,
      scores: scores(QUALITY_SCALES, [5, 5, 4, 4]),
    });
    expect(again.data).toEqual({
      recordProgramSurvey: [
        { academicYear: 2025, respondents: 14, scores: scores(QUALITY_SCALES, [5, 5, 4, 4]) },
      ],
    });
    const read = await gql<{ organization: { mentoringPrograms: { qualitySurveys: unknown[] }[] } }>(
      `{ organization(code: "280001") { mentoringPrograms { qualitySurveys { academicYear respondents } } } }`,
      {},
    );
    expect(read.data!.organization.mentoringPrograms[0]!.qualitySurveys).toEqual([
      { academicYear: 2025, respondents: 14 },
    ]);
  });

  it('refuses a missing, unknown or out-of-range criterion and no respondents', async () => {
    expectError(
      await survey(programId, {
        academicYear: 2025,
        respondents: 3,
        scores: scores(QUALITY_SCALES.slice(0, 3), [4, 5, 3]),
      }),
      'BAD_USER_INPUT',
      /^scores: не хватает значений по шкалам «Достижение целей программы»$/,
    );
    expectError(
      await survey(programId, {
        academicYear: 2025,
        respondents: 3,
        scores: scores(QUALITY_SCALES, [4, 5, 3, 6]),
      }),
      'BAD_USER_INPUT',
      /^scores: по шкале «Достижение целей программы» значение от 1 до 5, передано 6$/,
    );
    expectError(
      await survey(programId, {
        academicYear: 2025,
        respondents: 3,
        scores: [...scores(QUALITY_SCALES, [4, 5, 3, 4]), { scale: 'MOTIVATION', value: 3 }],
      }),
      'BAD_USER_INPUT',
      /^scores: нет шкалы «MOTIVATION» для этого этапа мониторинга$/,
    );
    expectError(
      await survey(programId, {
        academicYear: 2025,
        respondents: 0,
        scores: scores(QUALITY_SCALES, [4, 5, 3, 4]),
      }),
      'BAD_USER_INPUT',
      /^respondents: хотя бы один ответивший, передано 0$/,
    );
  });

  it('answers another school’s curator about our programme like about an unknown one', async () => {
    const input = { academicYear: 2025, respondents: 3, scores: scores(QUALITY_SCALES, [1, 1, 1, 1]) };
    const unknown = await survey('999999', input);
    expectError(unknown, 'NOT_FOUND', /^Программа наставничества не найдена\.$/);
    expect((await survey(programId, input, OTHER_CURATOR)).errors).toEqual(unknown.errors);
  });
});

describe('stage 2: participant assessment and growth', () => {
  it('computes growth per participant and its group average (hand-checked)', async () => {
    const id = await group();
    // Молодой: 4 3 5 → 7 6 5, growth 3 3 0; Начинающая: 6 2 4 → 8 3 3, growth 2 1 −1.
    for (const [who, start] of [
      [P.mentee1!, [4, 3, 5]],
      [P.mentee2!, [6, 2, 4]],
    ] as const)
      expect((await assess(id, who, 'START', [...start])).errors).toBeUndefined();
    const first = await assess(id, P.mentee1!, 'END', [7, 6, 5]);
    expect(first.data!.recordAssessment.growth).toEqual(scores(PARTICIPANT_SCALES, [3, 3, 0]));
    // With one complete pair of assessments the average is that participant's growth.
    expect((await groupRow(id)).averageGrowth).toEqual(scores(PARTICIPANT_SCALES, [3, 3, 0]));
    expect((await assess(id, P.mentee2!, 'END', [8, 3, 3])).errors).toBeUndefined();
    const row = await groupRow(id);
    expect(row.assessments.map((a) => [a.participantId, a.growth.map((g) => g.value)])).toEqual([
      [P.mentee1, [3, 3, 0]],
      [P.mentee2, [2, 1, -1]],
    ]);
    expect(row.averageGrowth).toEqual(scores(PARTICIPANT_SCALES, [2.5, 2, -0.5]));
    const audit = await api.orm.em
      .getConnection()
      .execute<{ after: Record<string, unknown> }[]>(
        `select after from audit_record where entity = 'participant_assessment' and after->>'groupId' = ? order by id`,
        [id],
      );
    expect(audit).toHaveLength(4);
    expect(audit[0]!.after).toEqual({ groupId: Number(id), phase: 'START', assessedOn: '2025-09-15' });
  });

  it('refuses an end assessment before the start one, a non-member and an out-of-range value', async () => {
    const id = await group();
    expectError(
      await assess(id, P.mentee1!, 'END', [5, 5, 5]),
      'FAILED_PRECONDITION',
      /^Итоговую оценку участника вносят после начальной: начальной оценки ещё нет\.$/,
    );
    expectError(
      await assess(id, P.outsider!, 'START', [5, 5, 5]),
      'NOT_FOUND',
      new RegExp(`^Участник № ${P.outsider} не входит в эту пару или группу\\.$`),
    );
    expectError(
      await assess(id, P.mentee1!, 'START', [5, 11, 5]),
      'BAD_USER_INPUT',
      /^scores: по шкале «Компетенции» значение от 1 до 10, передано 11$/,
    );
    expect((await assess(id, P.mentee1!, 'START', [5, 5, 5], '2025-10-01')).errors).toBeUndefined();
    expectError(
      await assess(id, P.mentee1!, 'END', [6, 6, 6], '2025-09-20'),
      'BAD_USER_INPUT',
      /^assessedOn: итоговая оценка раньше начальной \(2025-10-01\)$/,
    );
    expect((await groupRow(id)).averageGrowth).toEqual([]);
  });

  it('answers another school’s curator about our group like about an unknown one', async () => {
    const id = await group();
    const unknown = await assess('999999', P.mentee1!, 'START', [5, 5, 5]);
    expectError(unknown, 'NOT_FOUND', /^Наставническая пара или группа не найдена\.$/);
    const foreign = await assess(id, P.mentee1!, 'START', [5, 5, 5], '2025-09-15', OTHER_CURATOR);
    expect(foreign.errors).toEqual(unknown.errors);
    expect((await groupRow(id)).assessments).toEqual([]);
  });

  it('reads assessments and growth of a page of groups in a constant number of statements', async () => {
    const few = await api.countStatements(() => gql(GROUPS, {}));
    for (let n = 0; n < 3; n += 1) {
      const id = await group();
      expect((await assess(id, P.mentee1!, 'START', [2, 2, 2])).errors).toBeUndefined();
      expect((await assess(id, P.mentee1!, 'END', [4, 4, 4])).errors).toBeUndefined();
    }
    const many = await api.countStatements(() => gql(GROUPS, {}));
    expect(many).toBe(few);
  });
});

it('keeps the indicator summary equal to a recomputation from the base rows', () =>
  expectSummaryConsistent(api));
