import { SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { expectError } from '../../../test/mentoring-fixture.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';

let api: TestServer;
const CURATOR = { user: 'curator.zeya1' };
const OTHER_CURATOR = { user: 'curator.zeya4' };
const COORDINATOR = { user: 'coordinator.zeya' };
const ADMIN = { user: 'admin.28' };
const FEDERAL = { user: 'analyst.rf' };
const OTHER_REGION = { user: 'coordinator.lyskovo' };
/** Users of the neighbouring municipality (Благовещенск, region 28): the realm has none, so tokens are signed here. */
const NEIGHBOUR: Record<'coordinator' | 'curator', Caller> = { coordinator: {}, curator: {} };

/** A token the realm would issue to a user with these scope attributes (signed with its key). */
async function tokenLike(user: string, claims: JWTPayload): Promise<string> {
  const token = await api.tokenFor(user);
  const base = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as JWTPayload;
  return new SignJWT({ ...base, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: api.identityKey.kid, typ: 'JWT' })
    .sign(api.identityKey.privateKey);
}

function gql<T>(query: string, variables: Record<string, unknown>, caller: Caller = CURATOR) {
  return api.graphql<T>(query, variables, caller);
}

const PRACTICE = {
  title: 'Клуб юных инженеров',
  summary:
    'Наставники с Зейской ГЭС ведут проектную работу старшеклассников: 12 проектов, 3 призёра олимпиад.',
  form: 'EMPLOYER_PUPIL',
  stage: 'WORK',
  url: 'https://school1-zeya.ru/nastavnichestvo/kejsy',
};

const FIELDS = `id title level proposed form stage url author { organizationCode organizationName municipalityName }`;
type Practice = { id: string; title: string; level: string; proposed: boolean };

function create(input: Record<string, unknown>, caller: Caller = CURATOR) {
  return gql<{ createPractice: Practice }>(
    `mutation($input: PracticeInput!) { createPractice(input: $input) { ${FIELDS} } }`,
    { input },
    caller,
  );
}

async function createOk(input: Record<string, unknown>, caller: Caller = CURATOR) {
  const result = await create(input, caller);
  expect(result.errors).toBeUndefined();
  return result.data!.createPractice;
}

function setLevel(id: string, level: string, caller: Caller) {
  return gql<{ setPracticeLevel: Practice | null }>(
    `mutation($id: ID!, $level: PracticeLevel!) { setPracticeLevel(id: $id, level: $level) { id level proposed } }`,
    { id, level },
    caller,
  );
}

function propose(id: string, proposed = true, caller: Caller = CURATOR) {
  return gql<{ proposePractice: Practice }>(
    `mutation($id: ID!, $proposed: Boolean!) { proposePractice(id: $id, proposed: $proposed) { id level proposed } }`,
    { id, proposed },
    caller,
  );
}

/** Titles of the cases the caller reads under municipality Зея and under region 28 (null: unit not visible). */
async function visibleTitles(caller: Caller) {
  const result = await gql<{
    municipality: { practices: { nodes: Practice[] } } | null;
    region: { practices: { nodes: Practice[] } } | null;
  }>(
    `{ municipality(code: "10712000") { practices { nodes { title } } }
       region(code: "28") { practices { nodes { title } } } }`,
    {},
    caller,
  );
  expect(result.errors).toBeUndefined();
  return {
    municipality: result.data!.municipality?.practices.nodes.map((p) => p.title) ?? null,
    region: result.data!.region?.practices.nodes.map((p) => p.title) ?? null,
  };
}

let own: Practice;
let neighbours: Practice;

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  NEIGHBOUR.coordinator = {
    token: await tokenLike('coordinator.zeya', {
      preferred_username: 'coordinator.blag',
      municipality_code: '10701000',
    }),
  };
  NEIGHBOUR.curator = {
    token: await tokenLike('curator.zeya1', {
      preferred_username: 'curator.blag2',
      municipality_code: '10701000',
      organization_code: '280010',
    }),
  };
  own = await createOk(PRACTICE);
  neighbours = await createOk(
    { ...PRACTICE, title: 'Наставничество молодых педагогов', form: 'TEACHER_TEACHER' },
    OTHER_CURATOR,
  );
});
afterAll(() => api.stop());

