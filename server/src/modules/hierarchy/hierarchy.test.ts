import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../../test/test-server.js';

interface OrganizationPage {
  nodes: { code: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const REGIONS = 12;
const MUNICIPALITIES_PER_REGION = 4;
const ORGANIZATIONS_PER_MUNICIPALITY = 3;

let api: TestServer;

/** A synthetic directory: region NN, municipality NN0M, organization NN0M0K, all set-based. */
async function seedHierarchy() {
  await api.orm.em.getConnection().execute(`
    insert into region (code, name)
      select lpad(r::text, 2, '0'), 'Регион ' || lpad(r::text, 2, '0') from generate_series(1, ${REGIONS}) r;
    insert into municipality (region_id, code, name, kind)
      select region.id, region.code || lpad(m::text, 6, '0'), 'Муниципалитет ' || region.code || '-' || m, 'URBAN_OKRUG'
      from region, generate_series(1, ${MUNICIPALITIES_PER_REGION}) m;
    insert into organization (region_id, municipality_id, code, name, kind)
      select municipality.region_id, municipality.id, municipality.code || '-' || o,
             'Школа № ' || o || ' (' || municipality.name || ')', 'SCHOOL'
      from municipality, generate_series(1, ${ORGANIZATIONS_PER_MUNICIPALITY}) o;
  `);
}

beforeAll(async () => {
  api = await startTestServer();
  await seedHierarchy();
});
afterAll(() => api.stop());

const DEEP_QUERY = /* GraphQL */ `
  query Deep($search: String) {
    regions(search: $search, orderBy: CODE) {
      code
      municipalities(first: 100) {
        totalCount
        nodes {
          code
          region {
            code
          }
          organizations(first: 100) {
            totalCount
            nodes {
              code
              municipality {
                code
              }
              region {
                name
              }
            }
          }
        }
      }
      organizations(first: 1) {
        totalCount
      }
    }
  }
`;

describe('hierarchy API', () => {
  it('answers the nested hierarchy with correct counts and parents', async () => {
    const { data, errors } = await api.graphql<{
      regions: {
        code: string;
        municipalities: {
          totalCount: number;
          nodes: {
            code: string;
            region: { code: string };
            organizations: { totalCount: number; nodes: { municipality: { code: string } }[] };
          }[];
        };
        organizations: { totalCount: number };
      }[];
    }>(DEEP_QUERY, {});
    expect(errors).toBeUndefined();
    expect(data!.regions).toHaveLength(REGIONS);
    const first = data!.regions[0];
    expect(first.code).toBe('01');
    expect(first.municipalities.totalCount).toBe(MUNICIPALITIES_PER_REGION);
    expect(first.organizations.totalCount).toBe(MUNICIPALITIES_PER_REGION * ORGANIZATIONS_PER_MUNICIPALITY);
    for (const municipality of first.municipalities.nodes) {
      expect(municipality.region.code).toBe('01');
      expect(municipality.organizations.totalCount).toBe(ORGANIZATIONS_PER_MUNICIPALITY);
      expect(municipality.organizations.nodes.every((o) => o.municipality.code === municipality.code)).toBe(
        true,
      );
    }
  });

  it('sends the same number of SQL statements for 1 region as for 12 (no N+1)', async () => {
    const few = await api.countStatements(() => api.graphql(DEEP_QUERY, { search: 'Регион 01' }));
    const many = await api.countStatements(() => api.graphql(DEEP_QUERY, {}));
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  });

  it('pages through a list with cursors without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const response: GraphQLResponse<{ region: { organizations: OrganizationPage } }> = await api.graphql(
        `query($after: String) { region(code: "02") { organizations(first: 5, after: $after, orderBy: CODE) {
           nodes { code } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      const page = response.data!.region.organizations;
      seen.push(...page.nodes.map((o) => o.code));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(MUNICIPALITIES_PER_REGION * ORGANIZATIONS_PER_MUNICIPALITY);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
  });

  it('searches by name case-insensitively in Cyrillic and counts only matches', async () => {
    const { data } = await api.graphql<{
      region: { municipalities: { totalCount: number; nodes: { name: string }[] } };
    }>(
      `{ region(code: "03") { municipalities(search: "МУНИЦИПАЛИТЕТ 03-2") { totalCount nodes { name } } } }`,
    );
    expect(data!.region.municipalities.totalCount).toBe(1);
    expect(data!.region.municipalities.nodes[0].name).toBe('Муниципалитет 03-2');
  });

  it('answers only counts for first: 0 (a table of child counts in one request)', async () => {
    const query = `query($first: Int!) { regions(orderBy: CODE) { municipalities(first: $first) { totalCount nodes { code } } } }`;
    const { data } = await api.graphql<{
      regions: { municipalities: { totalCount: number; nodes: unknown[] } }[];
    }>(query, { first: 0 });
    expect(data!.regions[0].municipalities).toEqual({
      totalCount: MUNICIPALITIES_PER_REGION,
      nodes: [],
    });
  });

  it('finds a school by its short name or ИНН, not only by the full name', async () => {
    await api.orm.em
      .getConnection()
      .execute(
        `update organization set short_name = 'МОАУ СОШ № 7', inn = '2815001234' where code = '01000001-1'`,
      );
    for (const search of ['сош № 7', '2815001234']) {
      const { data } = await api.graphql<{ region: { organizations: { nodes: { code: string }[] } } }>(
        `query($search: String) { region(code: "01") { organizations(search: $search) { nodes { code } } } }`,
        { search },
      );
      expect(data!.region.organizations.nodes).toEqual([{ code: '01000001-1' }]);
    }
  });

  it('finds units by code and answers null for unknown codes', async () => {
    const { data } = await api.graphql<{
      organization: { code: string; municipality: { code: string; region: { name: string } } } | null;
      municipality: unknown;
      region: unknown;
    }>(`{ organization(code: "04000002-3") { code municipality { code region { name } } }
          municipality(code: "99999999") { code } region(code: "99") { code } }`);
    expect(data!.organization).toEqual({
      code: '04000002-3',
      municipality: { code: '04000002', region: { name: 'Регион 04' } },
    });
    expect(data!.municipality).toBeNull();
    expect(data!.region).toBeNull();
  });

  it('rejects a page size out of range and a forged cursor, naming the argument', async () => {
    const tooMany = await api.graphql(
      `{ region(code: "01") { municipalities(first: 100000) { totalCount } } }`,
    );
    expect(tooMany.errors?.[0].message).toMatch(/^first: допустимо от 0 до 500/);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await api.graphql(
      `{ region(code: "01") { municipalities(after: "not-a-cursor") { totalCount } } }`,
    );
    expect(forged.errors?.[0].message).toMatch(/^after: некорректный курсор/);
  });

  it('answers a malformed query with the validation message only, no stack trace', async () => {
    const { errors } = await api.graphql(`{ regions { nodes { code } } }`);
    expect(errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Cannot query field "nodes" on type "Region"/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(errors?.[0].extensions).not.toHaveProperty('stacktrace');
  });
});
