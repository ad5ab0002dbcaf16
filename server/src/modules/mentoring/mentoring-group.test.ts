import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { addParticipant, expectError } from '../../../test/mentoring-fixture.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';

let api: TestServer;
const CURATOR = { user: 'curator.zeya1' };
const OTHER_CURATOR = { user: 'curator.zeya4' };

async function gql<T>(query: string, variables: Record<string, unknown>, caller: Caller = CURATOR) {
  return api.graphql<T>(query, variables, caller);
}

/** Adds a participant with (by default) a consent in force and returns their id. */
const person = (input: Record<string, unknown>, options: { consent?: boolean; caller?: Caller } = {}) =>
  addParticipant(api, options.caller ?? CURATOR, input, options);

const pupil = (lastName: string, birthDate: string, grade: string, role: 'mentor' | 'mentee' = 'mentee') => ({
  category: 'PUPIL',
  lastName,
  birthDate,
  gradeOrCourse: grade,
  isMentor: role === 'mentor',
  isMentee: role === 'mentee',
});

const GROUP = `id form stage status orderNumber orderDate startedOn endedOn program { title }
  members { role participant { id category } }`;

type Group = {
  id: string;
  form: string;
  stage: string;
  status: string;
  orderNumber: string | null;
  program: { title: string } | null;
  members: { role: string; participant: { id: string; category: string } }[];
};

async function createGroup(input: Record<string, unknown>, caller: Caller = CURATOR) {
  return gql<{ createMentoringGroup: Group }>(
    `mutation($input: MentoringGroupInput!) { createMentoringGroup(input: $input) { ${GROUP} } }`,
    { input },
    caller,
  );
}

async function createGroupOk(input: Record<string, unknown>) {
  const { data, errors } = await createGroup(input);
  expect(errors).toBeUndefined();
  return data!.createMentoringGroup;
}

async function groupCount() {
  const [row] = await api.orm.em
    .getConnection()
    .execute<{ n: number }[]>(`select count(*)::int as n from mentoring_group`);
  return row!.n;
}

const P: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  P.seniorPupil = await person(pupil('Старшеклассникова', '2009-04-10', '10А', 'mentor'));
  P.juniorPupil = await person(pupil('Младшая', '2013-06-01', '6Б'));
  P.juniorPupil2 = await person(pupil('Младший', '2013-09-15', '6В'));
  P.youngerPupilMentor = await person(pupil('Пятиклассник', '2014-02-01', '5А', 'mentor'));
  // Born a month after the mentee, yet a class above: seniority by grade is enough.
  P.skippedGradeMentor = await person(pupil('Вундеркинд', '2013-07-01', '7А', 'mentor'));
  P.pupilNotMentor = await person(pupil('Ненаставник', '2008-01-01', '11А'));
  P.teacherMentor = await person({
    category: 'TEACHER',
    lastName: 'Опытная',
    birthDate: '1975-01-01',
    isMentor: true,
    teachingExperienceYears: 25,
    maxLoad: 10,
  });
  P.youngTeacher = await person({
    category: 'TEACHER',
    lastName: 'Молодой',
    birthDate: '2000-01-01',
    isMentee: true,
    teachingExperienceYears: 1,
  });
  P.busyTeacher = await person({
    category: 'TEACHER',
    lastName: 'Загруженная',
    birthDate: '1980-01-01',
    isMentor: true,
    teachingExperienceYears: 20,
    maxLoad: 2,
  });
  P.studentMentor = await person({
    category: 'STUDENT',
    lastName: 'Студентов',
    birthDate: '2004-01-01',
    gradeOrCourse: '3 курс',
    isMentor: true,
  });
  P.studentMentee = await person({
    category: 'STUDENT',
    lastName: 'Первокурсница',
    birthDate: '2007-01-01',
    gradeOrCourse: '1 курс',
    isMentee: true,
  });
  P.employer = await person({
    category: 'EMPLOYER_REPRESENTATIVE',
    lastName: 'Инженеров',
    birthDate: '1985-01-01',
    isMentor: true,
    partnerOrganization: 'АО «Зейская ГЭС»',
  });
  P.noConsent = await person(pupil('Бессогласная', '2012-01-01', '7Б'), { consent: false });
  P.revoked = await person(pupil('Отозвавшая', '2012-02-01', '7Б'));
  const consents = await api.orm.em
    .getConnection()
    .execute<{ id: number }[]>(`select id from consent where participant_id = ?`, [Number(P.revoked)]);
  const revoked = await gql(
    `mutation($id: ID!) { revokeConsent(consentId: $id, revokedOn: "2025-10-01") { id } }`,
    { id: String(consents[0]!.id) },
  );
  expect(revoked.errors).toBeUndefined();
  P.foreign = await person(pupil('Чужая', '2013-01-01', '6А'), { caller: OTHER_CURATOR });
});
afterAll(() => api.stop());

