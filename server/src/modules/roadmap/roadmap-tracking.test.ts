import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { systemCaller } from '../access/access-scope.js';
import type { RoadmapItemDraft, RoadmapOwner } from './roadmap-plan.js';
import { saveRoadmapPlan } from './roadmap-plan.service.js';
import { RoadmapItemStatus, RoadmapLevel } from './roadmap.enums.js';

let api: TestServer;

/**
 * The hand-checked fixture. School 280001 (город Зея), academic year 2025:
 *   1 Сентябрь 2025  → due 09-30, DONE 09-20 (on time)
 *   2 Октябрь 2025   → due 10-31, DONE 11-05 (late)
 *   3 Ноябрь 2025    → due 11-30, PLANNED (overdue from 12-01)
 *   4 До 01.12.2025  → due 12-01, NOT_DONE
 *   5 Май 2026       → due 05-31, PLANNED
 *   6 В соответствии со сроками реализации программ наставничества → no deadline, PLANNED
 * As of 2025-12-15: due by date 1–4 (4), of them done 1, 2 (2) → 50 %; on time 1; overdue 3 (1); not done 4.
 * As of 2025-11-01: due by date 1, 2; item 2 was done after that date, so done 1 → 50 %, overdue 1 (item 2).
 * School 280010 (город Благовещенск): two September items, both DONE on time → 100 % as of 12-15.
 * School 280002 (город Зея) and 520001 (Лысково) have no roadmap.
 */
const ZEYA_SCHOOL: RoadmapItemDraft[] = [
  {
    title: 'Информирование педагогов',
    dueWording: 'Сентябрь 2025',
    status: RoadmapItemStatus.DONE,
    completedAt: '2025-09-20',
  },
  {
    title: 'Сбор согласий',
    dueWording: 'Октябрь 2025',
    status: RoadmapItemStatus.DONE,
    completedAt: '2025-11-05',
  },
  { title: 'Формирование базы наставляемых', dueWording: 'Ноябрь 2025' },
  { title: 'Приказ о закреплении пар', dueWording: 'До 01.12.2025', status: RoadmapItemStatus.NOT_DONE },
  { title: 'Заключительная встреча', dueWording: 'Май 2026' },
  { title: 'Регулярные встречи', dueWording: 'В соответствии со сроками реализации программ наставничества' },
];
const BLAGOVESHCHENSK_SCHOOL: RoadmapItemDraft[] = [
  {
    title: 'Информирование педагогов',
    dueWording: 'Сентябрь 2025',
    status: RoadmapItemStatus.DONE,
    completedAt: '2025-09-10',
  },
  {
    title: 'Информирование родителей',
    dueWording: 'Сентябрь 2025',
    status: RoadmapItemStatus.DONE,
    completedAt: '2025-09-12',
  },
];

async function ownerOf(code: string): Promise<RoadmapOwner> {
  const [row] = await api.orm.em
    .getConnection()
    .execute<{ id: number; municipality_id: number; region_id: number }[]>(
      `select id, municipality_id, region_id from organization where code = ?`,
      [code],
    );
  return {
    level: RoadmapLevel.ORGANIZATION,
    regionId: row!.region_id,
    municipalityId: row!.municipality_id,
    organizationId: row!.id,
  };
}

async function seedRoadmap(code: string, items: RoadmapItemDraft[]) {
  const owner = await ownerOf(code);
  await api.orm.em.fork().transactional((tx) =>
    saveRoadmapPlan(
      tx,
      systemCaller('test'),
      owner,
      {
        title: 'Дорожная карта',
        periodFrom: '2025-09-01',
        periodTo: '2026-08-31',
        sections: [{ title: null, items }],
      },
      'roadmap.plan',
    ),
  );
}

beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
  await seedRoadmap('280001', ZEYA_SCHOOL);
  await seedRoadmap('280010', BLAGOVESHCHENSK_SCHOOL);
});
afterAll(() => api.stop());

const PROGRESS = `itemsTotal dueByDate dueDone done doneOnTime overdue notDone cancelled completionShare`;
const TRACKER = `query($m: String!, $asOf: String) { roadmapTracker(municipalityCode: $m, academicYear: 2025, asOf: $asOf) {
  organizations withRoadmap agreed total { ${PROGRESS} }
  rows { organization { code } roadmap { title } status progress { ${PROGRESS} } lastUpdatedAt } } }`;

const progress = (values: Partial<Record<string, number | null>>) => ({
  itemsTotal: 0,
  dueByDate: 0,
  dueDone: 0,
  done: 0,
  doneOnTime: 0,
  overdue: 0,
  notDone: 0,
  cancelled: 0,
  completionShare: null,
  ...values,
});

const ZEYA_DECEMBER = progress({
  itemsTotal: 6,
  dueByDate: 4,
  dueDone: 2,
  done: 2,
  doneOnTime: 1,
  overdue: 1,
  notDone: 1,
  completionShare: 0.5,
});

