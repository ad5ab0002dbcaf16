import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';
import { assertCanBeMatched } from './consent.service.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
});
afterAll(() => api.stop());

const CURATOR = { user: 'curator.zeya1' };
const OTHER_CURATOR = { user: 'curator.zeya4' };

const PUPIL = {
  externalKey: 'У-101',
  category: 'PUPIL',
  isMentee: true,
  lastName: 'Соколова',
  firstName: 'Дарья',
  middleName: 'Игоревна',
  birthDate: '2012-05-14',
  contact: '+7 914 000-00-01',
  gradeOrCourse: '8А',
  gifted: true,
  requestTopics: ['Подготовка к олимпиаде по физике'],
  requestSource: 'CLASS_TEACHER',
};

const TEACHER = {
  externalKey: 'П-7',
  category: 'TEACHER',
  isMentor: true,
  lastName: 'Ковалёв',
  firstName: 'Андрей',
  birthDate: '1980-02-01',
  teachingExperienceYears: 20,
  competencies: ['Физика', 'Олимпиадная подготовка'],
  trainingCompletedAt: '2025-10-15',
  maxLoad: 3,
};

const FIELDS = `id category isMentor isMentee birthYear gradeOrCourse consentStatus depersonalisedAt
  consents { id signedBy signedOn revokedOn }
  personal { externalKey lastName firstName middleName birthDate contact consentDocuments { representativeName documentReference } }`;

type ParticipantResult = {
  id: string;
  consentStatus: string;
  depersonalisedAt: string | null;
  consents: { id: string; signedBy: string; revokedOn: string | null }[];
  personal: { lastName: string; consentDocuments: { representativeName: string | null }[] } | null;
};

async function create(input: Record<string, unknown>, caller: Caller = CURATOR) {
  return api.graphql<{ createParticipant: ParticipantResult }>(
    `mutation($input: ParticipantInput!) { createParticipant(input: $input) { ${FIELDS} } }`,
    { input },
    caller,
  );
}

async function createOk(input: Record<string, unknown>, caller: Caller = CURATOR) {
  const { data, errors } = await create(input, caller);
  expect(errors).toBeUndefined();
  return data!.createParticipant;
}

async function consent(participantId: string, input: Record<string, unknown>, caller: Caller = CURATOR) {
  return api.graphql<{ recordConsent: ParticipantResult }>(
    `mutation($id: ID!, $input: ConsentInput!) { recordConsent(participantId: $id, input: $input) { ${FIELDS} } }`,
    { id: participantId, input },
    caller,
  );
}

const COUNTS = `query($code: String!) { organization(code: $code) {
  participantCounts { total mentors mentees withValidConsent depersonalised byCategory { category total mentors mentees } } } }`;

async function counts(code: string, caller: Caller) {
  const { data } = await api.graphql<{ organization: { participantCounts: Record<string, unknown> } }>(
    COUNTS,
    { code },
    caller,
  );
  return data!.organization.participantCounts;
}