describe('form rules', () => {
  it.each([
    ['PUPIL_PUPIL', 'seniorPupil', ['juniorPupil', 'juniorPupil2']],
    ['PUPIL_PUPIL', 'skippedGradeMentor', ['juniorPupil']],
    ['TEACHER_TEACHER', 'teacherMentor', ['youngTeacher']],
    ['STUDENT_PUPIL', 'studentMentor', ['juniorPupil']],
    ['EMPLOYER_PUPIL', 'employer', ['juniorPupil']],
    ['EMPLOYER_STUDENT', 'employer', ['studentMentee']],
    ['TEACHER_PUPIL', 'teacherMentor', ['juniorPupil', 'juniorPupil2']],
  ])('accepts a %s group led by %s', async (form, mentor, mentees) => {
    const group = await createGroupOk({ form, mentorIds: [P[mentor]], menteeIds: mentees.map((m) => P[m]) });
    expect(group).toMatchObject({ form, stage: 'MATCHING', status: 'FORMING', orderNumber: null });
    expect(group.members.map((m) => [m.role, m.participant.id])).toEqual([
      ['MENTOR', P[mentor]],
      ...mentees.map((m) => ['MENTEE', P[m]]),
    ]);
  });

  it.each([
    [
      'a PUPIL_PUPIL mentor younger and in a lower grade',
      'PUPIL_PUPIL',
      'youngerPupilMentor',
      'juniorPupil',
      /^mentorIds: в форме «ученик – ученик» наставник «Пятиклассник Тест» \(№ \d+\) должен быть старше наставляемого «Младшая Тест» \(№ \d+\) или учиться в более старшем классе \(рождение: 02\.2014 и 06\.2013; класс: «5А» и «6Б»\)$/,
    ],
    [
      'a teacher as a PUPIL_PUPIL mentor',
      'PUPIL_PUPIL',
      'teacherMentor',
      'juniorPupil',
      /^mentorIds: в форме «ученик – ученик» наставник — «обучающийся», а участник «Опытная Тест» \(№ \d+\) — «педагог»$/,
    ],
    [
      'a pupil as a TEACHER_TEACHER mentee',
      'TEACHER_TEACHER',
      'teacherMentor',
      'juniorPupil',
      /^menteeIds: в форме «учитель – учитель» наставляемый — «педагог», а участник «Младшая Тест»/,
    ],
    [
      'a teacher as a STUDENT_PUPIL mentor',
      'STUDENT_PUPIL',
      'teacherMentor',
      'juniorPupil',
      /^mentorIds: в форме «студент – ученик» наставник — «студент спо или вуза»/,
    ],
    [
      'a teacher as an EMPLOYER_PUPIL mentor',
      'EMPLOYER_PUPIL',
      'teacherMentor',
      'juniorPupil',
      /^mentorIds: в форме «работодатель – ученик» наставник — «представитель работодателя»/,
    ],
    [
      'a pupil as an EMPLOYER_STUDENT mentee',
      'EMPLOYER_STUDENT',
      'employer',
      'juniorPupil',
      /^menteeIds: в форме «работодатель – студент» наставляемый — «студент спо или вуза»/,
    ],
    [
      'a student as a TEACHER_PUPIL mentor',
      'TEACHER_PUPIL',
      'studentMentor',
      'juniorPupil',
      /^mentorIds: в форме «учитель – ученик» наставник — «педагог», а участник «Студентов Тест»/,
    ],
    [
      'a mentor outside the base of mentors',
      'PUPIL_PUPIL',
      'pupilNotMentor',
      'juniorPupil',
      /^mentorIds: участник «Ненаставник Тест» \(№ \d+\) не входит в базу наставников$/,
    ],
    [
      'a mentee outside the base of mentees',
      'TEACHER_TEACHER',
      'teacherMentor',
      'busyTeacher',
      /^menteeIds: участник «Загруженная Тест» \(№ \d+\) не входит в базу наставляемых$/,
    ],
    [
      'one person on both sides',
      'PUPIL_PUPIL',
      'seniorPupil',
      'seniorPupil',
      /^menteeIds: участник «Старшеклассникова Тест» \(№ \d+\) не может быть в одной группе и наставником, и наставляемым$/,
    ],
  ])('refuses %s, naming the participant and the rule', async (_name, form, mentor, mentee, message) => {
    const before = await groupCount();
    const result = await createGroup({ form, mentorIds: [P[mentor]], menteeIds: [P[mentee]] });
    expect(result.data).toBeNull();
    expectError(result, 'BAD_USER_INPUT', message);
    expect(await groupCount()).toBe(before);
  });

  it('refuses a group without a mentee or without a mentor', async () => {
    expectError(
      await createGroup({ form: 'TEACHER_PUPIL', mentorIds: [P.teacherMentor], menteeIds: [] }),
      'BAD_USER_INPUT',
      /^menteeIds: в паре или группе должен быть хотя бы один наставляемый$/,
    );
    expectError(
      await createGroup({ form: 'TEACHER_PUPIL', mentorIds: [], menteeIds: [P.juniorPupil] }),
      'BAD_USER_INPUT',
      /^mentorIds: в паре или группе должен быть хотя бы один наставник$/,
    );
  });
});

