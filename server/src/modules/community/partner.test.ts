import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { addParticipant, expectError } from '../../../test/mentoring-fixture.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';

let api: TestServer;
const CURATOR = { user: 'curator.zeya1' };
const OTHER_CURATOR = { user: 'curator.zeya4' };
const COORDINATOR = { user: 'coordinator.zeya' };

function gql<T>(query: string, variables: Record<string, unknown>, caller: Caller = CURATOR) {
  return api.graphql<T>(query, variables, caller);
}

const PARTNER_FIELDS = `id name kind inn contactRole mentorCount providesMentors
  agreements { id number signedOn validFrom validTo subject status }`;

type Partner = {
  id: string;
  name: string;
  kind: string;
  inn: string | null;
  contactRole: string | null;
  mentorCount: number;
  providesMentors: boolean;
  agreements: { id: string; number: string; validTo: string | null; status: string }[];
};

const ZEYA_GES = {
  name: 'АО «Зейская ГЭС»',
  kind: 'EMPLOYER',
  inn: '2815 0000 14',
  contactRole: 'Отдел кадров, ведущий специалист по персоналу',
};

function createPartner(input: Record<string, unknown>, caller: Caller = CURATOR) {
  return gql<{ createPartner: Partner }>(
    `mutation($input: PartnerInput!) { createPartner(input: $input) { ${PARTNER_FIELDS} } }`,
    { input },
    caller,
  );
}

async function createPartnerOk(input: Record<string, unknown>, caller: Caller = CURATOR) {
  const result = await createPartner(input, caller);
  expect(result.errors).toBeUndefined();
  return result.data!.createPartner;
}

const AGREEMENT = {
  number: '12/2025',
  signedOn: '2025-08-25',
  validFrom: '2025-09-01',
  validTo: '2026-08-31',
  subject: 'Наставничество «работодатель – ученик»: профориентационные встречи и практика на предприятии',
};

function addAgreement(partnerId: string, input: Record<string, unknown>, caller: Caller = CURATOR) {
  return gql<{ addPartnerAgreement: Partner['agreements'][number] }>(
    `mutation($id: ID!, $input: PartnerAgreementInput!) {
       addPartnerAgreement(partnerId: $id, input: $input) { id number validTo status } }`,
    { id: partnerId, input },
    caller,
  );
}

async function partnersOf(code: string, caller: Caller = CURATOR) {
  const result = await gql<{ organization: { partners: Partner[] } | null }>(
    `query($code: String!) { organization(code: $code) { partners { ${PARTNER_FIELDS} } } }`,
    { code },
    caller,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.organization?.partners ?? null;
}

async function auditCount(entity: string) {
  const [row] = await api.orm.em
    .getConnection()
    .execute<{ n: number }[]>(`select count(*)::int as n from audit_record where entity = ?`, [entity]);
  return row!.n;
}

function link(participantId: string, partnerId: string | null, caller: Caller = CURATOR) {
  return gql<{ linkMentorToPartner: { id: string; partner: { name: string } | null } }>(
    `mutation($p: ID!, $partner: ID) { linkMentorToPartner(participantId: $p, partnerId: $partner) { id partner { name } } }`,
    { p: participantId, partner: partnerId },
    caller,
  );
}

const EMPLOYER_MENTOR = {
  category: 'EMPLOYER_REPRESENTATIVE',
  isMentor: true,
  lastName: 'Инженеров',
  birthDate: '1985-06-01',
  partnerOrganization: 'Зейская ГЭС',
  competencies: ['гидроэнергетика'],
};

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
});
afterAll(() => api.stop());

