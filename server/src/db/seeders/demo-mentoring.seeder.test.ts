import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { summaryDifferences } from '../../modules/indicators/organization-summary.js';
import { DemoSeeder } from './demo.seeder.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

async function figures() {
  const knex = api.orm.em.getConnection().getKnex();
  const { rows } = await knex.raw<{ rows: { participants: string; groups: string; contingent: string }[] }>(
    `select (select count(*) from participant) as participants, (select count(*) from mentoring_group) as groups,
            (select count(*) from contingent) as contingent`,
  );
  return rows[0]!;
}

it('loads the demo mentoring data through the services, once, with summaries equal to a recomputation', async () => {
  await api.orm.getSeeder().seed(DemoSeeder);
  const first = await figures();
  // 8 schools with mentoring, 10 with contingent for three academic years.
  expect(Number(first.participants)).toBeGreaterThan(100);
  expect(Number(first.groups)).toBe(8 * 7);
  expect(Number(first.contingent)).toBe(10 * 3);
  expect(await summaryDifferences(api.orm.em.getConnection().getKnex())).toEqual([]);

  // Every start of the demo seeds again: nothing is added twice.
  await api.orm.getSeeder().seed(DemoSeeder);
  expect(await figures()).toEqual(first);

  // An analyst sees the figures the dashboards are about, and no hint of Зея or Лысково in them.
  const response = await api.graphql<{
    municipality: { participantCounts: { total: number } };
    zeya: { participantCounts: { total: number } };
  }>(
    `{ municipality(code: "10701000") { participantCounts { total } }
       zeya: municipality(code: "10712000") { participantCounts { total } } }`,
  );
  expect(response.errors).toBeUndefined();
  expect(response.data?.municipality.participantCounts.total).toBeGreaterThan(0);
  expect(response.data?.zeya.participantCounts.total).toBe(0);
});
