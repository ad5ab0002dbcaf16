import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  academicYearOptions,
  actionHref,
  dueExplanation,
  filterItems,
  filterSchoolRows,
  matchesTrackerState,
  overdueText,
  pageHref,
  parseItemFilters,
  parseOpenForm,
  parseRoadmapPeriod,
  periodQuery,
  roadmapRights,
  sumProgress,
  unitTotalsRow,
  type Caller,
  type RoadmapOwner,
  type SchoolRoadmapRow,
} from './roadmap';
import { itemFixture, progressFixture } from './roadmap.fixtures';

const progress = progressFixture;
const item = itemFixture;

describe('academic year and calculation date from the URL', () => {
  it('starts an academic year on 1 September', () => {
    expect(academicYearOf('2025-08-31')).toBe(2024);
    expect(academicYearOf('2025-09-01')).toBe(2025);
    expect(academicYearOf('2026-01-15')).toBe(2025);
  });

  it('offers the years from 2020/2021 to the one after the current, newest first', () => {
    expect(academicYearOptions('2026-01-15')).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020]);
  });

  it('reads ?year and ?asOf, falling back to the current year and today', () => {
    const now = new Date('2026-01-15T08:00:00Z');
    expect(parseRoadmapPeriod(new URL('http://x/r?year=2024&asOf=2025-05-31'), now)).toEqual({
      year: 2024,
      asOf: '2025-05-31',
      today: '2026-01-15',
    });
    expect(parseRoadmapPeriod(new URL('http://x/r?year=1999&asOf=31.05.2025'), now)).toEqual({
      year: 2025,
      asOf: '2026-01-15',
      today: '2026-01-15',
    });
  });

  it('links between roadmap pages with the year, and the date only when it is not today', () => {
    expect(periodQuery({ year: 2025, asOf: '2026-01-15', today: '2026-01-15' })).toBe('year=2025');
    expect(periodQuery({ year: 2025, asOf: '2025-12-01', today: '2026-01-15' })).toBe(
      'year=2025&asOf=2025-12-01',
    );
  });
});

describe('dueExplanation', () => {
  it('lists the periods read from the wording in Russian dates', () => {
    expect(
      dueExplanation(
        item({
          dueWindows: [
            { from: '2025-11-01', to: '2025-11-30' },
            { from: '2026-05-01', to: '2026-05-31' },
          ],
        }),
      ),
    ).toBe('01.11.2025\u00a0– 30.11.2025; 01.05.2026\u00a0– 31.05.2026');
  });

  it('says when the deadline is the whole period or an external schedule', () => {
    expect(
      dueExplanation(
        item({ dueKind: 'WHOLE_PERIOD', dueWindows: [{ from: '2025-09-01', to: '2026-08-31' }] }),
      ),
    ).toBe('весь период: 01.09.2025\u00a0– 31.08.2026');
    expect(dueExplanation(item({ dueKind: 'EXTERNAL_SCHEDULE', dueWindows: [] }))).toBe(
      'по внешнему графику, без своего срока',
    );
  });

  it('gives the parser’s reason for a deadline it could not read', () => {
    expect(
      dueExplanation(item({ dueKind: 'UNPARSED', dueWindows: [], dueProblem: 'Не удалось распознать срок' })),
    ).toBe('Не удалось распознать срок');
    expect(dueExplanation(item({ dueKind: 'UNPARSED', dueWindows: [] }))).toBe('срок не распознан');
  });

  it('counts overdue days in Russian', () => {
    expect(overdueText(107)).toBe('просрочено на 107\u00a0дн.');
  });
});

describe('item filters', () => {
  const items = [
    item({ id: '1', stage: 'PREPARATION', status: 'DONE', section: { id: '7' } }),
    item({ id: '2', stage: 'MATCHING', status: 'PLANNED', overdue: true, section: { id: '7' } }),
    item({ id: '3', stage: 'MATCHING', status: 'PLANNED', section: null }),
  ];
  const ids = (query: string) =>
    filterItems(items, parseItemFilters(new URLSearchParams(query))).map((one) => one.id);

  it('narrows by section, stage, mark and «только просроченные» together', () => {
    expect(ids('')).toEqual(['1', '2', '3']);
    expect(ids('section=7')).toEqual(['1', '2']);
    expect(ids('section=none')).toEqual(['3']);
    expect(ids('stage=MATCHING')).toEqual(['2', '3']);
    expect(ids('status=PLANNED&overdue=1')).toEqual(['2']);
  });

  it('ignores values it does not know instead of showing nothing', () => {
    expect(parseItemFilters(new URLSearchParams('stage=ALL&status=x&section=../1&overdue=yes'))).toEqual({
      section: null,
      stage: null,
      status: null,
      overdueOnly: false,
    });
  });
});

describe('the tracker’s filters', () => {
  const rows: SchoolRoadmapRow[] = [
    {
      code: '280001',
      name: 'Школа № 1 г. Зеи',
      shortName: 'МОАУ СОШ № 1',
      status: 'DRAFT',
      progress: progress({ overdue: 16 }),
      lastUpdatedAt: null,
    },
    {
      code: '280002',
      name: 'Школа № 4 г. Зеи',
      shortName: 'МОАУ СОШ № 4',
      status: null,
      progress: progress(),
      lastUpdatedAt: null,
    },
    {
      code: '280003',
      name: 'Школа № 5 г. Зеи',
      shortName: 'МОАУ СОШ № 5',
      status: 'AGREED',
      progress: progress(),
      lastUpdatedAt: null,
    },
  ];
  const codes = (state: Parameters<typeof matchesTrackerState>[1], overdueOnly = false, search = '') =>
    filterSchoolRows(rows, { state, overdueOnly }, search).map((row) => row.code);

  it('finds schools without a roadmap, not agreed ones and each agreement state', () => {
    expect(codes('none')).toEqual(['280002']);
    expect(codes('notAgreed')).toEqual(['280001', '280002']);
    expect(codes('AGREED')).toEqual(['280003']);
    expect(codes(null)).toEqual(['280001', '280002', '280003']);
  });

  it('finds schools with overdue items and searches names and codes in any case', () => {
    expect(codes(null, true)).toEqual(['280001']);
    expect(codes(null, false, 'сош № 5')).toEqual(['280003']);
    expect(codes(null, false, '28000')).toHaveLength(3);
  });
});