describe('partner organizations', () => {
  it('adds a partner of the own school with ИНН digits only, audited', async () => {
    const audits = await auditCount('partner_organization');
    const partner = await createPartnerOk(ZEYA_GES);
    expect(partner).toMatchObject({
      name: 'АО «Зейская ГЭС»',
      kind: 'EMPLOYER',
      inn: '2815000014',
      contactRole: 'Отдел кадров, ведущий специалист по персоналу',
      mentorCount: 0,
      providesMentors: false,
      agreements: [],
    });
    expect(await auditCount('partner_organization')).toBe(audits + 1);
  });

  it('refuses bad fields one by one with the field and the reason, and writes nothing', async () => {
    const before = (await partnersOf('280001'))!.length;
    const audits = await auditCount('partner_organization');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: '   ' }, /^name: укажите наименование организации-партнёра$/],
      [
        { inn: '28150000' },
        /^inn: ИНН — 10 цифр у организации или 12 у индивидуального предпринимателя, передано «28150000»$/,
      ],
      [{ inn: '28150000AB' }, /^inn: ИНН — 10 цифр/],
      [
        { contactRole: 'Иванова И. И., +7 914 555-12-34' },
        /^contactRole: укажите должность или подразделение без персональных данных/,
      ],
      [{ contactRole: 'hr@zges.ru' }, /^contactRole: /],
      [{ name: 'ао «зейская гэс» ' }, /^name: у организации уже есть партнёр «ао «зейская гэс»»$/],
      [{ name: 'x'.repeat(501) }, /^name: не длиннее 500 знаков, передано 501$/],
    ];
    for (const [change, message] of cases)
      expectError(await createPartner({ ...ZEYA_GES, ...change }), 'BAD_USER_INPUT', message);
    expect((await partnersOf('280001'))!.length).toBe(before);
    expect(await auditCount('partner_organization')).toBe(audits);
  });

  it('lets the curator change and delete own partners; other schools answer "not found"', async () => {
    const partner = await createPartnerOk({ name: 'Зейский филиал АмГУ', kind: 'EDUCATION' });
    const updated = await gql<{ updatePartner: Partner }>(
      `mutation($id: ID!, $input: PartnerInput!) { updatePartner(id: $id, input: $input) { name kind inn contactRole } }`,
      { id: partner.id, input: { name: 'Филиал АмГУ в г. Зее', kind: 'EDUCATION', contactRole: 'Деканат' } },
    );
    expect(updated).toEqual({
      data: {
        updatePartner: { name: 'Филиал АмГУ в г. Зее', kind: 'EDUCATION', inn: null, contactRole: 'Деканат' },
      },
    });
    expectError(
      await gql(`mutation($id: ID!) { deletePartner(id: $id) }`, { id: partner.id }, OTHER_CURATOR),
      'NOT_FOUND',
      /^Организация-партнёр не найдена\.$/,
    );
    expectError(await createPartner(ZEYA_GES, COORDINATOR), 'FORBIDDEN', /./);
    expect(await gql(`mutation($id: ID!) { deletePartner(id: $id) }`, { id: partner.id })).toEqual({
      data: { deletePartner: true },
    });
    expect((await partnersOf('280001'))!.map((p) => p.name)).not.toContain('Филиал АмГУ в г. Зее');
  });
});

describe('agreements', () => {
  it('records an agreement whose status follows the day asked', async () => {
    const partner = await createPartnerOk({ name: 'ДК «Энергетик»', kind: 'CULTURE' });
    const added = await addAgreement(partner.id, AGREEMENT);
    expect(added.errors).toBeUndefined();
    const statuses = await gql<{
      organization: { partners: { name: string; agreements: Record<string, string>[] }[] };
    }>(
      `query { organization(code: "280001") { partners { name agreements {
         before: status(on: "2025-08-31") first: status(on: "2025-09-01") last: status(on: "2026-08-31")
         after: status(on: "2026-09-01") } } } }`,
      {},
    );
    const agreements = statuses.data!.organization.partners.find(
      (p) => p.name === 'ДК «Энергетик»',
    )!.agreements;
    expect(agreements).toEqual([
      { before: 'NOT_STARTED', first: 'ACTIVE', last: 'ACTIVE', after: 'EXPIRED' },
    ]);

    const open = await addAgreement(partner.id, { ...AGREEMENT, number: '3-б/н', validTo: null });
    expect(open.data!.addPartnerAgreement).toMatchObject({
      number: '3-б/н',
      validTo: null,
      status: 'ACTIVE',
    });
  });

  it('refuses a period that ends before it starts, a future signature and blank fields; nothing is added', async () => {
    const partner = await createPartnerOk({ name: 'АНО «Старт»', kind: 'NGO' });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ validTo: '2025-08-31' }, /^validTo: окончание срока действия раньше его начала \(01\.09\.2025\)$/],
      [{ signedOn: '2999-01-01' }, /^signedOn: дата не может быть в будущем$/],
      [{ validFrom: '01.09.2025' }, /^validFrom: дата в формате ГГГГ-ММ-ДД, передано «01\.09\.2025»$/],
      [{ number: ' ' }, /^number: укажите номер соглашения$/],
      [{ subject: '' }, /^subject: укажите предмет соглашения$/],
    ];
    for (const [change, message] of cases)
      expectError(await addAgreement(partner.id, { ...AGREEMENT, ...change }), 'BAD_USER_INPUT', message);
    expect((await partnersOf('280001'))!.find((p) => p.id === partner.id)!.agreements).toEqual([]);
    expectError(
      await addAgreement(partner.id, AGREEMENT, OTHER_CURATOR),
      'NOT_FOUND',
      /^Организация-партнёр не найдена\.$/,
    );
  });

  it('changes and deletes an agreement of the own school only', async () => {
    const partner = await createPartnerOk({ name: 'ООО «Амурлес»', kind: 'EMPLOYER' });
    const id = (await addAgreement(partner.id, AGREEMENT)).data!.addPartnerAgreement.id;
    const changed = await gql<{ updatePartnerAgreement: { validTo: string; subject: string } }>(
      `mutation($id: ID!, $input: PartnerAgreementInput!) { updatePartnerAgreement(id: $id, input: $input) { validTo subject } }`,
      { id, input: { ...AGREEMENT, validTo: '2027-08-31', subject: 'Экскурсии и наставничество' } },
    );
    expect(changed).toEqual({
      data: { updatePartnerAgreement: { validTo: '2027-08-31', subject: 'Экскурсии и наставничество' } },
    });
    const remove = `mutation($id: ID!) { deletePartnerAgreement(id: $id) }`;
    expectError(
      await gql(remove, { id }, OTHER_CURATOR),
      'NOT_FOUND',
      /^Соглашение о сотрудничестве не найдено\.$/,
    );
    expect(await gql(remove, { id })).toEqual({ data: { deletePartnerAgreement: true } });
    expect((await partnersOf('280001'))!.find((p) => p.id === partner.id)!.agreements).toEqual([]);
  });
});

