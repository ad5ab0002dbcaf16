import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture } from '../../../test/access-fixture.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { expectSummaryConsistent } from '../../../test/summary-consistency.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  await seedAccessFixture(api.orm);
});
afterAll(() => api.stop());

const CURATOR = { user: 'curator.zeya1' };
const OTHER_CURATOR = { user: 'curator.zeya4' };
const COORDINATOR = { user: 'coordinator.zeya' };
const FOREIGN_COORDINATOR = { user: 'coordinator.lyskovo' };

interface Item {
  id: string;
  title: string;
  dueWording: string;
  dueKind: string;
  dueWindows: { from: string; to: string }[];
  status: string;
}

async function createSchoolRoadmap(year = 2025) {
  const { data, errors } = await api.graphql<{
    createRoadmapFromTemplate: { id: string; status: string; periodFrom: string; items: Item[] };
  }>(
    `mutation($year: Int!) { createRoadmapFromTemplate(input: { templateCode: "school-standard", academicYear: $year }) {
       id status periodFrom items { id title dueWording dueKind dueWindows { from to } status } } }`,
    { year },
    CURATOR,
  );
  expect(errors).toBeUndefined();
  return data!.createRoadmapFromTemplate;
}

async function move(mutation: string, id: string, caller: { user: string }, extra = '') {
  return api.graphql<Record<string, { status: string; statusComment: string | null }>>(
    `mutation($id: ID!) { ${mutation}(id: $id${extra}) { status statusComment } }`,
    { id },
    caller,
  );
}