describe('sums of progress', () => {
  it('adds the counts and takes the share from the sums, not an average of shares', () => {
    const total = sumProgress([
      progress({ dueByDate: 17, dueDone: 1, overdue: 16, completionShare: 1 / 17 }),
      progress({ dueByDate: 3, dueDone: 3, completionShare: 1 }),
    ]);
    expect(total.dueByDate).toBe(20);
    expect(total.dueDone).toBe(4);
    expect(total.overdue).toBe(16);
    expect(total.completionShare).toBeCloseTo(0.2);
  });

  it('has no share while nothing is due', () => {
    expect(sumProgress([progress(), progress()]).completionShare).toBeNull();
  });

  it('sums the units of a completion table into its «Итого» row', () => {
    const total = unitTotalsRow([
      {
        code: '1',
        name: 'А',
        organizations: 5,
        withRoadmap: 1,
        agreed: 0,
        progress: progress({ dueByDate: 17, dueDone: 1 }),
      },
      { code: '2', name: 'Б', organizations: 3, withRoadmap: 2, agreed: 2, progress: progress() },
    ]);
    expect(total).toMatchObject({ code: 'Итого', organizations: 8, withRoadmap: 3, agreed: 2 });
    expect(total.progress.completionShare).toBeCloseTo(1 / 17);
  });
});

describe('roadmapRights', () => {
  const school: RoadmapOwner = {
    level: 'organization',
    code: '280001',
    municipalityCode: '10712000',
    regionCode: '28',
  };
  const caller = (overrides: Partial<Caller>): Caller => ({
    level: null,
    operations: [],
    regionCode: null,
    municipalityCode: null,
    organizationCode: null,
    ...overrides,
  });

  it('lets the school’s curator keep its roadmap, not agree it', () => {
    const curator = caller({
      level: 'ORGANIZATION',
      operations: ['roadmap.read', 'roadmap.plan'],
      regionCode: '28',
      municipalityCode: '10712000',
      organizationCode: '280001',
    });
    expect(roadmapRights(curator, school)).toEqual({ keep: true, agree: false });
    expect(roadmapRights({ ...curator, organizationCode: '280002' }, school)).toEqual({
      keep: false,
      agree: false,
    });
  });

  it('lets the coordinator of the school’s municipality agree it, and only that one', () => {
    const coordinator = caller({
      level: 'MUNICIPALITY',
      operations: ['roadmap.plan', 'roadmap.agree', 'roadmap.track'],
      regionCode: '28',
      municipalityCode: '10712000',
    });
    expect(roadmapRights(coordinator, school)).toEqual({ keep: false, agree: true });
    expect(roadmapRights({ ...coordinator, municipalityCode: '22639000' }, school).agree).toBe(false);
    expect(
      roadmapRights(coordinator, {
        level: 'municipality',
        code: '10712000',
        municipalityCode: '10712000',
        regionCode: '28',
      }),
    ).toEqual({ keep: true, agree: false });
  });

  it('lets the regional administrator agree municipal roadmaps, and an analyst do neither', () => {
    const municipality: RoadmapOwner = {
      level: 'municipality',
      code: '10712000',
      municipalityCode: '10712000',
      regionCode: '28',
    };
    const admin = caller({
      level: 'REGION',
      operations: ['roadmap.plan', 'roadmap.agree'],
      regionCode: '28',
    });
    expect(roadmapRights(admin, municipality)).toEqual({ keep: false, agree: true });
    expect(roadmapRights(admin, school).agree).toBe(false);
    const analyst = caller({
      level: 'REGION',
      operations: ['roadmap.read', 'roadmap.track'],
      regionCode: '28',
    });
    expect(roadmapRights(analyst, municipality)).toEqual({ keep: false, agree: false });
  });
});

describe('forms opened from the URL', () => {
  it('reads which form is open', () => {
    expect(parseOpenForm(new URLSearchParams('mark=12'))).toEqual({ kind: 'mark', itemId: '12' });
    expect(parseOpenForm(new URLSearchParams('add=1'))).toEqual({ kind: 'add', itemId: null });
    expect(parseOpenForm(new URLSearchParams('edit=abc'))).toBeNull();
  });

  it('returns to the page with the year and filters but no form and no action', () => {
    const url = new URL('http://x/organizations/280001/roadmap?year=2025&mark=12&stage=WORK&/mark');
    expect(pageHref(url, '#item-12')).toBe('/organizations/280001/roadmap?year=2025&stage=WORK#item-12');
  });

  it('posts a form to its named action without losing the page’s query', () => {
    expect(actionHref(new URL('http://x/r?year=2025&mark=12'), 'mark')).toBe('?year=2025&mark=12&/mark');
    expect(actionHref(new URL('http://x/r?year=2025&/mark'), 'mark')).toBe('?year=2025&/mark');
    expect(actionHref(new URL('http://x/r'), 'submit')).toBe('?/submit');
  });
});
