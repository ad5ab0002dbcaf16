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

const mentee = (lastName: string, grade: string) => ({
  category: 'PUPIL',
  lastName,
  birthDate: '2013-05-01',
  gradeOrCourse: grade,
  isMentee: true,
});

const P: Record<string, string> = {};

/** A TEACHER_PUPIL group of the teacher and both pupils; activated under an order unless told. */
async function group(options: { active?: boolean } = {}): Promise<string> {
  const created = await gql<{ createMentoringGroup: { id: string } }>(
    `mutation($input: MentoringGroupInput!) { createMentoringGroup(input: $input) { id } }`,
    { input: { form: 'TEACHER_PUPIL', mentorIds: [P.mentor], menteeIds: [P.mentee1, P.mentee2] } },
  );
  expect(created.errors).toBeUndefined();
  const id = created.data!.createMentoringGroup.id;
  if (options.active !== false) {
    const activated = await gql(
      `mutation($id: ID!) { activateGroup(id: $id, orderNumber: "15-н", orderDate: "2025-09-01") { id } }`,
      { id },
    );
    expect(activated.errors).toBeUndefined();
  }
  return id;
}

function meet(
  groupId: string,
  kind: string,
  heldOn: string,
  extra: Record<string, unknown> = {},
  caller: Caller = CURATOR,
) {
  return gql<{
    recordMeeting: { id: string; kind: string; heldOn: string; format: string; notes: string | null };
  }>(
    `mutation($groupId: ID!, $input: MeetingInput!) {
       recordMeeting(groupId: $groupId, input: $input) { id kind heldOn format notes } }`,
    { groupId, input: { kind, heldOn, format: 'IN_PERSON', ...extra } },
    caller,
  );
}

async function meetOk(groupId: string, kind: string, heldOn: string) {
  const result = await meet(groupId, kind, heldOn);
  expect(result.errors).toBeUndefined();
  return result.data!.recordMeeting;
}

function feedback(
  groupId: string,
  participantId: string,
  score: number,
  text?: string,
  caller: Caller = CURATOR,
) {
  return gql<{ recordFeedback: { role: string; score: number; text: string | null } }>(
    `mutation($groupId: ID!, $participantId: ID!, $input: FeedbackInput!) {
       recordFeedback(groupId: $groupId, participantId: $participantId, input: $input) { role score text } }`,
    { groupId, participantId, input: { score, text } },
    caller,
  );
}

const GROUP_VIEW = `query($code: String!) { organization(code: $code) { mentoringGroups(first: 100) { nodes {
  id meetings { kind heldOn } satisfaction { averageScore responses mentorResponses menteeResponses }
  feedback { participantId role score } } } } }`;

type GroupView = {
  id: string;
  meetings: { kind: string; heldOn: string }[];
  satisfaction: {
    averageScore: number | null;
    responses: number;
    mentorResponses: number;
    menteeResponses: number;
  };
  feedback: { participantId: string; role: string; score: number }[];
};

async function view(groupId: string): Promise<GroupView> {
  const result = await gql<{ organization: { mentoringGroups: { nodes: GroupView[] } } }>(GROUP_VIEW, {
    code: '280001',
  });
  expect(result.errors).toBeUndefined();
  return result.data!.organization.mentoringGroups.nodes.find((g) => g.id === groupId)!;
}

function tomorrow() {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  P.mentor = await person({
    category: 'TEACHER',
    lastName: 'Наставникова',
    birthDate: '1975-01-01',
    isMentor: true,
    teachingExperienceYears: 25,
  });
  P.mentee1 = await person(mentee('Первая', '6А'));
  P.mentee2 = await person(mentee('Вторая', '6Б'));
  P.outsider = await person(mentee('Посторонний', '6В'));
});
afterAll(() => api.stop());

