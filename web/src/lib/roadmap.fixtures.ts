import type { RoadmapItem, RoadmapProgress } from './roadmap';

/** Test fixtures of the roadmap pages: an empty progress and a planned item, with overrides. */

export function progressFixture(overrides: Partial<RoadmapProgress> = {}): RoadmapProgress {
  return {
    itemsTotal: 0,
    dueByDate: 0,
    dueDone: 0,
    done: 0,
    doneOnTime: 0,
    overdue: 0,
    notDone: 0,
    cancelled: 0,
    completionShare: null,
    ...overrides,
  };
}

export function itemFixture(overrides: Partial<RoadmapItem> = {}): RoadmapItem {
  return {
    id: '1',
    position: 1,
    number: null,
    title: 'Мероприятие',
    stage: null,
    dueWording: 'Сентябрь 2025',
    dueKind: 'DATES',
    dueWindows: [{ from: '2025-09-01', to: '2025-09-30' }],
    dueProblem: null,
    dueTo: '2025-09-30',
    responsible: null,
    expectedResult: null,
    status: 'PLANNED',
    completionNote: null,
    evidenceOrderNumber: null,
    evidenceOrderDate: null,
    evidenceLink: null,
    evidenceFileName: null,
    completedAt: null,
    overdue: false,
    daysLate: 0,
    section: null,
    ...overrides,
  };
}