describe('adding participants', () => {
  it('stores a pupil with a mentee request and a teacher with a mentor profile', async () => {
    const pupil = await createOk({ ...PUPIL, externalKey: 'У-001' });
    expect(pupil).toMatchObject({
      category: 'PUPIL',
      isMentee: true,
      birthYear: 2012,
      consentStatus: 'NONE',
      personal: { lastName: 'Соколова', consentDocuments: [] },
    });
    const teacher = await api.graphql<{ createParticipant: Record<string, unknown> }>(
      `mutation($input: ParticipantInput!) { createParticipant(input: $input) {
         competencies maxLoad youngSpecialist under35 trainingCompletedAt } }`,
      { input: { ...TEACHER, externalKey: 'П-001' } },
      CURATOR,
    );
    expect(teacher.data?.createParticipant).toEqual({
      competencies: ['Физика', 'Олимпиадная подготовка'],
      maxLoad: 3,
      youngSpecialist: false,
      under35: false,
      trainingCompletedAt: '2025-10-15',
    });
  });

  it.each([
    ['no last name', { lastName: '  ' }, /^lastName: укажите фамилию/],
    ['a birth date in the future', { birthDate: '2099-01-01' }, /^birthDate: дата не может быть в будущем/],
    ['an impossible birth date', { birthDate: '2012-02-30' }, /^birthDate: дата в формате ГГГГ-ММ-ДД/],
    ['a pupil without a grade', { gradeOrCourse: null }, /^gradeOrCourse: /],
    ['neither mentor nor mentee', { isMentee: false }, /^isMentor: /],
    ['teaching experience of a pupil', { teachingExperienceYears: 2 }, /^teachingExperienceYears: /],
    ['a mentor profile of a mere mentee', { maxLoad: 2 }, /^maxLoad: профиль наставника/],
    ['a mentor with no load', { isMentor: true, maxLoad: 0 }, /^maxLoad: наставник ведёт от 1/],
    [
      'a partner organisation of a pupil',
      { isMentor: true, partnerOrganization: 'АО «Зея»' },
      /^partnerOrganization: /,
    ],
  ])('refuses %s, naming the field', async (_name, change, message) => {
    const { data, errors } = await create({ ...PUPIL, externalKey: null, ...change });
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(errors?.[0].message).toMatch(message);
  });

  it('requires the partner organisation of an employer mentor', async () => {
    const employer = {
      ...TEACHER,
      externalKey: null,
      category: 'EMPLOYER_REPRESENTATIVE',
      teachingExperienceYears: null,
    };
    expect((await create(employer)).errors?.[0].message).toMatch(
      /^partnerOrganization: для наставника от работодателя/,
    );
    expect((await create({ ...employer, partnerOrganization: 'ООО «Зейская ГЭС»' })).errors).toBeUndefined();
  });

  it('keeps the school’s own number unique within the school only', async () => {
    await createOk({ ...PUPIL, externalKey: 'У-500' });
    const again = await create({ ...PUPIL, externalKey: 'У-500' });
    expect(again.errors?.[0].message).toMatch(
      /^externalKey: в организации уже есть участник с номером «У-500»/,
    );
    await createOk({ ...PUPIL, externalKey: 'У-500' }, OTHER_CURATOR);
  });

  it('refuses an update by the curator of another school exactly like a missing participant', async () => {
    const pupil = await createOk({ ...PUPIL, externalKey: 'У-600' });
    const UPDATE = `mutation($id: ID!, $input: ParticipantInput!) { updateParticipant(id: $id, input: $input) { id } }`;
    const foreign = await api.graphql(UPDATE, { id: pupil.id, input: PUPIL }, OTHER_CURATOR);
    const missing = await api.graphql(UPDATE, { id: '999999', input: PUPIL }, OTHER_CURATOR);
    expect(foreign).toEqual(missing);
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const own = await api.graphql<{ updateParticipant: { gradeOrCourse: string } }>(
      UPDATE.replace('{ id }', '{ gradeOrCourse }'),
      { id: pupil.id, input: { ...PUPIL, externalKey: 'У-600', gradeOrCourse: '9А' } },
      CURATOR,
    );
    expect(own.data).toEqual({ updateParticipant: { gradeOrCourse: '9А' } });
  });
});

describe('consent', () => {
  it('refuses a minor’s own signature and asks for the legal representative', async () => {
    const pupil = await createOk({ ...PUPIL, externalKey: 'У-700' });
    const own = await consent(pupil.id, { signedBy: 'SELF', signedOn: '2025-09-01' });
    expect(own.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'signedBy' } });
    expect(own.errors?.[0].message).toMatch(
      /было 13 лет: до 18 лет согласие подписывает законный представитель/,
    );
    const unnamed = await consent(pupil.id, { signedBy: 'LEGAL_REPRESENTATIVE', signedOn: '2025-09-01' });
    expect(unnamed.errors?.[0].message).toMatch(/^representativeName: укажите ФИО законного представителя/);
    const signed = await consent(pupil.id, {
      signedBy: 'LEGAL_REPRESENTATIVE',
      representativeName: 'Соколова Ирина Петровна',
      signedOn: '2025-09-01',
      documentReference: '№ 15 от 01.09.2025',
    });
    expect(signed.errors).toBeUndefined();
    expect(signed.data?.recordConsent).toMatchObject({
      consentStatus: 'VALID',
      consents: [{ signedBy: 'LEGAL_REPRESENTATIVE', revokedOn: null }],
      personal: { consentDocuments: [{ representativeName: 'Соколова Ирина Петровна' }] },
    });
  });

  it('accepts an adult’s own signature, and only one consent in force at a time', async () => {
    const teacher = await createOk({ ...TEACHER, externalKey: 'П-700' });
    expect(
      (await consent(teacher.id, { signedBy: 'SELF', signedOn: '2025-09-01' })).data?.recordConsent,
    ).toMatchObject({
      consentStatus: 'VALID',
    });
    const second = await consent(teacher.id, { signedBy: 'SELF', signedOn: '2025-09-02' });
    expect(second.errors?.[0]).toMatchObject({ extensions: { code: 'FAILED_PRECONDITION' } });
  });

  it('refuses to match a participant without consent, naming them', async () => {
    const pupil = await createOk({
      ...PUPIL,
      externalKey: 'У-800',
      lastName: 'Орлов',
      firstName: 'Пётр',
      middleName: null,
    });
    await expect(assertCanBeMatched(api.orm.em.fork(), [Number(pupil.id)])).rejects.toThrow(
      `участника «Орлов Пётр» (№ ${pupil.id}) нельзя включить в пару или группу: нет действующего согласия`,
    );
  });
});