describe('meetings', () => {
  it('lets a forming group hold only the introductory meeting', async () => {
    const id = await group({ active: false });
    expectError(
      await meet(id, 'TRIAL', '2025-09-05'),
      'FAILED_PRECONDITION',
      /^Нельзя записать «пробная рабочая встреча»: группа сейчас «формируется»; встречи проводит работающая группа, а формирующаяся — только встречу-знакомство\.$/,
    );
    expect(await meetOk(id, 'INTRODUCTORY', '2025-09-05')).toMatchObject({
      kind: 'INTRODUCTORY',
      heldOn: '2025-09-05',
      format: 'IN_PERSON',
    });
  });

  it('refuses a meeting dated in the future and notes over 2000 characters', async () => {
    const id = await group();
    expectError(
      await meet(id, 'INTRODUCTORY', tomorrow()),
      'BAD_USER_INPUT',
      /^heldOn: дата не может быть в будущем$/,
    );
    expectError(
      await meet(id, 'INTRODUCTORY', '2025-09-05', { notes: 'а'.repeat(2001) }),
      'BAD_USER_INPUT',
      /^notes: не длиннее 2000 знаков, передано 2001$/,
    );
    expect((await view(id)).meetings).toEqual([]);
  });

  it('keeps the introduction first and once, the final meeting last and once', async () => {
    const id = await group();
    await meetOk(id, 'INTRODUCTORY', '2025-09-10');
    expectError(
      await meet(id, 'INTRODUCTORY', '2025-09-12'),
      'FAILED_PRECONDITION',
      /^Встреча-знакомство уже проведена 2025-09-10; она бывает один раз\.$/,
    );
    expectError(
      await meet(id, 'TRIAL', '2025-09-09'),
      'FAILED_PRECONDITION',
      /^Пробная рабочая встреча не может быть раньше встречи-знакомства \(2025-09-10\)\.$/,
    );
    await meetOk(id, 'TRIAL', '2025-09-17');
    await meetOk(id, 'PLANNING', '2025-09-24');
    await meetOk(id, 'REGULAR', '2025-11-20');
    expectError(
      await meet(id, 'FINAL', '2025-11-01'),
      'FAILED_PRECONDITION',
      /^Заключительная встреча должна быть последней, а «регулярная встреча» проведена позже — 2025-11-20\.$/,
    );
    await meetOk(id, 'FINAL', '2025-12-20');
    expectError(
      await meet(id, 'REGULAR', '2025-12-25'),
      'FAILED_PRECONDITION',
      /^После заключительной встречи \(2025-12-20\) других встреч не бывает\.$/,
    );
    expectError(
      await meet(id, 'FINAL', '2025-12-26'),
      'FAILED_PRECONDITION',
      /^Заключительная встреча уже проведена 2025-12-20; она бывает один раз\.$/,
    );
    expect((await view(id)).meetings).toEqual([
      { kind: 'INTRODUCTORY', heldOn: '2025-09-10' },
      { kind: 'TRIAL', heldOn: '2025-09-17' },
      { kind: 'PLANNING', heldOn: '2025-09-24' },
      { kind: 'REGULAR', heldOn: '2025-11-20' },
      { kind: 'FINAL', heldOn: '2025-12-20' },
    ]);
  });

  it('refuses an introduction after other meetings were recorded', async () => {
    const id = await group();
    await meetOk(id, 'REGULAR', '2025-10-01');
    expectError(
      await meet(id, 'INTRODUCTORY', '2025-09-20'),
      'FAILED_PRECONDITION',
      /^Встреча-знакомство проводится первой, а у группы уже есть «регулярная встреча» 2025-10-01\.$/,
    );
  });

  it('refuses meetings of a completed group', async () => {
    const id = await group();
    const completed = await gql(
      `mutation($id: ID!) { completeGroup(id: $id, endedOn: "2025-12-01") { id } }`,
      {
        id,
      },
    );
    expect(completed.errors).toBeUndefined();
    expectError(await meet(id, 'REGULAR', '2025-11-01'), 'FAILED_PRECONDITION', /группа сейчас «завершена»/);
  });

  it('audits a meeting without the text of its notes', async () => {
    const id = await group();
    const meeting = await meet(id, 'INTRODUCTORY', '2025-09-10', { notes: 'Обсудили цели Первой' });
    expect(meeting.errors).toBeUndefined();
    expect(meeting.data!.recordMeeting.notes).toBe('Обсудили цели Первой');
    const rows = await api.orm.em
      .getConnection()
      .execute<{ operation: string; after: unknown }[]>(
        `select operation, after from audit_record where entity = 'mentoring_meeting' and entity_code = ?`,
        [meeting.data!.recordMeeting.id],
      );
    expect(rows).toEqual([
      {
        operation: 'mentoring.write',
        after: {
          groupId: Number(id),
          kind: 'INTRODUCTORY',
          heldOn: '2025-09-10',
          format: 'IN_PERSON',
          notesGiven: true,
        },
      },
    ]);
  });
});

