import { SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { addParticipant, expectError } from '../../../test/mentoring-fixture.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';

let api: TestServer;
const CURATOR = { user: 'curator.zeya1' };
const OTHER_CURATOR = { user: 'curator.zeya4' };
const COORDINATOR = { user: 'coordinator.zeya' };

function gql<T>(query: string, variables: Record<string, unknown>, caller: Caller = CURATOR) {
  return api.graphql<T>(query, variables, caller);
}

const ENTRY_FIELDS = `id fullName competencies category organizationName partnerOrganizationName contact
  publishedFields publishedSince`;

type Entry = {
  id: string;
  fullName: string | null;
  competencies: string[] | null;
  category: string | null;
  organizationName: string | null;
  partnerOrganizationName: string | null;
  contact: string | null;
  publishedFields: string[];
  publishedSince: string;
};

type Registry = {
  totalCount: number;
  nodes: Entry[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

function registry(caller: Caller, args: Record<string, unknown> = {}) {
  return gql<{ mentorRegistry: Registry | null }>(
    `query($m: String!, $search: String, $first: Int, $after: String) {
       mentorRegistry(municipalityCode: $m, search: $search, first: $first, after: $after) {
         totalCount nodes { ${ENTRY_FIELDS} } pageInfo { hasNextPage endCursor } } }`,
    { m: '10712000', ...args },
    caller,
  );
}

async function registryOk(caller: Caller = COORDINATOR, args: Record<string, unknown> = {}) {
  const result = await registry(caller, args);
  expect(result.errors).toBeUndefined();
  return result.data!.mentorRegistry!;
}

function publish(participantId: string, input: Record<string, unknown>, caller: Caller = CURATOR) {
  return gql<{ recordPublicationConsent: { id: string; fields: string[]; signedOn: string } }>(
    `mutation($id: ID!, $input: PublicationConsentInput!) {
       recordPublicationConsent(participantId: $id, input: $input) { id fields signedBy signedOn revokedOn } }`,
    { id: participantId, input: { signedBy: 'SELF', signedOn: '2025-10-01', ...input } },
    caller,
  );
}

async function publishOk(participantId: string, fields: string[], caller: Caller = CURATOR) {
  const result = await publish(participantId, { fields }, caller);
  expect(result.errors).toBeUndefined();
  return result.data!.recordPublicationConsent.id;
}

function revokePublication(id: string, caller: Caller = CURATOR) {
  return gql<{ revokePublicationConsent: { id: string; revokedOn: string } }>(
    `mutation($id: ID!) { revokePublicationConsent(id: $id, revokedOn: "2025-12-01") { id revokedOn } }`,
    { id },
    caller,
  );
}

const names = (entries: Entry[]) => entries.map((entry) => entry.fullName);

const P: Record<string, string> = {};
const PUBLICATION: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  P.physicist = await addParticipant(api, CURATOR, {
    category: 'TEACHER',
    isMentor: true,
    lastName: 'Ковалёв',
    firstName: 'Андрей',
    middleName: 'Петрович',
    birthDate: '1980-02-01',
    contact: '+7 914 000-00-07',
    competencies: ['Физика', 'Олимпиадная подготовка'],
  });
  P.engineer = await addParticipant(api, CURATOR, {
    category: 'EMPLOYER_REPRESENTATIVE',
    isMentor: true,
    lastName: 'Гидроэнергетиков',
    firstName: 'Борис',
    birthDate: '1979-04-11',
    contact: 'b.g@example.ru',
    competencies: ['Электротехника'],
    partnerOrganization: 'Зейская ГЭС',
  });
  P.unpublished = await addParticipant(api, CURATOR, {
    category: 'TEACHER',
    isMentor: true,
    lastName: 'Непубличная',
    birthDate: '1990-01-01',
    contact: '+7 914 000-00-99',
  });
  P.colleague = await addParticipant(api, OTHER_CURATOR, {
    category: 'TEACHER',
    isMentor: true,
    lastName: 'Арсеньева',
    firstName: 'Вера',
    birthDate: '1975-07-07',
    competencies: ['Начальная школа'],
  });
  const partner = await gql<{ createPartner: { id: string } }>(
    `mutation { createPartner(input: { name: "АО «Зейская ГЭС»", kind: EMPLOYER }) { id } }`,
    {},
  );
  expect(
    (
      await gql(
        `mutation($p: ID!, $partner: ID) { linkMentorToPartner(participantId: $p, partnerId: $partner) { id } }`,
        {
          p: P.engineer,
          partner: partner.data!.createPartner.id,
        },
      )
    ).errors,
  ).toBeUndefined();
  PUBLICATION.physicist = await publishOk(P.physicist, ['FULL_NAME', 'COMPETENCIES']);
  PUBLICATION.engineer = await publishOk(P.engineer, ['POSITION_AND_ORGANIZATION', 'CONTACT']);
  PUBLICATION.colleague = await publishOk(P.colleague, ['FULL_NAME'], OTHER_CURATOR);
});
afterAll(() => api.stop());

describe('municipal mentor registry', () => {
  it('lists consented mentors with only the fields they agreed to, named first', async () => {
    const list = await registryOk();
    expect(list.totalCount).toBe(3);
    expect(list.nodes).toEqual([
      {
        id: PUBLICATION.colleague,
        fullName: 'Арсеньева Вера',
        competencies: null,
        category: null,
        organizationName: null,
        partnerOrganizationName: null,
        contact: null,
        publishedFields: ['FULL_NAME'],
        publishedSince: '2025-10-01',
      },
      {
        id: PUBLICATION.physicist,
        fullName: 'Ковалёв Андрей Петрович',
        competencies: ['Физика', 'Олимпиадная подготовка'],
        category: null,
        organizationName: null,
        partnerOrganizationName: null,
        contact: null,
        publishedFields: ['FULL_NAME', 'COMPETENCIES'],
        publishedSince: '2025-10-01',
      },
      {
        id: PUBLICATION.engineer,
        fullName: null,
        competencies: null,
        category: 'EMPLOYER_REPRESENTATIVE',
        organizationName: 'МОАУ СОШ № 1',
        partnerOrganizationName: 'АО «Зейская ГЭС»',
        contact: 'b.g@example.ru',
        publishedFields: ['POSITION_AND_ORGANIZATION', 'CONTACT'],
        publishedSince: '2025-10-01',
      },
    ]);
    const everything = JSON.stringify(list);
    for (const hidden of ['Непубличная', '+7 914 000-00-07', 'Гидроэнергетиков', 'Электротехника', '1980'])
      expect(everything).not.toContain(hidden);
  });

  it('is read by everyone over the municipality and by curators of all its schools', async () => {
    for (const caller of [
      CURATOR,
      OTHER_CURATOR,
      { user: 'admin.28' },
      { user: 'analyst.28' },
      { user: 'analyst.rf' },
    ])
      expect((await registryOk(caller)).totalCount, caller.user).toBe(3);
  });

  it('gives nothing outside the scope: another region, another municipality, a service account', async () => {
    for (const user of ['coordinator.lyskovo', 'curator.lyskovo3', 'admin.52', 'analyst.52'])
      expect(await registry({ user })).toEqual({ data: { mentorRegistry: null } });
    const token = await api.tokenFor('coordinator.zeya');
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as JWTPayload;
    const neighbour = await new SignJWT({ ...claims, municipality_code: '10701000' })
      .setProtectedHeader({ alg: 'RS256', kid: api.identityKey.kid, typ: 'JWT' })
      .sign(api.identityKey.privateKey);
    expect(await registry({ token: neighbour })).toEqual({ data: { mentorRegistry: null } });
    const service = await api.serviceToken('nastavnik-analytics', 'nastavnik-analytics-dev-secret');
    const refused = await registry({ token: service });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data).toEqual({ mentorRegistry: null });
  });

  it('searches only in what is published', async () => {
    const search = async (text: string) => names((await registryOk(COORDINATOR, { search: text })).nodes);
    expect(await search('олимпиад')).toEqual(['Ковалёв Андрей Петрович']);
    expect(await search('зейская гэс')).toEqual([null]);
    // The engineer's name and competencies are not published, so they find nothing.
    expect(await search('Гидроэнергетиков')).toEqual([]);
    expect(await search('Электротехника')).toEqual([]);
    expect(await search('Непубличная')).toEqual([]);
  });

  it('reads page after page without repeats', async () => {
    const first = await registryOk(COORDINATOR, { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await registryOk(COORDINATOR, { first: 2, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.nodes, ...second.nodes].map((entry) => entry.id)).toEqual([
      PUBLICATION.colleague,
      PUBLICATION.physicist,
      PUBLICATION.engineer,
    ]);
  });

  it('writes no audit records for reading published names', async () => {
    const reads = `select count(*)::int as n from audit_record where action = 'READ'`;
    const [before] = await api.orm.em.getConnection().execute<{ n: number }[]>(reads);
    await registryOk(CURATOR);
    const [after] = await api.orm.em.getConnection().execute<{ n: number }[]>(reads);
    expect(after!.n).toBe(before!.n);
  });

  it('reads a longer registry in the same number of statements', async () => {
    const few = await api.countStatements(() => registryOk());
    for (let n = 0; n < 4; n += 1) {
      const id = await addParticipant(api, OTHER_CURATOR, {
        category: 'TEACHER',
        isMentor: true,
        lastName: `Счётная-${n}`,
        birthDate: '1985-01-01',
        competencies: ['Математика'],
      });
      await publishOk(id, ['FULL_NAME', 'COMPETENCIES', 'CONTACT'], OTHER_CURATOR);
    }
    let total = 0;
    const many = await api.countStatements(async () => {
      total = (await registryOk()).totalCount;
    });
    expect(total).toBe(7);
    expect(many).toBe(few);
  });
});

describe('publication consents', () => {
  it('refuses what cannot be published, with the reason, and adds nobody', async () => {
    const mentee = await addParticipant(api, CURATOR, {
      category: 'PUPIL',
      isMentee: true,
      lastName: 'Наставляемый',
      birthDate: '2012-01-01',
      gradeOrCourse: '7А',
    });
    const pupilMentor = await addParticipant(api, CURATOR, {
      category: 'PUPIL',
      isMentor: true,
      lastName: 'Старшеклассница',
      birthDate: '2009-03-01',
      gradeOrCourse: '11А',
    });
    const noConsent = await addParticipant(
      api,
      CURATOR,
      { category: 'TEACHER', isMentor: true, lastName: 'Безсогласия', birthDate: '1988-01-01' },
      { consent: false },
    );
    const total = (await registryOk()).totalCount;
    expectError(
      await publish(mentee, { fields: ['FULL_NAME'] }),
      'BAD_USER_INPUT',
      /^participantId: в реестр наставников включается только наставник$/,
    );
    expectError(
      await publish(noConsent, { fields: ['FULL_NAME'] }),
      'FAILED_PRECONDITION',
      /^Сначала запишите согласие на обработку персональных данных/,
    );
    expectError(
      await publish(P.unpublished!, { fields: [] }),
      'BAD_USER_INPUT',
      /^fields: отметьте хотя бы одно сведение, которое разрешено опубликовать$/,
    );
    expectError(
      await publish(P.unpublished!, { fields: ['FULL_NAME'], signedOn: '2999-01-01' }),
      'BAD_USER_INPUT',
      /^signedOn: дата не может быть в будущем$/,
    );
    expectError(
      await publish(pupilMentor, { fields: ['FULL_NAME'], signedOn: '2025-10-01' }),
      'BAD_USER_INPUT',
      /^signedBy: наставнику на 01\.10\.2025 было 16 лет: до 18 лет согласие на публикацию подписывает законный представитель$/,
    );
    expectError(
      await publish(P.physicist!, { fields: ['CONTACT'] }),
      'FAILED_PRECONDITION',
      /^У наставника уже есть действующее согласие на публикацию/,
    );
    expectError(
      await publish(P.colleague!, { fields: ['FULL_NAME'] }),
      'NOT_FOUND',
      /^Участник не найден\.$/,
    );
    expectError(await publish(P.unpublished!, { fields: ['FULL_NAME'] }, COORDINATOR), 'FORBIDDEN', /./);
    expect((await registryOk()).totalCount).toBe(total);

    expect(
      (await publish(pupilMentor, { fields: ['COMPETENCIES'], signedBy: 'LEGAL_REPRESENTATIVE' })).errors,
    ).toBeUndefined();
    expect((await registryOk()).totalCount).toBe(total + 1);
  });

  it('takes a mentor out of the registry on revocation; a new consent publishes the new fields', async () => {
    expectError(
      await revokePublication(PUBLICATION.physicist!, OTHER_CURATOR),
      'NOT_FOUND',
      /^Согласие на публикацию не найдено\.$/,
    );
    expect((await revokePublication(PUBLICATION.physicist!)).data!.revokePublicationConsent).toEqual({
      id: PUBLICATION.physicist,
      revokedOn: '2025-12-01',
    });
    expect(names((await registryOk()).nodes)).not.toContain('Ковалёв Андрей Петрович');
    expectError(
      await revokePublication(PUBLICATION.physicist!),
      'FAILED_PRECONDITION',
      /^Согласие на публикацию уже отозвано 01\.12\.2025\.$/,
    );
    const renewed = await publishOk(P.physicist!, ['COMPETENCIES']);
    const entry = (await registryOk()).nodes.find((node) => node.id === renewed)!;
    expect(entry).toMatchObject({ fullName: null, competencies: ['Физика', 'Олимпиадная подготовка'] });
  });

  it('removes a mentor who withdraws consent to processing and revokes the publication with it', async () => {
    const read = await gql<{
      organization: { participants: { nodes: { id: string; consents: { id: string }[] }[] } };
    }>(`{ organization(code: "280001") { participants(first: 100) { nodes { id consents { id } } } } }`, {});
    const consentId = read.data!.organization.participants.nodes.find((p) => p.id === P.engineer)!
      .consents[0]!.id;
    const revoked = await gql<{
      revokeConsent: { publicationConsents: { id: string; revokedOn: string | null }[] };
    }>(
      `mutation($id: ID!) { revokeConsent(consentId: $id, revokedOn: "2025-11-15") { publicationConsents { id revokedOn } } }`,
      { id: consentId },
    );
    expect(revoked).toEqual({
      data: {
        revokeConsent: { publicationConsents: [{ id: PUBLICATION.engineer, revokedOn: '2025-11-15' }] },
      },
    });
    const list = await registryOk();
    expect(list.nodes.map((node) => node.id)).not.toContain(PUBLICATION.engineer);
    expect(JSON.stringify(list)).not.toContain('b.g@example.ru');
    const [audit] = await api.orm.em
      .getConnection()
      .execute<{ after: { reason: string } }[]>(
        `select after from audit_record where entity = 'mentor_publication_consent' and entity_code = ? and action = 'UPDATE'`,
        [PUBLICATION.engineer],
      );
    expect(audit!.after).toEqual({ revokedOn: '2025-11-15', reason: 'depersonalised' });
  });

  it('drops a participant who is no longer a mentor', async () => {
    const updated = await gql(
      `mutation($id: ID!, $input: ParticipantInput!) { updateParticipant(id: $id, input: $input) { id } }`,
      {
        id: P.colleague,
        input: {
          category: 'TEACHER',
          isMentee: true,
          lastName: 'Арсеньева',
          firstName: 'Вера',
          birthDate: '1975-07-07',
        },
      },
      OTHER_CURATOR,
    );
    expect(updated.errors).toBeUndefined();
    expect(names((await registryOk()).nodes)).not.toContain('Арсеньева Вера');
  });
});