describe('revoking consent', () => {
  let participant: ParticipantResult;
  let before: Record<string, unknown>;
  let revoked: ParticipantResult;

  beforeAll(async () => {
    const created = await createOk(
      { ...PUPIL, externalKey: 'У-900', lastName: 'Неизвестнова' },
      OTHER_CURATOR,
    );
    const signed = await consent(
      created.id,
      {
        signedBy: 'LEGAL_REPRESENTATIVE',
        representativeName: 'Неизвестнов Олег',
        signedOn: '2025-09-01',
        documentReference: '№ 3',
      },
      OTHER_CURATOR,
    );
    participant = signed.data!.recordConsent;
    await assertCanBeMatched(api.orm.em.fork(), [Number(participant.id)]);
    before = await counts('280002', OTHER_CURATOR);
    const result = await api.graphql<{ revokeConsent: ParticipantResult }>(
      `mutation($id: ID!) { revokeConsent(consentId: $id, revokedOn: "2026-01-15") { ${FIELDS} } }`,
      { id: participant.consents[0]!.id },
      OTHER_CURATOR,
    );
    expect(result.errors).toBeUndefined();
    revoked = result.data!.revokeConsent;
  });

  it('erases the personal fields and the representative’s name', async () => {
    expect(revoked).toMatchObject({
      consentStatus: 'REVOKED',
      depersonalisedAt: expect.any(String),
      consents: [{ revokedOn: '2026-01-15' }],
      personal: null,
    });
    const connection = api.orm.em.getConnection();
    const personal = await connection.execute(`select * from participant_personal where participant_id = ?`, [
      participant.id,
    ]);
    expect(personal).toEqual([]);
    const [row] = await connection.execute(
      `select representative_name, document_reference from consent where participant_id = ?`,
      [participant.id],
    );
    expect(row).toEqual({ representative_name: null, document_reference: null });
    const dump = JSON.stringify(
      await connection.execute(
        `select * from participant p left join consent c on c.participant_id = p.id where p.id = ?`,
        [participant.id],
      ),
    );
    expect(dump).not.toMatch(/Неизвестнов|У-900|2012-05-14/);
  });

  it('keeps every count but the valid consents', async () => {
    const after = await counts('280002', OTHER_CURATOR);
    expect(after).toEqual({
      ...before,
      withValidConsent: (before.withValidConsent as number) - 1,
      depersonalised: (before.depersonalised as number) + 1,
    });
  });

  it('audits which fields were erased, never their values', async () => {
    const rows = await api.orm.em
      .getConnection()
      .execute<{ before: { erasedFields: string[] }; after: unknown }[]>(
        `select before, after from audit_record where entity = 'participant' and entity_code = ? and action = 'UPDATE'`,
        [participant.id],
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.before.erasedFields).toEqual([
      'external_key',
      'last_name',
      'first_name',
      'middle_name',
      'birth_date',
      'contact',
      'consent.representative_name',
      'consent.document_reference',
    ]);
    const all = await api.orm.em
      .getConnection()
      .execute(`select * from audit_record where entity_code = ?`, [participant.id]);
    expect(JSON.stringify(all)).not.toMatch(/Неизвестнов/);
  });

  it('can no longer be matched, nor edited, nor given a new consent', async () => {
    await expect(assertCanBeMatched(api.orm.em.fork(), [Number(participant.id)])).rejects.toThrow(
      `участника № ${participant.id} нельзя включить в пару или группу: согласие на обработку персональных данных отозвано`,
    );
    const again = await consent(
      participant.id,
      { signedBy: 'LEGAL_REPRESENTATIVE', representativeName: 'X', signedOn: '2026-01-16' },
      OTHER_CURATOR,
    );
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'FAILED_PRECONDITION' } });
    const edit = await api.graphql(
      `mutation($id: ID!, $input: ParticipantInput!) { updateParticipant(id: $id, input: $input) { id } }`,
      { id: participant.id, input: PUPIL },
      OTHER_CURATOR,
    );
    expect(edit.errors?.[0].message).toMatch(/обезличен после отзыва согласия/);
  });
});