describe('consent and scope', () => {
  it('refuses a minor without consent, naming them', async () => {
    const before = await groupCount();
    const result = await createGroup({
      form: 'TEACHER_PUPIL',
      mentorIds: [P.teacherMentor],
      menteeIds: [P.juniorPupil, P.noConsent],
    });
    expectError(
      result,
      'BAD_USER_INPUT',
      /участника «Бессогласная Тест» \(№ \d+\) нельзя включить в пару или группу: нет действующего согласия/,
    );
    expect(await groupCount()).toBe(before);
  });

  it('refuses a participant whose consent was revoked', async () => {
    const result = await createGroup({
      form: 'TEACHER_PUPIL',
      mentorIds: [P.teacherMentor],
      menteeIds: [P.revoked],
    });
    expectError(result, 'BAD_USER_INPUT', /№ \d+ нельзя включить в пару или группу: согласие .* отозвано/);
  });

  it('answers a participant of another school exactly like one that does not exist', async () => {
    const foreign = await createGroup({
      form: 'TEACHER_PUPIL',
      mentorIds: [P.teacherMentor],
      menteeIds: [P.foreign],
    });
    const missing = await createGroup({
      form: 'TEACHER_PUPIL',
      mentorIds: [P.teacherMentor],
      menteeIds: ['999999'],
    });
    expectError(foreign, 'NOT_FOUND', new RegExp(`^Участник № ${P.foreign} не найден\\.$`));
    expectError(missing, 'NOT_FOUND', /^Участник № 999999 не найден\.$/);
  });

  it('hides a group from the curator of another school', async () => {
    const group = await createGroupOk({
      form: 'TEACHER_PUPIL',
      mentorIds: [P.teacherMentor],
      menteeIds: [P.juniorPupil],
    });
    const result = await gql(
      `mutation($id: ID!) { moveGroupStage(id: $id, stage: WORK) { stage } }`,
      { id: group.id },
      OTHER_CURATOR,
    );
    expectError(result, 'NOT_FOUND', /^Наставническая пара или группа не найдена\.$/);
  });
});

