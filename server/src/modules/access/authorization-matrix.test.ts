import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_NAMES, FIXTURE_ORGANIZATIONS, seedAccessFixture } from '../../../test/access-fixture.js';
import { startTestServer, type Caller, type TestServer } from '../../../test/test-server.js';
import { buildApiSchema } from '../../graphql/build-schema.js';
import { OPERATIONS, POLICY, type Operation } from './policy.js';
import { Role } from './roles.js';

type FixtureOrganization = (typeof FIXTURE_ORGANIZATIONS)[number];

/** One caller per role, each a demo identity of the realm, and which fixture schools it covers. */
const CALLERS: Record<Role, { caller: () => Promise<Caller>; covers: (o: FixtureOrganization) => boolean }> =
  {
    [Role.FEDERAL_ANALYST]: { caller: async () => ({ user: 'analyst.rf' }), covers: () => true },
    [Role.REGIONAL_ANALYST]: {
      caller: async () => ({ user: 'analyst.28' }),
      covers: (o) => o.region === '28',
    },
    [Role.REGIONAL_ADMIN]: { caller: async () => ({ user: 'admin.28' }), covers: (o) => o.region === '28' },
    [Role.MUNICIPAL_COORDINATOR]: {
      caller: async () => ({ user: 'coordinator.zeya' }),
      covers: (o) => o.municipality === '10712000',
    },
    [Role.SCHOOL_CURATOR]: {
      caller: async () => ({ user: 'curator.zeya1' }),
      covers: (o) => o.code === '280001',
    },
    [Role.API_CLIENT]: {
      caller: async () => ({
        token: await api.serviceToken('nastavnik-analytics', 'nastavnik-analytics-dev-secret'),
      }),
      covers: (o) => o.region === '28',
    },
  };

interface Sample {
  /** Runs the operation against one target school as the caller. */
  run: (
    caller: Caller,
    target: FixtureOrganization,
  ) => Promise<{ data?: unknown; errors?: { extensions?: { code?: unknown } }[] }>;
  /** What an allowed caller gets back for a target inside / outside its scope. */
  expectInScope: (result: { data?: unknown }, target: FixtureOrganization) => void;
  expectOutOfScope: (result: { data?: unknown }, target: FixtureOrganization) => void;
}

/** An executable example of every operation in the policy table. */
const SAMPLES: Record<Operation, Sample> = {
  'me.read': {
    run: (caller) => api.graphql(`{ me { roles } }`, {}, caller),
    expectInScope: (result) => expect(result.data).toMatchObject({ me: { roles: expect.any(Array) } }),
    expectOutOfScope: (result) => expect(result.data).toMatchObject({ me: { roles: expect.any(Array) } }),
  },
  'hierarchy.read': {
    run: (caller, target) =>
      api.graphql(
        `query($code: String!, $municipality: String!) {
           organization(code: $code) { code }
           municipality(code: $municipality) { organizations { nodes { code } } }
         }`,
        { code: target.code, municipality: target.municipality },
        caller,
      ),
    expectInScope: (result, target) =>
      expect(result.data).toMatchObject({
        organization: { code: target.code },
        municipality: { organizations: { nodes: expect.arrayContaining([{ code: target.code }]) } },
      }),
    expectOutOfScope: (result, target) => {
      const data = result.data as {
        organization: unknown;
        municipality: { organizations: { nodes: { code: string }[] } } | null;
      };
      expect(data.organization).toBeNull();
      // Either the municipality is hidden too, or it is the caller's own and does not list the school.
      expect(data.municipality?.organizations.nodes.map((o) => o.code) ?? []).not.toContain(target.code);
    },
  },
  'directory.import': {
    run: (caller, target) => {
      const csv =
        'Код субъекта;Субъект РФ;ОКТМО;Муниципальное образование;Вид МО;Код ОО;Полное наименование ОО;Тип ОО\n' +
        [target.region, FIXTURE_NAMES[target.region], target.municipality, FIXTURE_NAMES[target.municipality]]
          .concat(['городской округ', target.code, `Школа ${target.code}`, 'школа'])
          .join(';');
      return api.graphql(
        `mutation($input: DirectoryImportInput!) { importDirectory(input: $input) { applied problems { message } } }`,
        { input: { fileName: 'ou.csv', contentBase64: Buffer.from(csv).toString('base64') } },
        caller,
      );
    },
    expectInScope: (result) =>
      expect(result.data).toMatchObject({ importDirectory: { applied: true, problems: [] } }),
    expectOutOfScope: (result) =>
      expect(result.data).toMatchObject({
        importDirectory: {
          applied: false,
          problems: [{ message: expect.stringMatching(/вне вашей области доступа/) }],
        },
      }),
  },
  'audit.read': {
    run: (caller) => api.graphql(`{ auditLog(entity: "organization") { nodes { entityCode } } }`, {}, caller),
    expectInScope: (result, target) =>
      expect(result.data).toMatchObject({
        auditLog: { nodes: expect.arrayContaining([{ entityCode: target.code }]) },
      }),
    expectOutOfScope: (result, target) => {
      const codes = (result.data as { auditLog: { nodes: { entityCode: string }[] } }).auditLog.nodes.map(
        (n) => n.entityCode,
      );
      expect(codes).not.toContain(target.code);
    },
  },
};

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
});
afterAll(() => api.stop());

describe('authorization matrix', () => {
  it('covers every resolver with a policy operation (a new resolver without @Allow fails here)', async () => {
    await buildApiSchema();
    const metadata = getMetadataStorage();
    const authorized = new Map(
      metadata.authorizedFields.map((f) => [`${f.target.name}.${f.fieldName}`, f.roles]),
    );
    const resolvers = [...metadata.queries, ...metadata.mutations, ...metadata.fieldResolvers];
    const unguarded = resolvers
      .map((r) => `${r.target.name}.${r.methodName}`)
      .filter((key) => !(authorized.get(key) ?? []).every((op) => op in POLICY) || !authorized.has(key));
    expect(unguarded).toEqual([]);
  });

  it('has an executable sample for every operation in the policy table', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...OPERATIONS].sort());
  });

  const cases = Object.values(Role).flatMap((role) =>
    OPERATIONS.flatMap((operation) => FIXTURE_ORGANIZATIONS.map((target) => ({ role, operation, target }))),
  );

  it.each(cases)('$role × $operation × school $target.code', async ({ role, operation, target }) => {
    const { caller, covers } = CALLERS[role];
    const sample = SAMPLES[operation];
    const result = await sample.run(await caller(), target);
    if (!(POLICY[operation].roles as readonly Role[]).includes(role)) {
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(result.data ?? null).toBeNull();
    } else if (covers(target)) {
      expect(result.errors).toBeUndefined();
      sample.expectInScope(result, target);
    } else {
      expect(result.errors).toBeUndefined();
      sample.expectOutOfScope(result, target);
    }
  });
});
