import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { OPERATIONS, POLICY } from './policy.js';
import { Role } from './roles.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
});
afterAll(() => api.stop());

const ME = `{ me { username clientId roles level region { code } municipality { code } organization { code }
                    permissions { operation } } }`;

describe('me', () => {
  it('tells a school curator their school, its parents and what they may do', async () => {
    const { data } = await api.graphql(ME, {}, { user: 'curator.zeya1' });
    expect(data).toEqual({
      me: {
        username: 'curator.zeya1',
        clientId: 'nastavnik-web',
        roles: ['SCHOOL_CURATOR'],
        level: 'ORGANIZATION',
        region: { code: '28' },
        municipality: { code: '10712000' },
        organization: { code: '280001' },
        // Every operation the policy table grants the role, in its order; modules keep adding rows.
        permissions: OPERATIONS.filter((operation) =>
          (POLICY[operation].roles as readonly Role[]).includes(Role.SCHOOL_CURATOR),
        ).map((operation) => ({ operation })),
      },
    });
    const permissions = (data as { me: { permissions: { operation: string }[] } }).me.permissions;
    expect(permissions).toContainEqual({ operation: 'participant.personal.read' });
    for (const above of ['directory.import', 'roadmap.agree', 'practice.publish', 'audit.read'])
      expect(permissions).not.toContainEqual({ operation: above });
  });

  it('tells the federal analyst they work at the federation level', async () => {
    const { data } = await api.graphql<{ me: { level: string; region: unknown } }>(
      ME,
      {},
      { user: 'analyst.rf' },
    );
    expect(data?.me).toMatchObject({ level: 'FEDERATION', region: null });
  });

  it('scopes the example service account (client credentials) to its region', async () => {
    const token = await api.serviceToken('nastavnik-analytics', 'nastavnik-analytics-dev-secret');
    const { data } = await api.graphql<{ me: unknown; regions: { code: string }[] }>(
      `{ me { username clientId roles level } regions { code } }`,
      {},
      { token },
    );
    expect(data?.me).toEqual({
      username: null,
      clientId: 'nastavnik-analytics',
      roles: ['API_CLIENT'],
      level: 'REGION',
    });
    expect(data?.regions).toEqual([{ code: '28' }]);
  });

  it('gives a coordinator only their municipality among the region’s ones', async () => {
    const { data } = await api.graphql<{
      region: { municipalities: { totalCount: number; nodes: { code: string }[] } };
    }>(
      `{ region(code: "28") { municipalities { totalCount nodes { code } } } }`,
      {},
      { user: 'coordinator.zeya' },
    );
    expect(data?.region.municipalities).toEqual({ totalCount: 1, nodes: [{ code: '10712000' }] });
  });

  it('answers a curator’s lookup of a neighbouring school exactly like an unknown code', async () => {
    const neighbour = await api.graphql(
      `{ organization(code: "280002") { code } }`,
      {},
      { user: 'curator.zeya1' },
    );
    const unknown = await api.graphql(
      `{ organization(code: "999999") { code } }`,
      {},
      { user: 'curator.zeya1' },
    );
    expect(neighbour).toEqual(unknown);
    expect(neighbour).toEqual({ data: { organization: null } });
  });

  it('refuses an operation outside the role with FORBIDDEN and no data', async () => {
    const result = await api.graphql(`{ auditLog { totalCount } }`, {}, { user: 'curator.zeya1' });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