describe('mentor load', () => {
  let firstGroup: string;

  it('accepts mentees up to the mentor’s load and refuses one more, with the numbers', async () => {
    firstGroup = (
      await createGroupOk({
        form: 'TEACHER_PUPIL',
        mentorIds: [P.busyTeacher],
        menteeIds: [P.juniorPupil, P.juniorPupil2],
      })
    ).id;
    const result = await createGroup({
      form: 'TEACHER_TEACHER',
      mentorIds: [P.busyTeacher],
      menteeIds: [P.youngTeacher],
    });
    expectError(
      result,
      'BAD_USER_INPUT',
      /^mentorIds: у наставника «Загруженная Тест» \(№ \d+\) было бы 3 наставляемых в формирующихся и работающих парах и группах при допустимой нагрузке 2$/,
    );
  });

  it('applies the same cap when members are added', async () => {
    const result = await gql(
      `mutation($id: ID!, $ids: [ID!]!) { addGroupMembers(id: $id, menteeIds: $ids) { id } }`,
      { id: firstGroup, ids: [P.skippedGradeMentor] },
    );
    // A pupil mentor is not in the base of mentees: the composition rule answers before the cap.
    expectError(result, 'BAD_USER_INPUT', /не входит в базу наставляемых/);
    const over = await gql(
      `mutation($id: ID!, $ids: [ID!]!) { addGroupMembers(id: $id, menteeIds: $ids) { id } }`,
      { id: firstGroup, ids: [P.studentMentee] },
    );
    expectError(over, 'BAD_USER_INPUT', /наставляемый — «обучающийся»/);
  });

  it('frees the load when a group is terminated', async () => {
    const terminated = await gql<{ terminateGroup: { status: string; endedOn: string } }>(
      `mutation($id: ID!) { terminateGroup(id: $id, endedOn: "2025-12-01", reason: "Переезд семьи") { status endedOn } }`,
      { id: firstGroup },
    );
    expect(terminated).toEqual({ data: { terminateGroup: { status: 'TERMINATED', endedOn: '2025-12-01' } } });
    await createGroupOk({ form: 'TEACHER_TEACHER', mentorIds: [P.busyTeacher], menteeIds: [P.youngTeacher] });
  });
});

describe('membership changes', () => {
  it('adds a mentee with the checks of creation and refuses to remove the last mentor', async () => {
    const group = await createGroupOk({
      form: 'PUPIL_PUPIL',
      mentorIds: [P.seniorPupil],
      menteeIds: [P.juniorPupil],
    });
    const added = await gql<{ addGroupMembers: Group }>(
      `mutation($id: ID!, $ids: [ID!]!) { addGroupMembers(id: $id, menteeIds: $ids) { ${GROUP} } }`,
      { id: group.id, ids: [P.juniorPupil2] },
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addGroupMembers.members.map((m) => m.participant.id)).toEqual([
      P.seniorPupil,
      P.juniorPupil,
      P.juniorPupil2,
    ]);
    const noConsent = await gql(
      `mutation($id: ID!, $ids: [ID!]!) { addGroupMembers(id: $id, menteeIds: $ids) { id } }`,
      { id: group.id, ids: [P.noConsent] },
    );
    expectError(noConsent, 'BAD_USER_INPUT', /нет действующего согласия/);
    const lastMentor = await gql(
      `mutation($id: ID!, $p: ID!) { removeGroupMember(id: $id, participantId: $p) { id } }`,
      { id: group.id, p: P.seniorPupil },
    );
    expectError(lastMentor, 'FAILED_PRECONDITION', /единственного наставника/);
    const removed = await gql<{ removeGroupMember: Group }>(
      `mutation($id: ID!, $p: ID!) { removeGroupMember(id: $id, participantId: $p) { ${GROUP} } }`,
      { id: group.id, p: P.juniorPupil },
    );
    expect(removed.data!.removeGroupMember.members.map((m) => m.participant.id)).toEqual([
      P.seniorPupil,
      P.juniorPupil2,
    ]);
  });
});