describe('roadmap from the standard school template', () => {
  it('creates the 34 events of seed 000 for the year, with deadlines understood from their wording', async () => {
    const roadmap = await createSchoolRoadmap();
    expect(roadmap.status).toBe('DRAFT');
    expect(roadmap.periodFrom).toBe('2025-09-01');
    expect(roadmap.items).toHaveLength(34);
    const collecting = roadmap.items.find((item) => item.dueWording === 'Сентябрь, октябрь 2025')!;
    expect(collecting.dueWindows).toEqual([{ from: '2025-09-01', to: '2025-10-31' }]);
    const trial = roadmap.items.find((item) => item.dueWording === '1 неделя ноября')!;
    expect(trial.dueWindows).toEqual([{ from: '2025-11-01', to: '2025-11-07' }]);
    expect(roadmap.items.every((item) => item.dueKind !== 'UNPARSED')).toBe(true);
  });

  it('creates nothing new when asked again for the same year', async () => {
    const first = await createSchoolRoadmap(2024);
    const again = await createSchoolRoadmap(2024);
    expect(again.id).toBe(first.id);
    expect(again.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
  });
});

describe('agreement workflow', () => {
  let roadmapId: string;
  let itemId: string;
  beforeAll(async () => {
    const roadmap = await createSchoolRoadmap(2026);
    roadmapId = roadmap.id;
    itemId = roadmap.items[0]!.id;
  });

  it('refuses agreement of a draft that was never submitted', async () => {
    const { errors } = await move('agreeRoadmap', roadmapId, COORDINATOR);
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'FAILED_PRECONDITION' } });
    expect(errors?.[0].message).toMatch(/сейчас «черновик»/);
  });

  it('lets the curator submit, and refuses the curator agreeing their own roadmap', async () => {
    expect((await move('submitRoadmap', roadmapId, CURATOR)).data).toEqual({
      submitRoadmap: { status: 'SUBMITTED', statusComment: null },
    });
    const { errors } = await move('agreeRoadmap', roadmapId, CURATOR);
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('does not let a coordinator of another municipality even find it', async () => {
    const { errors } = await move('agreeRoadmap', roadmapId, FOREIGN_COORDINATOR);
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('requires a comment to return a roadmap, then returns it with the comment', async () => {
    const withoutComment = await move('returnRoadmap', roadmapId, COORDINATOR, ', comment: " "');
    expect(withoutComment.errors?.[0].message).toMatch(/^comment: укажите, что нужно доработать/);
    const returned = await move(
      'returnRoadmap',
      roadmapId,
      COORDINATOR,
      ', comment: "Добавьте сроки мониторинга"',
    );
    expect(returned.data).toEqual({
      returnRoadmap: { status: 'RETURNED', statusComment: 'Добавьте сроки мониторинга' },
    });
  });

  it('agrees a resubmitted roadmap, then refuses plan changes but accepts completion marks', async () => {
    await move('submitRoadmap', roadmapId, CURATOR);
    expect((await move('agreeRoadmap', roadmapId, COORDINATOR)).data).toEqual({
      agreeRoadmap: { status: 'AGREED', statusComment: null },
    });
    const edit = await api.graphql(
      `mutation($id: ID!) { updateRoadmapItem(id: $id, input: { title: "Новое", dueWording: "Май 2027" }) { id } }`,
      { id: itemId },
      CURATOR,
    );
    expect(edit.errors?.[0]).toMatchObject({ extensions: { code: 'FAILED_PRECONDITION' } });
    const mark = await api.graphql<{ markRoadmapItem: { status: string; evidenceOrderNumber: string } }>(
      `mutation($id: ID!) { markRoadmapItem(id: $id, input: { status: DONE, completedAt: "2026-06-10",
         evidenceOrderNumber: "№ 45-о", evidenceOrderDate: "2026-06-09", evidenceLink: "https://school1.example/prikaz-45" })
         { status evidenceOrderNumber } }`,
      { id: itemId },
      CURATOR,
    );
    expect(mark.data).toEqual({ markRoadmapItem: { status: 'DONE', evidenceOrderNumber: '№ 45-о' } });
  });

  it('reopens an agreed roadmap for plan changes, which then need a new submission', async () => {
    expect((await move('reopenRoadmap', roadmapId, CURATOR)).data).toEqual({
      reopenRoadmap: { status: 'DRAFT', statusComment: null },
    });
    const edit = await api.graphql<{ updateRoadmapItem: { title: string; dueTo: string } }>(
      `mutation($id: ID!) { updateRoadmapItem(id: $id, input: { title: "Информирование педагогов", dueWording: "До 15.06.2026" }) { title dueTo } }`,
      { id: itemId },
      CURATOR,
    );
    expect(edit.data).toEqual({
      updateRoadmapItem: { title: 'Информирование педагогов', dueTo: '2026-06-15' },
    });
  });

  it('hides the roadmap and its items from a curator of another school, exactly like a missing one', async () => {
    const read = await api.graphql(
      `query($id: ID!) { roadmap(id: $id) { id } }`,
      { id: roadmapId },
      OTHER_CURATOR,
    );
    expect(read).toEqual({ data: { roadmap: null } });
    const MARK = `mutation($id: ID!) { markRoadmapItem(id: $id, input: { status: NOT_DONE }) { id } }`;
    const mark = await api.graphql(MARK, { id: itemId }, OTHER_CURATOR);
    const missing = await api.graphql(MARK, { id: '999999' }, OTHER_CURATOR);
    expect(mark).toEqual(missing);
    expect(mark.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('writes every step to the audit log in the same transaction', async () => {
    const rows = await api.orm.em
      .getConnection()
      .execute<{ action: string; entity: string; after: { status?: string } }[]>(
        `select action, entity, after from audit_record where entity in ('roadmap', 'roadmap_item') and entity_code in (?, ?) order by id`,
        [roadmapId, itemId],
      );
    expect(rows.map((row) => `${row.entity}:${row.action}:${row.after?.status ?? ''}`)).toEqual([
      'roadmap:CREATE:',
      'roadmap:UPDATE:SUBMITTED',
      'roadmap:UPDATE:RETURNED',
      'roadmap:UPDATE:SUBMITTED',
      'roadmap:UPDATE:AGREED',
      'roadmap_item:UPDATE:DONE',
      'roadmap:UPDATE:DRAFT',
      'roadmap_item:UPDATE:',
    ]);
  });
});

describe('completion marks are checked before anything is written', () => {
  it.each([
    [
      'DONE without a date',
      '{ status: DONE }',
      /^completedAt: для отметки «выполнено» укажите дату выполнения/,
    ],
    [
      'a date in the future',
      '{ status: DONE, completedAt: "2099-01-01" }',
      /^completedAt: дата не может быть в будущем/,
    ],
    [
      'a malformed date',
      '{ status: DONE, completedAt: "10.06.2026" }',
      /^completedAt: дата в формате ГГГГ-ММ-ДД/,
    ],
    [
      'a link that is not http',
      '{ status: DONE, completedAt: "2026-01-10", evidenceLink: "ftp://x" }',
      /^evidenceLink:/,
    ],
  ])('refuses %s', async (_case, input, message) => {
    const roadmap = await createSchoolRoadmap(2023);
    const item = roadmap.items[1]!;
    const { errors } = await api.graphql(
      `mutation($id: ID!) { markRoadmapItem(id: $id, input: ${input}) { id } }`,
      { id: item.id },
      CURATOR,
    );
    expect(errors?.[0].message).toMatch(message);
    const [stored] = await api.orm.em
      .getConnection()
      .execute(`select status from roadmap_item where id = ?`, [item.id]);
    expect(stored).toEqual({ status: 'PLANNED' });
  });
});

it('keeps the indicator summary equal to a recomputation from the base rows', () =>
  expectSummaryConsistent(api));