describe('who sees personal data', () => {
  const LIST = `query($code: String!) { organization(code: $code) {
    participants(first: 500) { totalCount nodes { id personal { lastName firstName birthDate contact } } }
    participantCounts { total } } }`;
  const COUNTS_ONLY = `query($code: String!, $m: String!) {
    organization(code: $code) { participantCounts { total } }
    municipality(code: $m) { participantCounts { total } }
    region(code: "28") { participantCounts { total } } }`;
  let marked: ParticipantResult;

  beforeAll(async () => {
    marked = await createOk({ ...PUPIL, externalKey: 'У-1000', lastName: 'Приметная' });
  });

  it('shows names to the curator of the school and audits the read', async () => {
    const { data } = await api.graphql<{
      organization: { participants: { nodes: { id: string; personal: { lastName: string } | null }[] } };
    }>(LIST, { code: '280001' }, CURATOR);
    const node = data!.organization.participants.nodes.find((n) => n.id === marked.id);
    expect(node?.personal?.lastName).toBe('Приметная');
    const reads = await api.orm.em
      .getConnection()
      .execute(
        `select actor_username from audit_record where action = 'READ' and entity = 'participant' and entity_code = ?`,
        [marked.id],
      );
    expect(reads).toContainEqual({ actor_username: 'curator.zeya1' });
  });

  it.each([
    ['coordinator.zeya', 'forbidden list'],
    ['curator.zeya4', 'no such school'],
    ['analyst.28', 'forbidden list'],
    ['analyst.rf', 'forbidden list'],
    ['admin.28', 'forbidden list'],
    ['service account', 'forbidden list'],
  ])('never gives names to %s (%s), but counts where in scope', async (who, expected) => {
    const caller: Caller =
      who === 'service account'
        ? { token: await api.serviceToken('nastavnik-analytics', 'nastavnik-analytics-dev-secret') }
        : { user: who };
    const readsBefore = await api.orm.em
      .getConnection()
      .execute(`select count(*)::int as n from audit_record where action = 'READ'`);
    const list = await api.graphql(LIST, { code: '280001' }, caller);
    expect(JSON.stringify(list)).not.toMatch(/Приметная|Соколова|2012-05-14/);
    if (expected === 'no such school') {
      expect(list).toEqual({ data: { organization: null } });
    } else {
      expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const readsAfter = await api.orm.em
      .getConnection()
      .execute(`select count(*)::int as n from audit_record where action = 'READ'`);
    expect(readsAfter).toEqual(readsBefore);

    const summary = await api.graphql<{ organization: { participantCounts: { total: number } } | null }>(
      COUNTS_ONLY,
      { code: '280001', m: '10712000' },
      caller,
    );
    expect(summary.errors).toBeUndefined();
    if (expected !== 'no such school')
      expect(summary.data?.organization?.participantCounts.total).toBeGreaterThan(0);
  });

  it('keeps names out of the audit log the regional administrator reads', async () => {
    const log = await api.graphql(
      `{ auditLog(first: 500) { nodes { entity before after } } }`,
      {},
      { user: 'admin.28' },
    );
    expect(log.errors).toBeUndefined();
    expect(JSON.stringify(log)).toMatch(/participant/);
    expect(JSON.stringify(log)).not.toMatch(/Приметная|Соколова|Ковалёв|2012-05-14|\+7 914/);
  });

  it('reads a page of participants with their personal data in a constant number of statements', async () => {
    const PAGE = `query($first: Int!) { organization(code: "280001") {
      participants(first: $first) { totalCount nodes { id consentStatus consents { id } personal { lastName consentDocuments { documentReference } } } }
      participantCounts { total byCategory { total } } } }`;
    const one = await api.countStatements(() => api.graphql(PAGE, { first: 1 }, CURATOR));
    const many = await api.countStatements(() => api.graphql(PAGE, { first: 50 }, CURATOR));
    expect(many).toBe(one);
  });
});

it('keeps the indicator summary equal to a recomputation from the base rows', () =>
  expectSummaryConsistent(api));
