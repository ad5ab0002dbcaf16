import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { addParticipant } from '../../../test/mentoring-fixture.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';

let api: TestServer;
const CURATOR = { user: 'curator.zeya1' };
const OTHER_CURATOR = { user: 'curator.zeya4' };

async function gql<T>(query: string, variables: Record<string, unknown>, caller: Caller = CURATOR) {
  return api.graphql<T>(query, variables, caller);
}

/** Adds a participant through the API with (by default) a consent in force; returns their id. */
const person = (input: Record<string, unknown>, options: { consent?: boolean } = {}) =>
  addParticipant(api, CURATOR, input, options);

const pupilMentor = (
  lastName: string,
  birthDate: string,
  grade: string,
  profile: Record<string, unknown>,
) => ({
  category: 'PUPIL',
  lastName,
  birthDate,
  gradeOrCourse: grade,
  isMentor: true,
  ...profile,
});

const pupilMentee = (lastName: string, birthDate: string, grade: string, requestTopics: string[] = []) => ({
  category: 'PUPIL',
  lastName,
  birthDate,
  gradeOrCourse: grade,
  isMentee: true,
  requestTopics,
});

async function group(form: string, mentorIds: string[], menteeIds: string[]) {
  const result = await gql<{ createMentoringGroup: { id: string } }>(
    `mutation($input: MentoringGroupInput!) { createMentoringGroup(input: $input) { id } }`,
    { input: { form, mentorIds, menteeIds } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.createMentoringGroup.id;
}

type Suggestion = {
  mentor: { id: string };
  form: string;
  score: number;
  freePlaces: number | null;
  reasons: { factor: string; points: number; maxPoints: number; text: string }[];
};

const SUGGESTIONS = `query($menteeId: ID!, $form: MentoringForm, $first: Int) {
  mentorSuggestions(menteeId: $menteeId, form: $form, first: $first) {
    mentor { id } form score freePlaces reasons { factor points maxPoints text }
  }
}`;

async function suggest(variables: Record<string, unknown>, caller: Caller = CURATOR) {
  return gql<{ mentorSuggestions: Suggestion[] }>(SUGGESTIONS, variables, caller);
}

async function suggestOk(variables: Record<string, unknown>) {
  const { data, errors } = await suggest(variables);
  expect(errors).toBeUndefined();
  return data!.mentorSuggestions;
}

async function rowCounts() {
  const [row] = await api.orm.em.getConnection().execute<Record<string, number>[]>(
    `select (select count(*) from mentoring_group)::int as groups,
            (select count(*) from mentoring_group_member)::int as members,
            (select count(*) from audit_record)::int as audit`,
  );
  return row;
}

const P: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  // Three request topics, so each found topic is worth 30 / 3 = 10 points.
  P.mentee = await person(
    pupilMentee('Наставляемая', '2013-06-01', '6Б', ['Математика', 'Профориентация', 'Амурэнерго']),
  );
  P.otherMentee = await person(pupilMentee('Другая', '2012-01-01', '7В'));
  P.thirdMentee = await person(pupilMentee('Третий', '2012-02-01', '7Г'));

  P.pupilA = await person(
    pupilMentor('Старшеклассник', '2009-04-10', '10А', {
      competencies: ['математика', 'шахматы'],
      maxLoad: 2,
    }),
  );
  P.teacherB = await person({
    category: 'TEACHER',
    lastName: 'Учительница',
    birthDate: '1980-01-01',
    teachingExperienceYears: 20,
    isMentor: true,
    competencies: ['МАТЕМАТИКА', 'профориентация'],
    maxLoad: 3,
  });
  P.employerC = await person({
    category: 'EMPLOYER_REPRESENTATIVE',
    lastName: 'Энергетик',
    birthDate: '1985-01-01',
    isMentor: true,
    competencies: ['Профориентация'],
    maxLoad: 4,
    partnerOrganization: 'АО «Амурэнерго»',
  });
  P.studentD = await person({
    category: 'STUDENT',
    lastName: 'Студентов',
    birthDate: '2004-01-01',
    gradeOrCourse: '3 курс',
    isMentor: true,
  });
  // Born a month after the mentee, yet a class above: the form allows it, with fewer points.
  P.pupilE = await person(
    pupilMentor('Вундеркинд', '2013-07-01', '7А', { competencies: ['Математика'], maxLoad: 1 }),
  );
  P.employerF = await person({
    category: 'EMPLOYER_REPRESENTATIVE',
    lastName: 'Садовод',
    birthDate: '1979-01-01',
    isMentor: true,
    competencies: ['математика', 'профориентация', 'амурэнерго'],
    maxLoad: 2,
    partnerOrganization: 'ООО «Ромашка»',
  });

  // Never suggested: perfect profile but no consent; full load; younger and in a lower class.
  P.teacherWithoutConsent = await person(
    {
      category: 'TEACHER',
      lastName: 'Безсогласия',
      birthDate: '1970-01-01',
      teachingExperienceYears: 30,
      isMentor: true,
      competencies: ['математика', 'профориентация', 'амурэнерго'],
      maxLoad: 5,
    },
    { consent: false },
  );
  P.fullPupilH = await person(
    pupilMentor('Занятой', '2008-01-01', '11А', {
      competencies: ['математика', 'профориентация'],
      maxLoad: 1,
    }),
  );
  P.youngerPupilI = await person(
    pupilMentor('Пятиклассник', '2014-02-01', '5А', {
      competencies: ['математика', 'профориентация'],
      maxLoad: 3,
    }),
  );

  await group('TEACHER_PUPIL', [P.teacherB!], [P.otherMentee!]);
  await group('PUPIL_PUPIL', [P.fullPupilH!], [P.thirdMentee!]);
});