describe('a school-level case', () => {
  it('is created at the school level with its author', async () => {
    expect(own).toMatchObject({
      title: 'Клуб юных инженеров',
      level: 'SCHOOL',
      proposed: false,
      author: { organizationCode: '280001', organizationName: 'МОАУ СОШ № 1', municipalityName: 'город Зея' },
    });
  });

  it('is read by its school curator only', async () => {
    expect(await visibleTitles(CURATOR)).toEqual({ municipality: [own.title], region: [own.title] });
    expect(await visibleTitles(OTHER_CURATOR)).toEqual({
      municipality: [neighbours.title],
      region: [neighbours.title],
    });
    for (const caller of [COORDINATOR, ADMIN, FEDERAL, { user: 'analyst.28' }])
      expect(await visibleTitles(caller), JSON.stringify(caller)).toMatchObject({ region: [] });
    expect((await visibleTitles(COORDINATOR)).municipality).toEqual([]);
  });

  it('refuses a blank title, a blank summary and a link that is no link; nothing is added', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ title: ' ' }, /^title: укажите название практики$/],
      [{ summary: '' }, /^summary: опишите практику$/],
      [
        { url: 'school1-zeya.ru/kejsy' },
        /^url: ссылка начинается с http:\/\/ или https:\/\/ и без пробелов, передано «school1-zeya\.ru\/kejsy»$/,
      ],
      [{ summary: 'я'.repeat(4001) }, /^summary: не длиннее 4000 знаков, передано 4001$/],
    ];
    for (const [change, message] of cases)
      expectError(await create({ ...PRACTICE, ...change }), 'BAD_USER_INPUT', message);
    expect((await visibleTitles(CURATOR)).municipality).toEqual([own.title]);
    expectError(await create(PRACTICE, COORDINATOR), 'FORBIDDEN', /./);
  });

  it('cannot be published by the coordinator before the school proposes it', async () => {
    expectError(await setLevel(own.id, 'MUNICIPALITY', COORDINATOR), 'NOT_FOUND', /^Практика не найдена\.$/);
  });
});

describe('publication', () => {
  it('shows a proposed case to the municipal coordinator, who publishes it in the municipality', async () => {
    expect((await propose(own.id)).data!.proposePractice).toMatchObject({ level: 'SCHOOL', proposed: true });
    expect((await visibleTitles(COORDINATOR)).municipality).toEqual([own.title]);
    expect((await visibleTitles(OTHER_CURATOR)).municipality).toEqual([neighbours.title]);
    expect((await setLevel(own.id, 'MUNICIPALITY', COORDINATOR)).data!.setPracticeLevel).toEqual({
      id: own.id,
      level: 'MUNICIPALITY',
      proposed: false,
    });
  });

  it('lets everyone in the municipality and above read a municipal case, and nobody beside it', async () => {
    expect(await visibleTitles(OTHER_CURATOR)).toEqual({
      municipality: [neighbours.title, own.title],
      region: [neighbours.title, own.title],
    });
    for (const caller of [COORDINATOR, ADMIN, FEDERAL])
      expect(await visibleTitles(caller)).toEqual({ municipality: [own.title], region: [own.title] });
    // The neighbouring municipality of the same region, and another region, read nothing of it.
    expect(await visibleTitles(NEIGHBOUR.coordinator)).toEqual({ municipality: null, region: [] });
    expect(await visibleTitles(NEIGHBOUR.curator)).toEqual({ municipality: null, region: [] });
    expect(await visibleTitles(OTHER_REGION)).toEqual({ municipality: null, region: null });
  });

  it('keeps the region level for the regional administrator', async () => {
    expectError(
      await setLevel(own.id, 'REGION', COORDINATOR),
      'FAILED_PRECONDITION',
      /^Решение о публикации на уровне субъекта РФ принимает администратор субъекта РФ\.$/,
    );
    expectError(
      await setLevel(own.id, 'REGION', { user: 'admin.52' }),
      'NOT_FOUND',
      /^Практика не найдена\.$/,
    );
    expectError(await setLevel(own.id, 'REGION', CURATOR), 'FORBIDDEN', /./);
    expect((await setLevel(own.id, 'REGION', ADMIN)).data!.setPracticeLevel).toMatchObject({
      level: 'REGION',
    });
    expectError(
      await setLevel(own.id, 'MUNICIPALITY', COORDINATOR),
      'FAILED_PRECONDITION',
      /^Решение о публикации на уровне субъекта РФ принимает администратор субъекта РФ\.$/,
    );
  });

  it('lets everyone in the region read a regional case, another region still nothing', async () => {
    for (const caller of [NEIGHBOUR.coordinator, NEIGHBOUR.curator])
      expect(await visibleTitles(caller)).toEqual({ municipality: null, region: [own.title] });
    expect(await visibleTitles(OTHER_REGION)).toEqual({ municipality: null, region: null });
    const regional = await gql<{ region: { practices: { totalCount: number } } }>(
      `{ region(code: "28") { practices(level: REGION) { totalCount } } }`,
      {},
      FEDERAL,
    );
    expect(regional.data!.region.practices.totalCount).toBe(1);
  });

  it('refuses to propose a case that is already published', async () => {
    expectError(
      await propose(own.id),
      'FAILED_PRECONDITION',
      /^Практика уже опубликована на уровне субъекта РФ: предлагать её больше не нужно\.$/,
    );
  });

  it('returns nothing to a publisher who moves a case below their own sight', async () => {
    const id = (await createOk({ ...PRACTICE, title: 'Возвращённая практика' })).id;
    await propose(id);
    expect((await setLevel(id, 'MUNICIPALITY', COORDINATOR)).errors).toBeUndefined();
    expect(await setLevel(id, 'SCHOOL', COORDINATOR)).toEqual({ data: { setPracticeLevel: null } });
    expect((await visibleTitles(OTHER_CURATOR)).municipality).not.toContain('Возвращённая практика');
    expect(await gql(`mutation($id: ID!) { deletePractice(id: $id) }`, { id })).toEqual({
      data: { deletePractice: true },
    });
  });
});