describe('who reads partners', () => {
  it('shows partners to the coordinator of the municipality, nothing to a neighbouring school or municipality', async () => {
    await createPartnerOk({ name: 'Партнёр школы № 4', kind: 'OTHER' }, OTHER_CURATOR);
    const names = (await partnersOf('280001', COORDINATOR))!.map((p) => p.name);
    expect(names).toContain('АО «Зейская ГЭС»');
    expect((await partnersOf('280002', COORDINATOR))!.map((p) => p.name)).toEqual(['Партнёр школы № 4']);
    expect(await partnersOf('280001', OTHER_CURATOR)).toBeNull();
    expect(await partnersOf('280001', { user: 'coordinator.lyskovo' })).toBeNull();
    expect(await partnersOf('280001', { user: 'analyst.52' })).toBeNull();
  });
});

describe('employer mentors linked to partners', () => {
  let partnerId: string;
  let mentorId: string;

  beforeAll(async () => {
    partnerId = (await partnersOf('280001'))!.find((p) => p.name === 'АО «Зейская ГЭС»')!.id;
    mentorId = await addParticipant(api, CURATOR, EMPLOYER_MENTOR);
  });

  it('links an employer representative mentor of the same school and keeps the free-text organisation', async () => {
    expect(await link(mentorId, partnerId)).toEqual({
      data: { linkMentorToPartner: { id: mentorId, partner: { name: 'АО «Зейская ГЭС»' } } },
    });
    const read = await gql<{
      organization: { participants: { nodes: { id: string; partnerOrganization: string }[] } };
    }>(
      `query { organization(code: "280001") { participants(filter: { category: EMPLOYER_REPRESENTATIVE }) {
         nodes { id partnerOrganization } } } }`,
      {},
    );
    expect(read.data!.organization.participants.nodes).toContainEqual({
      id: mentorId,
      partnerOrganization: 'Зейская ГЭС',
    });
    expect((await partnersOf('280001'))!.find((p) => p.id === partnerId)!.mentorCount).toBe(1);
  });

  it('refuses a teacher, a partner of another school and a participant of another school', async () => {
    const teacher = await addParticipant(api, CURATOR, {
      category: 'TEACHER',
      isMentor: true,
      lastName: 'Учителева',
      birthDate: '1980-01-01',
    });
    expectError(
      await link(teacher, partnerId),
      'BAD_USER_INPUT',
      /^participantId: к организации-партнёру привязывается только наставник категории «Представитель работодателя»$/,
    );
    const foreign = (await partnersOf('280002', OTHER_CURATOR))![0]!.id;
    expectError(
      await link(mentorId, foreign),
      'BAD_USER_INPUT',
      /^partnerId: организация-партнёр не найдена среди партнёров вашей ОО$/,
    );
    const foreignMentor = await addParticipant(api, OTHER_CURATOR, EMPLOYER_MENTOR);
    expectError(await link(foreignMentor, partnerId), 'NOT_FOUND', /^Участник не найден\.$/);
    expectError(await link(mentorId, partnerId, COORDINATOR), 'FORBIDDEN', /./);
  });

  it('counts a partner as providing mentors once its mentor works in an active group', async () => {
    const pupil = await addParticipant(api, CURATOR, {
      category: 'PUPIL',
      isMentee: true,
      lastName: 'Практикантов',
      birthDate: '2010-03-01',
      gradeOrCourse: '10А',
    });
    const counts = `query { municipality(code: "10712000") { partnerCounts { partners providingMentors withActiveAgreement } } }`;
    const before = (
      await gql<{ municipality: { partnerCounts: Record<string, number> } }>(counts, {}, COORDINATOR)
    ).data!.municipality.partnerCounts;
    expect(before.providingMentors).toBe(0);
    const created = await gql<{ createMentoringGroup: { id: string } }>(
      `mutation($input: MentoringGroupInput!) { createMentoringGroup(input: $input) { id } }`,
      { input: { form: 'EMPLOYER_PUPIL', mentorIds: [mentorId], menteeIds: [pupil] } },
    );
    expect(created.errors).toBeUndefined();
    const activated = await gql(
      `mutation($id: ID!) { activateGroup(id: $id, orderNumber: "41-н", orderDate: "2025-09-01") { id } }`,
      { id: created.data!.createMentoringGroup.id },
    );
    expect(activated.errors).toBeUndefined();
    const after = (
      await gql<{ municipality: { partnerCounts: Record<string, number> } }>(counts, {}, COORDINATOR)
    ).data!.municipality.partnerCounts;
    expect(after).toEqual({ ...before, providingMentors: 1 });
    expect((await partnersOf('280001', COORDINATOR))!.find((p) => p.id === partnerId)).toMatchObject({
      mentorCount: 1,
      providesMentors: true,
    });
  });

  it('refuses to delete a partner that provides mentors, until the mentor is unlinked', async () => {
    expectError(
      await gql(`mutation($id: ID!) { deletePartner(id: $id) }`, { id: partnerId }),
      'FAILED_PRECONDITION',
      /^К партнёру «АО «Зейская ГЭС»» привязаны наставники \(1\): сначала отвяжите их/,
    );
    expect(await link(mentorId, null)).toEqual({
      data: { linkMentorToPartner: { id: mentorId, partner: null } },
    });
    expect((await partnersOf('280001'))!.find((p) => p.id === partnerId)!.mentorCount).toBe(0);
  });

  it('drops the link when the participant stops being an employer representative mentor', async () => {
    expect((await link(mentorId, partnerId)).errors).toBeUndefined();
    const updated = await gql<{ updateParticipant: { partner: unknown } }>(
      `mutation($id: ID!, $input: ParticipantInput!) { updateParticipant(id: $id, input: $input) { partner { name } } }`,
      {
        id: mentorId,
        input: {
          category: 'OTHER',
          isMentor: true,
          lastName: 'Инженеров',
          firstName: 'Тест',
          birthDate: '1985-06-01',
        },
      },
    );
    expect(updated).toEqual({ data: { updateParticipant: { partner: null } } });
  });
});

describe('statements', () => {
  it('reads partners, agreements and counts of a municipality in a constant number of statements', async () => {
    const query = `query { municipality(code: "10712000") { partnerCounts { partners }
      organizations { nodes { code partnerCounts { partners providingMentors }
        partners { name mentorCount providesMentors agreements { number status } } } } } }`;
    const few = await api.countStatements(() => gql(query, {}, COORDINATOR));
    for (const school of [CURATOR, OTHER_CURATOR]) {
      for (let n = 0; n < 3; n += 1) {
        const partner = await createPartnerOk({ name: `Партнёр для счёта ${n}`, kind: 'OTHER' }, school);
        expect((await addAgreement(partner.id, AGREEMENT, school)).errors).toBeUndefined();
      }
    }
    const many = await api.countStatements(() => gql(query, {}, COORDINATOR));
    expect(many).toBe(few);
  });
});

it('keeps the indicator summary equal to a recomputation from the base rows', () =>
  expectSummaryConsistent(api));