describe('stages and states', () => {
  const move = (id: string, stage: string) =>
    gql<{ moveGroupStage: { stage: string } }>(
      `mutation($id: ID!, $stage: MentoringStage!) { moveGroupStage(id: $id, stage: $stage) { stage } }`,
      { id, stage },
    );

  it('moves forward one stage or stays, and refuses skipping or going back', async () => {
    const group = await createGroupOk({
      form: 'TEACHER_PUPIL',
      mentorIds: [P.teacherMentor],
      menteeIds: [P.juniorPupil],
    });
    expectError(
      await move(group.id, 'COMPLETION'),
      'FAILED_PRECONDITION',
      /^Этап меняется только на следующий: сейчас «Формирование наставнических пар или групп», можно перейти к «Организация работы наставнических пар или групп» или остаться; запрошен «Завершение наставничества»\.$/,
    );
    expect(await move(group.id, 'WORK')).toEqual({ data: { moveGroupStage: { stage: 'WORK' } } });
    expect(await move(group.id, 'WORK')).toEqual({ data: { moveGroupStage: { stage: 'WORK' } } });
    expectError(await move(group.id, 'MATCHING'), 'FAILED_PRECONDITION', /сейчас «Организация работы/);
  });

  it('activates only under an order, then completes; refused transitions name the states', async () => {
    const group = await createGroupOk({
      form: 'TEACHER_PUPIL',
      mentorIds: [P.teacherMentor],
      menteeIds: [P.juniorPupil],
    });
    const activate = (variables: Record<string, unknown>) =>
      gql<{ activateGroup: Record<string, unknown> }>(
        `mutation($id: ID!, $n: String, $d: String) { activateGroup(id: $id, orderNumber: $n, orderDate: $d) {
           status orderNumber orderDate startedOn } }`,
        { id: group.id, ...variables },
      );
    expectError(
      await activate({ n: '15-од' }),
      'FAILED_PRECONDITION',
      /^Пара или группа начинает работу по приказу о закреплении: укажите номер и дату приказа \(сейчас: номер «15-од», дата не указана\)\.$/,
    );
    expectError(
      await gql(`mutation($id: ID!) { completeGroup(id: $id, endedOn: "2025-12-01") { id } }`, {
        id: group.id,
      }),
      'FAILED_PRECONDITION',
      /^Нельзя завершить группу: она сейчас «формируется», а это возможно только из «работает»\.$/,
    );
    expect(await activate({ n: '15-од', d: '2025-10-01' })).toEqual({
      data: {
        activateGroup: {
          status: 'ACTIVE',
          orderNumber: '15-од',
          orderDate: '2025-10-01',
          startedOn: '2025-10-01',
        },
      },
    });
    expectError(
      await activate({}),
      'FAILED_PRECONDITION',
      /^Нельзя начать работу группы: она сейчас «работает», а это возможно только из «формируется»\.$/,
    );
    const completed = await gql(
      `mutation($id: ID!) { completeGroup(id: $id, endedOn: "2025-12-01") { status endedOn } }`,
      { id: group.id },
    );
    expect(completed).toEqual({ data: { completeGroup: { status: 'COMPLETED', endedOn: '2025-12-01' } } });
    expectError(
      await gql(`mutation($id: ID!) { terminateGroup(id: $id, endedOn: "2025-12-02", reason: "x") { id } }`, {
        id: group.id,
      }),
      'FAILED_PRECONDITION',
      /сейчас «завершена», а это возможно только из «формируется» или «работает»/,
    );
    expectError(await move(group.id, 'COMPLETION'), 'FAILED_PRECONDITION', /группа сейчас «завершена»/);
  });

  it('audits every change in the same transaction without personal values', async () => {
    const group = await createGroupOk({
      form: 'TEACHER_PUPIL',
      mentorIds: [P.teacherMentor],
      menteeIds: [P.juniorPupil],
    });
    await move(group.id, 'WORK');
    await gql(
      `mutation($id: ID!) { terminateGroup(id: $id, endedOn: "2025-12-01", reason: "Болезнь Младшей") { id } }`,
      {
        id: group.id,
      },
    );
    const rows = await api.orm.em
      .getConnection()
      .execute<{ action: string; operation: string; before: unknown; after: Record<string, unknown> }[]>(
        `select action, operation, before, after from audit_record
         where entity = 'mentoring_group' and entity_code = ? order by id`,
        [group.id],
      );
    expect(rows.map((r) => [r.operation, r.action])).toEqual([
      ['mentoring.write', 'CREATE'],
      ['mentoring.write', 'UPDATE'],
      ['mentoring.write', 'UPDATE'],
    ]);
    expect(rows[0]!.after).toMatchObject({
      mentorIds: [Number(P.teacherMentor)],
      menteeIds: [Number(P.juniorPupil)],
    });
    expect(rows[2]!.after).toEqual({ status: 'TERMINATED', endedOn: '2025-12-01', reasonGiven: true });
    expect(JSON.stringify(rows)).not.toMatch(/Младш|Опытн|Болезнь/);
  });

  it('writes no audit row for a refused change', async () => {
    const count = async () =>
      (
        await api.orm.em
          .getConnection()
          .execute<{ n: number }[]>(
            `select count(*)::int as n from audit_record where entity = 'mentoring_group'`,
          )
      )[0]!.n;
    const before = await count();
    await createGroup({ form: 'PUPIL_PUPIL', mentorIds: [P.teacherMentor], menteeIds: [P.juniorPupil] });
    expect(await count()).toBe(before);
  });
});

