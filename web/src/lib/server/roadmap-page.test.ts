import { describe, expect, it } from 'vitest';
import type { Roadmap, RoadmapItem } from '$lib/roadmap';
import { itemFixture, progressFixture } from '$lib/roadmap.fixtures';
import { itemExportRows, itemsView } from './roadmap-page';

function item(id: string, overrides: Partial<RoadmapItem> = {}): RoadmapItem {
  return itemFixture({
    id,
    position: Number(id),
    number: `${id}.`,
    title: `Мероприятие ${id}`,
    dueWindows: [],
    ...overrides,
  });
}

const roadmap: Roadmap = {
  id: '9',
  title: 'Дорожная карта',
  periodFrom: '2025-09-01',
  periodTo: '2026-08-31',
  status: 'DRAFT',
  statusComment: null,
  updatedAt: '2026-01-01T00:00:00Z',
  submittedAt: null,
  agreedAt: null,
  progress: progressFixture({ itemsTotal: 4 }),
  // Listed out of order: the page follows `position`.
  sections: [
    { id: '20', position: 2, title: 'Мониторинг' },
    { id: '10', position: 1, title: 'Нормативное регулирование' },
  ],
  items: [
    item('1', { section: { id: '10' }, dueTo: '2025-10-31' }),
    item('2', { section: { id: '10' }, dueTo: '2025-09-05', overdue: true }),
    item('3', { section: { id: '20' }, status: 'DONE' }),
    item('4'),
  ],
};

const view = (query: string) => itemsView(roadmap, new URL(`http://x/organizations/1/roadmap?${query}`));

describe('itemsView', () => {
  it('groups items by section in the roadmap’s order, items without a section first', () => {
    const groups = view('').groups.map((group) => [group.title, group.items.map((one) => one.id)]);
    expect(groups).toEqual([
      [null, ['4']],
      ['Нормативное регулирование', ['1', '2']],
      ['Мониторинг', ['3']],
    ]);
  });

  it('sorts inside each section by the column in the URL', () => {
    const sorted = view('sort=due&dir=asc').groups[1].items.map((one) => one.id);
    expect(sorted).toEqual(['2', '1']);
  });

  it('keeps only matching items and drops sections left empty, counting both', () => {
    const filtered = view('overdue=1');
    expect(filtered.groups.map((group) => group.title)).toEqual(['Нормативное регулирование']);
    expect([filtered.shown, filtered.total]).toEqual([1, 4]);
  });

  it('exports the shown rows with their section named', () => {
    expect(itemExportRows(view('status=DONE')).map((row) => [row.id, row.sectionTitle])).toEqual([
      ['3', 'Мониторинг'],
    ]);
  });
});