describe('feedback', () => {
  it('takes feedback only from members, with a score from 1 to 5', async () => {
    const id = await group();
    expectError(
      await feedback(id, P.outsider!, 4),
      'NOT_FOUND',
      new RegExp(`^Участник № ${P.outsider} не входит в эту пару или группу\\.$`),
    );
    expectError(await feedback(id, P.mentee1!, 0), 'BAD_USER_INPUT', /^score: оценка от 1 до 5, передано 0$/);
    expectError(await feedback(id, P.mentee1!, 6), 'BAD_USER_INPUT', /^score: оценка от 1 до 5, передано 6$/);
    expect((await view(id)).satisfaction).toEqual({
      averageScore: null,
      responses: 0,
      mentorResponses: 0,
      menteeResponses: 0,
    });
  });

  it('averages the members’ scores, a later feedback replacing the earlier one', async () => {
    const id = await group();
    const mentor = await feedback(id, P.mentor!, 5, 'Группа работает слаженно');
    expect(mentor.data).toEqual({
      recordFeedback: { role: 'MENTOR', score: 5, text: 'Группа работает слаженно' },
    });
    expect((await feedback(id, P.mentee1!, 4)).errors).toBeUndefined();
    expect((await feedback(id, P.mentee2!, 2)).errors).toBeUndefined();
    // (5 + 4 + 2) / 3 = 3.67
    expect((await view(id)).satisfaction).toEqual({
      averageScore: 3.67,
      responses: 3,
      mentorResponses: 1,
      menteeResponses: 2,
    });
    expect((await feedback(id, P.mentee2!, 3)).errors).toBeUndefined();
    // (5 + 4 + 3) / 3 = 4
    const after = await view(id);
    expect(after.satisfaction).toEqual({
      averageScore: 4,
      responses: 3,
      mentorResponses: 1,
      menteeResponses: 2,
    });
    expect(after.feedback.map((f) => [f.role, f.participantId, f.score])).toEqual([
      ['MENTOR', P.mentor, 5],
      ['MENTEE', P.mentee1, 4],
      ['MENTEE', P.mentee2, 3],
    ]);
    const audit = await api.orm.em.getConnection().execute<{ action: string }[]>(
      `select action, after from audit_record where entity = 'mentoring_feedback' and after->>'groupId' = ?
         order by id`,
      [id],
    );
    expect(audit.map((row) => row.action)).toEqual(['CREATE', 'CREATE', 'CREATE', 'UPDATE']);
    expect(JSON.stringify(audit)).not.toMatch(/слаженно|score/);
  });
});

describe('scope and reads', () => {
  it('answers another school’s curator about our group exactly like about an unknown one', async () => {
    const id = await group();
    const unknown = await meet('999999', 'INTRODUCTORY', '2025-09-10');
    expectError(unknown, 'NOT_FOUND', /^Наставническая пара или группа не найдена\.$/);
    const foreignMeeting = await meet(id, 'INTRODUCTORY', '2025-09-10', {}, OTHER_CURATOR);
    expect(foreignMeeting.errors).toEqual(unknown.errors);
    const foreignFeedback = await feedback(id, P.mentee1!, 5, undefined, OTHER_CURATOR);
    expect(foreignFeedback.errors).toEqual((await feedback('999999', P.mentee1!, 5)).errors);
    expect((await view(id)).meetings).toEqual([]);
    expect((await view(id)).satisfaction.responses).toBe(0);
  });

  it('reads meetings, feedback and satisfaction of a page of groups in a constant number of statements', async () => {
    const few = await api.countStatements(() => gql(GROUP_VIEW, { code: '280001' }));
    for (let n = 0; n < 3; n += 1) {
      const id = await group();
      await meetOk(id, 'INTRODUCTORY', '2025-09-10');
      await meetOk(id, 'REGULAR', '2025-10-10');
      expect((await feedback(id, P.mentee1!, 5)).errors).toBeUndefined();
    }
    const many = await api.countStatements(() => gql(GROUP_VIEW, { code: '280001' }));
    expect(many).toBe(few);
  });
});

it('keeps the indicator summary equal to a recomputation from the base rows', () =>
  expectSummaryConsistent(api));