describe('programs and lists', () => {
  it('ties a group to a programme of one of its forms', async () => {
    const program = await gql<{ createMentoringProgram: { id: string; forms: string[] } }>(
      `mutation($input: MentoringProgramInput!) { createMentoringProgram(input: $input) { id title forms periodFrom personalised } }`,
      {
        input: {
          title: 'Программа «Старт»',
          forms: ['TEACHER_TEACHER'],
          periodFrom: '2025-09-01',
          periodTo: '2026-05-31',
          personalised: true,
        },
      },
    );
    expect(program.data).toEqual({
      createMentoringProgram: {
        id: expect.any(String),
        title: 'Программа «Старт»',
        forms: ['TEACHER_TEACHER'],
        periodFrom: '2025-09-01',
        personalised: true,
      },
    });
    const programId = program.data!.createMentoringProgram.id;
    expectError(
      await createGroup({
        form: 'TEACHER_PUPIL',
        programId,
        mentorIds: [P.teacherMentor],
        menteeIds: [P.juniorPupil],
      }),
      'BAD_USER_INPUT',
      /^form: программа «Программа «Старт»» не предусматривает форму «учитель – ученик»$/,
    );
    const group = await createGroupOk({
      form: 'TEACHER_TEACHER',
      programId,
      mentorIds: [P.teacherMentor],
      menteeIds: [P.youngTeacher],
    });
    expect(group.program).toEqual({ title: 'Программа «Старт»' });
    expectError(
      await createGroup(
        { form: 'TEACHER_TEACHER', programId, mentorIds: [P.teacherMentor], menteeIds: [P.youngTeacher] },
        OTHER_CURATOR,
      ),
      'NOT_FOUND',
      /^Программа наставничества не найдена\.$/,
    );
  });

  const LIST = `query($first: Int!, $filter: MentoringGroupFilter) { organization(code: "280001") {
    mentoringPrograms { title forms }
    mentoringGroups(first: $first, filter: $filter) { totalCount pageInfo { hasNextPage }
      nodes { id form stage status orderNumber orderDate program { title }
              members { role participant { id category personal { lastName } } } } } } }`;

  it('lists groups by status and form', async () => {
    type List = { organization: { mentoringGroups: { totalCount: number; nodes: Group[] } } };
    const active = await gql<List>(LIST, { first: 50, filter: { status: 'TERMINATED' } });
    expect(active.errors).toBeUndefined();
    expect(active.data!.organization.mentoringGroups.totalCount).toBe(2);
    expect(active.data!.organization.mentoringGroups.nodes.every((g) => g.status === 'TERMINATED')).toBe(
      true,
    );
    const teachers = await gql<List>(LIST, { first: 50, filter: { form: 'TEACHER_TEACHER' } });
    const nodes = teachers.data!.organization.mentoringGroups.nodes;
    expect(nodes.length).toBeGreaterThanOrEqual(3);
    expect(nodes.every((g) => g.form === 'TEACHER_TEACHER')).toBe(true);
    const other = await gql<{ organization: { mentoringGroups: { totalCount: number } } }>(
      `{ organization(code: "280002") { mentoringGroups { totalCount } } }`,
      {},
      OTHER_CURATOR,
    );
    expect(other.data).toEqual({ organization: { mentoringGroups: { totalCount: 0 } } });
  });

  it('reads a page of groups with programmes and members in a constant number of statements', async () => {
    type List = { organization: { mentoringGroups: { nodes: Group[] } } };
    // Both pages hold a group with a programme, so both ask for programmes once.
    const few = { first: 50, filter: { form: 'TEACHER_TEACHER' } };
    const fewRows = (await gql<List>(LIST, few)).data!.organization.mentoringGroups.nodes;
    const manyRows = (await gql<List>(LIST, { first: 50 })).data!.organization.mentoringGroups.nodes;
    expect(fewRows.some((g) => g.program)).toBe(true);
    expect(manyRows.length).toBeGreaterThan(fewRows.length + 8);
    const statementsForFew = await api.countStatements(() => gql(LIST, few));
    const statementsForMany = await api.countStatements(() => gql(LIST, { first: 50 }));
    expect(statementsForMany).toBe(statementsForFew);
  });
});

it('keeps the indicator summary equal to a recomputation from the base rows', () =>
  expectSummaryConsistent(api));