afterAll(async () => {
  await api?.stop();
});

describe('mentorSuggestions', () => {
  it('ranks mentors by the weighted score, ties by participant id, with the reasons in Russian', async () => {
    /*
     * By hand (form 30 + topics 30 × share + free load 20 × free/max + organisation 20/10/0):
     *   C employer, partner «Амурэнерго» named in the request: 30 + 10 (1 of 3) + 20 (4/4) + 20 = 80
     *   F employer, «Ромашка» not named:                       30 + 30 (3 of 3) + 20 (2/2) +  0 = 80
     *   B teacher, one mentee already:                         30 + 20 (2 of 3) + 13 (2/3) + 10 = 73
     *   A pupil, older and in a higher class:                  30 + 10 (1 of 3) + 20 (2/2) + 10 = 70
     *   E pupil, higher class but younger:                     20 + 10 (1 of 3) + 20 (1/1) + 10 = 60
     *   D student, no competencies, no declared load:          30 +  0          +  0       + 10 = 40
     * C and F tie at 80; C was added first, so has the lower id.
     */
    const suggestions = await suggestOk({ menteeId: P.mentee });
    expect(suggestions.map((s) => [s.mentor.id, s.score, s.form])).toEqual([
      [P.employerC, 80, 'EMPLOYER_PUPIL'],
      [P.employerF, 80, 'EMPLOYER_PUPIL'],
      [P.teacherB, 73, 'TEACHER_PUPIL'],
      [P.pupilA, 70, 'PUPIL_PUPIL'],
      [P.pupilE, 60, 'PUPIL_PUPIL'],
      [P.studentD, 40, 'STUDENT_PUPIL'],
    ]);
    for (const s of suggestions) expect(s.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(s.score);

    const byId = new Map(suggestions.map((s) => [s.mentor.id, s]));
    expect(byId.get(P.teacherB!)!.reasons).toEqual([
      {
        factor: 'FORM',
        points: 30,
        maxPoints: 30,
        text: 'форма «учитель – ученик»: наставник — «педагог», наставляемый — «обучающийся»',
      },
      {
        factor: 'REQUEST_TOPICS',
        points: 20,
        maxPoints: 30,
        text: 'совпадают темы запроса: Математика, Профориентация (2 из 3)',
      },
      { factor: 'FREE_LOAD', points: 13, maxPoints: 20, text: 'свободно 2 места из 3' },
      {
        factor: 'ORGANIZATION',
        points: 10,
        maxPoints: 20,
        text: 'наставник из той же образовательной организации',
      },
    ]);
    expect(byId.get(P.teacherB!)!.freePlaces).toBe(2);
    expect(byId.get(P.employerC!)!.reasons[3]).toMatchObject({
      points: 20,
      text: 'партнёрская организация «АО «Амурэнерго»» совпадает с запросом «Амурэнерго»',
    });
    expect(byId.get(P.employerF!)!.reasons[3]).toMatchObject({
      points: 0,
      text: 'партнёрская организация «ООО «Ромашка»» в запросе не упоминается',
    });
    expect(byId.get(P.pupilA!)!.reasons[0]!.text).toBe(
      'форма «ученик – ученик»: наставник старше и в более старшем классе',
    );
    expect(byId.get(P.pupilE!)!.reasons[0]).toMatchObject({
      points: 20,
      text: 'форма «ученик – ученик»: наставник в более старшем классе, но не старше',
    });
    expect(
      byId
        .get(P.studentD!)!
        .reasons.slice(1, 3)
        .map((r) => r.text),
    ).toEqual([
      'темы запроса не совпадают с компетенциями наставника',
      'допустимая нагрузка наставника не указана',
    ]);
    expect(byId.get(P.studentD!)!.freePlaces).toBeNull();

    const firstTwo = await suggestOk({ menteeId: P.mentee, first: 2 });
    expect(firstTwo.map((s) => s.mentor.id)).toEqual([P.employerC, P.employerF]);
  });

  it('never suggests a mentor without a consent in force or with a full load', async () => {
    const ids = (await suggestOk({ menteeId: P.mentee, first: 100 })).map((s) => s.mentor.id);
    expect(ids).not.toContain(P.teacherWithoutConsent);
    expect(ids).not.toContain(P.fullPupilH);
    const teachers = await suggestOk({ menteeId: P.mentee, form: 'TEACHER_PUPIL' });
    expect(teachers.map((s) => s.mentor.id)).toEqual([P.teacherB]);
  });

  it('leaves out a mentor who would break the rule of the form', async () => {
    const pupils = await suggestOk({ menteeId: P.mentee, form: 'PUPIL_PUPIL' });
    expect(pupils.map((s) => [s.mentor.id, s.score])).toEqual([
      [P.pupilA, 70],
      [P.pupilE, 60],
    ]);
    // The same rule refuses the pair when a curator tries it by hand.
    const refused = await gql<unknown>(
      `mutation($input: MentoringGroupInput!) { createMentoringGroup(input: $input) { id } }`,
      { input: { form: 'PUPIL_PUPIL', mentorIds: [P.youngerPupilI], menteeIds: [P.mentee] } },
    );
    expect(refused.errors?.[0]?.message).toMatch(/должен быть старше/);
  });

  it('refuses a form in which the mentee cannot be the mentee', async () => {
    const { data, errors } = await suggest({ menteeId: P.mentee, form: 'TEACHER_TEACHER' });
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/наставляемый — «педагог»/);
  });

  it('creates nothing by asking; the curator confirms with createMentoringGroup', async () => {
    const before = await rowCounts();
    await suggestOk({ menteeId: P.mentee });
    await suggestOk({ menteeId: P.mentee, form: 'PUPIL_PUPIL' });
    expect(await rowCounts()).toEqual(before);

    await group('EMPLOYER_PUPIL', [P.employerC!], [P.mentee!]);
    const after = await suggestOk({ menteeId: P.mentee });
    expect(after.map((s) => s.mentor.id)).not.toContain(P.employerC);
    expect(after[0]!.mentor.id).toBe(P.employerF);
  });

  it("answers another school's curator that the mentee is not found", async () => {
    const { data, errors } = await suggest({ menteeId: P.mentee }, OTHER_CURATOR);
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const missing = await suggest({ menteeId: '999999' });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const analyst = await suggest({ menteeId: P.mentee }, { user: 'analyst.rf' });
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reads candidates, consents and loads in the same number of statements for 2 and 5 candidates', async () => {
    const variables = { menteeId: P.mentee, form: 'PUPIL_PUPIL' };
    let found = 0;
    const forTwo = await api.countStatements(async () => {
      found = (await suggestOk(variables)).length;
    });
    expect(found).toBe(2);
    for (const [name, grade] of [
      ['Девятиклассник', '9А'],
      ['Восьмиклассница', '8Б'],
      ['Одиннадцатиклассник', '11В'],
    ] as const) {
      const id = await person(
        pupilMentor(name, '2010-01-01', grade, { competencies: ['шахматы'], maxLoad: 2 }),
      );
      await group('PUPIL_PUPIL', [id], [P.otherMentee!]);
    }
    const forFive = await api.countStatements(async () => {
      found = (await suggestOk(variables)).length;
    });
    expect(found).toBe(5);
    expect(forFive).toBe(forTwo);
  });
});