describe('roadmap completion, checked by hand', () => {
  it('gives the coordinator every school of город Зея with its figures as of 15.12.2025', async () => {
    const { data, errors } = await api.graphql(
      TRACKER,
      { m: '10712000', asOf: '2025-12-15' },
      { user: 'coordinator.zeya' },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      roadmapTracker: {
        organizations: 2,
        withRoadmap: 1,
        agreed: 0,
        total: ZEYA_DECEMBER,
        rows: [
          {
            organization: { code: '280001' },
            roadmap: { title: 'Дорожная карта' },
            status: 'DRAFT',
            progress: ZEYA_DECEMBER,
            lastUpdatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          },
          {
            organization: { code: '280002' },
            roadmap: null,
            status: null,
            progress: progress({}),
            lastUpdatedAt: null,
          },
        ],
      },
    });
  });

  it('computes the figures for the date asked: an item done after that date still counts as overdue', async () => {
    const { data } = await api.graphql<{ roadmapTracker: { total: unknown } }>(
      TRACKER,
      { m: '10712000', asOf: '2025-11-01' },
      { user: 'coordinator.zeya' },
    );
    expect(data!.roadmapTracker.total).toEqual(
      progress({
        itemsTotal: 6,
        dueByDate: 2,
        dueDone: 1,
        done: 1,
        doneOnTime: 1,
        overdue: 1,
        notDone: 1,
        completionShare: 0.5,
      }),
    );
  });

  it('rolls schools up by municipality for the region, the share taken from the sums', async () => {
    const { data } = await api.graphql<{
      roadmapCompletion: {
        rows: {
          code: string;
          organizations: number;
          withRoadmap: number;
          progress: { completionShare: number };
        }[];
        total: {
          organizations: number;
          withRoadmap: number;
          progress: { dueByDate: number; dueDone: number; completionShare: number };
        };
      };
    }>(
      `{ roadmapCompletion(regionCode: "28", academicYear: 2025, asOf: "2025-12-15") {
          rows { code organizations withRoadmap progress { completionShare } }
          total { organizations withRoadmap progress { dueByDate dueDone completionShare } } } }`,
      {},
      { user: 'analyst.28' },
    );
    expect(data!.roadmapCompletion.rows).toEqual([
      { code: '10701000', organizations: 1, withRoadmap: 1, progress: { completionShare: 1 } },
      { code: '10712000', organizations: 2, withRoadmap: 1, progress: { completionShare: 0.5 } },
    ]);
    // (2 + 2) / (2 + 4), not the average of 100 % and 50 %.
    expect(data!.roadmapCompletion.total).toEqual({
      organizations: 3,
      withRoadmap: 2,
      progress: { dueByDate: 6, dueDone: 4, completionShare: 4 / 6 },
    });
  });

  it('lists the country by region for the federal analyst, and only the own region for a regional one', async () => {
    const query = `{ roadmapCompletion(academicYear: 2025, asOf: "2025-12-15") { rows { code organizations withRoadmap } total { organizations } } }`;
    const national = await api.graphql<{
      roadmapCompletion: { rows: unknown[]; total: { organizations: number } };
    }>(query, {}, { user: 'analyst.rf' });
    expect(national.data!.roadmapCompletion.rows).toEqual([
      { code: '28', organizations: 3, withRoadmap: 2 },
      { code: '52', organizations: 1, withRoadmap: 0 },
    ]);
    const regional = await api.graphql<{ roadmapCompletion: { rows: unknown[] } }>(
      query,
      {},
      { user: 'analyst.52' },
    );
    expect(regional.data!.roadmapCompletion.rows).toEqual([{ code: '52', organizations: 1, withRoadmap: 0 }]);
  });

  it('lists overdue items across the municipality, the latest first, with days late', async () => {
    const { data } = await api.graphql(
      `{ overdueRoadmapItems(municipalityCode: "10712000", academicYear: 2025, asOf: "2025-12-15") {
          totalCount nodes { title dueTo daysLate organization { code } } } }`,
      {},
      { user: 'coordinator.zeya' },
    );
    expect(data).toEqual({
      overdueRoadmapItems: {
        totalCount: 1,
        nodes: [
          {
            title: 'Формирование базы наставляемых',
            dueTo: '2025-11-30',
            daysLate: 15,
            organization: { code: '280001' },
          },
        ],
      },
    });
  });

  it('answers a coordinator asking about another municipality like an unknown one', async () => {
    const foreign = await api.graphql(TRACKER, { m: '10701000' }, { user: 'coordinator.zeya' });
    expect(foreign).toEqual({ data: { roadmapTracker: null } });
  });

  it('refuses trackers to a school curator, who sees their own roadmap instead', async () => {
    const tracker = await api.graphql(TRACKER, { m: '10712000' }, { user: 'curator.zeya1' });
    expect(tracker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const own = await api.graphql(
      `{ organization(code: "280001") { roadmap(academicYear: 2025) { progress(asOf: "2025-12-15") { completionShare overdue } } } }`,
      {},
      { user: 'curator.zeya1' },
    );
    expect(own.data).toEqual({
      organization: { roadmap: { progress: { completionShare: 0.5, overdue: 1 } } },
    });
  });

  it('sends as many SQL statements for a municipality with two schools as for one with one', async () => {
    const two = await api.countStatements(() => api.graphql(TRACKER, { m: '10712000' }));
    const one = await api.countStatements(() => api.graphql(TRACKER, { m: '10701000' }));
    expect(two).toBe(one);
  });
});