describe('editing', () => {
  it('lets the author school edit its case at any level; others answer "not found"', async () => {
    const update = `mutation($id: ID!, $input: PracticeInput!) { updatePractice(id: $id, input: $input) { title level stage } }`;
    expectError(
      await gql(update, { id: own.id, input: PRACTICE }, OTHER_CURATOR),
      'NOT_FOUND',
      /^Практика не найдена\.$/,
    );
    expectError(await gql(update, { id: own.id, input: PRACTICE }, ADMIN), 'FORBIDDEN', /./);
    expect(
      await gql(update, {
        id: own.id,
        input: { ...PRACTICE, title: 'Клуб юных инженеров ГЭС', stage: null },
      }),
    ).toEqual({
      data: { updatePractice: { title: 'Клуб юных инженеров ГЭС', level: 'REGION', stage: null } },
    });
  });

  it('audits every change without the text of the summary', async () => {
    const rows = await api.orm.em
      .getConnection()
      .execute<{ operation: string; action: string; before: unknown; after: unknown }[]>(
        `select operation, action, before, after from audit_record where entity = 'mentoring_practice' order by id`,
      );
    expect(rows.map((row) => `${row.operation} ${row.action}`)).toEqual([
      'practice.write CREATE',
      'practice.write CREATE',
      'practice.write UPDATE',
      'practice.publish UPDATE',
      'practice.publish UPDATE',
      'practice.write CREATE',
      'practice.write UPDATE',
      'practice.publish UPDATE',
      'practice.publish UPDATE',
      'practice.write DELETE',
      'practice.write UPDATE',
    ]);
    expect(JSON.stringify(rows)).not.toContain('12 проектов');
  });
});

describe('lists', () => {
  it('filters by text and reads pages of many municipalities in a constant number of statements', async () => {
    const search = await gql<{ municipality: { practices: { nodes: Practice[] } } }>(
      `{ municipality(code: "10712000") { practices(search: "ИНЖЕНЕР") { nodes { title } } } }`,
      {},
      OTHER_CURATOR,
    );
    expect(search.data!.municipality.practices.nodes.map((p) => p.title)).toEqual([
      'Клуб юных инженеров ГЭС',
    ]);
    const query = `{ region(code: "28") { municipalities { nodes { practices(first: 50) { totalCount
      nodes { title level author { organizationName } } } } } } }`;
    const few = await api.countStatements(() => gql(query, {}, ADMIN));
    for (let n = 0; n < 4; n += 1) {
      const id = (await createOk({ ...PRACTICE, title: `Практика ${n}` }, OTHER_CURATOR)).id;
      await propose(id, true, OTHER_CURATOR);
      expect((await setLevel(id, 'MUNICIPALITY', COORDINATOR)).errors).toBeUndefined();
    }
    let total = 0;
    const many = await api.countStatements(async () => {
      const result = await gql<{
        region: { municipalities: { nodes: { practices: { totalCount: number } }[] } };
      }>(query, {}, ADMIN);
      total = result.data!.region.municipalities.nodes.reduce((sum, m) => sum + m.practices.totalCount, 0);
    });
    expect(total).toBe(5);
    expect(many).toBe(few);
  });
});
