import { formatDate, formatDateRange, formatDateTime, formatPercent, isIsoDay } from './format';
import { displayName, type Column } from './hierarchy';
import type { Sort } from './sorting';
import {
  isMentoringStage,
  isRoadmapItemStatus,
  isRoadmapStatus,
  MENTORING_STAGES,
  mentoringStageLabel,
  ROADMAP_ITEM_STATUSES,
  roadmapItemStatusLabel,
  roadmapStatusLabel,
  type MentoringStage,
  type RoadmapItemStatus,
  type RoadmapStatus,
} from './labels';

/**
 * Roadmaps (дорожные карты) as the dashboard shows them: the API's shapes, the academic year and
 * calculation date read from the URL, the filters of the items table, and the columns of the
 * roadmap tables on the page and in their XLSX exports.
 */

/** Whose roadmap a page shows: a school's, a municipality's or a region's. */
export type RoadmapOwnerLevel = 'organization' | 'municipality' | 'region';

/** Completion on a date, exactly as the API sums it (shares are Σ done / Σ due, never averaged). */
export interface RoadmapProgress {
  itemsTotal: number;
  dueByDate: number;
  dueDone: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  notDone: number;
  cancelled: number;
  completionShare: number | null;
}

export interface RoadmapSection {
  id: string;
  position: number;
  title: string;
}

export type DueKind = 'DATES' | 'WHOLE_PERIOD' | 'EXTERNAL_SCHEDULE' | 'UNPARSED';

export interface RoadmapItem {
  id: string;
  position: number;
  number: string | null;
  title: string;
  stage: string | null;
  /** The deadline as the document words it («Сентябрь, октябрь 2025»). */
  dueWording: string;
  dueKind: DueKind;
  /** The periods the API read from the wording. */
  dueWindows: { from: string; to: string }[];
  /** Why the wording could not be read (UNPARSED only). */
  dueProblem: string | null;
  dueTo: string | null;
  responsible: string | null;
  expectedResult: string | null;
  status: string;
  completionNote: string | null;
  evidenceOrderNumber: string | null;
  evidenceOrderDate: string | null;
  evidenceLink: string | null;
  evidenceFileName: string | null;
  completedAt: string | null;
  overdue: boolean;
  daysLate: number;
  section: { id: string } | null;
}

export interface Roadmap {
  id: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  status: string;
  statusComment: string | null;
  updatedAt: string;
  submittedAt: string | null;
  agreedAt: string | null;
  progress: RoadmapProgress;
  sections: RoadmapSection[];
  items: RoadmapItem[];
}

export interface RoadmapTemplate {
  code: string;
  level: string;
  title: string;
  description: string;
  itemCount: number;
}

// ── Academic year and calculation date ────────────────────────────────────────────────────────

/** The target model started in 2020 (Р-145 of 25.12.2019); earlier years have no roadmaps. */
export const FIRST_ACADEMIC_YEAR = 2020;

/** Today as ГГГГ-ММ-ДД in UTC, the day the API calculates on by default. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The academic year a day falls in, by its first year: 1 September starts the next one. */
export function academicYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= 9 ? year : year - 1;
}

/** Years the selector offers, newest first: from 2020/2021 to the one after the current. */
export function academicYearOptions(today: string): number[] {
  const last = academicYearOf(today) + 1;
  const years: number[] = [];
  for (let year = last; year >= FIRST_ACADEMIC_YEAR; year -= 1) years.push(year);
  return years;
}

/** `?year=2025` when it is one of the offered years, otherwise the current academic year. */
export function parseAcademicYear(params: URLSearchParams, today: string): number {
  const requested = Number(params.get('year'));
  return academicYearOptions(today).includes(requested) ? requested : academicYearOf(today);
}

/** `?asOf=2026-01-15` when it is a real day, otherwise today. */
export function parseAsOf(params: URLSearchParams, today: string): string {
  const requested = params.get('asOf') ?? '';
  return isIsoDay(requested) ? requested : today;
}

/** The year and date a roadmap page reads from its URL. */
export interface RoadmapPeriod {
  year: number;
  asOf: string;
  today: string;
}

export function parseRoadmapPeriod(url: URL, now: Date = new Date()): RoadmapPeriod {
  const today = todayIso(now);
  return {
    year: parseAcademicYear(url.searchParams, today),
    asOf: parseAsOf(url.searchParams, today),
    today,
  };
}

/** `?year=…&asOf=…` for links between roadmap pages; the date only when it is not today. */
export function periodQuery(period: RoadmapPeriod): string {
  const params = new URLSearchParams({ year: String(period.year) });
  if (period.asOf !== period.today) params.set('asOf', period.asOf);
  return params.toString();
}

// ── Deadlines ─────────────────────────────────────────────────────────────────────────────────

/** How the API understood a deadline, in words, for the line under the original wording. */
export function dueExplanation(item: Pick<RoadmapItem, 'dueKind' | 'dueWindows' | 'dueProblem'>): string {
  const windows = item.dueWindows.map((window) => formatDateRange(window.from, window.to)).join('; ');
  switch (item.dueKind) {
    case 'DATES':
      return windows;
    case 'WHOLE_PERIOD':
      return `весь период: ${windows}`;
    case 'EXTERNAL_SCHEDULE':
      return 'по внешнему графику, без своего срока';
    case 'UNPARSED':
      // The API's reason already says the wording was not understood («Не удалось распознать срок: …»).
      return item.dueProblem ?? 'срок не распознан';
  }
}

/** «просрочено на 107 дн.» */
export function overdueText(daysLate: number): string {
  return `просрочено на ${daysLate}\u00a0дн.`;
}

// ── The items table: filters and columns ──────────────────────────────────────────────────────

/** The section filter's value for items outside any section. */
export const NO_SECTION = 'none';

export interface ItemFilters {
  /** A section id, NO_SECTION, or null for all. */
  section: string | null;
  stage: MentoringStage | null;
  status: RoadmapItemStatus | null;
  overdueOnly: boolean;
}

export const ITEM_FILTER_PARAMS = ['section', 'stage', 'status', 'overdue'] as const;

export function parseItemFilters(params: URLSearchParams): ItemFilters {
  const section = params.get('section');
  const stage = params.get('stage');
  const status = params.get('status');
  return {
    section: section && /^(\d+|none)$/.test(section) ? section : null,
    stage: isMentoringStage(stage) ? stage : null,
    status: isRoadmapItemStatus(status) ? status : null,
    overdueOnly: params.get('overdue') === '1',
  };
}

export function hasItemFilters(filters: ItemFilters): boolean {
  return Boolean(filters.section || filters.stage || filters.status || filters.overdueOnly);
}

export function filterItems<Item extends RoadmapItem>(items: readonly Item[], filters: ItemFilters): Item[] {
  return items.filter(
    (item) =>
      (filters.section === null ||
        (filters.section === NO_SECTION ? item.section === null : item.section?.id === filters.section)) &&
      (filters.stage === null || item.stage === filters.stage) &&
      (filters.status === null || item.status === filters.status) &&
      (!filters.overdueOnly || item.overdue),
  );
}

/** Items of one section (or of none) as the table shows them. */
export interface SectionGroup {
  /** null: items outside any section. */
  id: string | null;
  title: string | null;
  items: RoadmapItem[];
}

export interface ItemsView {
  filters: ItemFilters;
  sort: Sort<ItemColumn>;
  groups: SectionGroup[];
  shown: number;
  total: number;
}

/** The item's number as the document gives it, or its place in the roadmap. */
export function itemNumber(item: Pick<RoadmapItem, 'number' | 'position'>): string {
  return item.number?.trim() || String(item.position);
}

const stageOrder = (stage: string | null) =>
  stage === null ? null : MENTORING_STAGES.indexOf(stage as MentoringStage);
const statusOrder = (status: string) => ROADMAP_ITEM_STATUSES.indexOf(status as RoadmapItemStatus);

export type ItemColumn = 'number' | 'title' | 'stage' | 'due' | 'responsible' | 'result' | 'mark';

/** The items table's columns, in the order of the document («№, Мероприятие, Сроки…»). */
export const ITEM_COLUMNS: readonly Column<RoadmapItem, ItemColumn>[] = [
  { key: 'number', header: '№', value: (item) => item.position, text: itemNumber },
  { key: 'title', header: 'Мероприятие', value: (item) => item.title },
  {
    key: 'stage',
    header: 'Этап',
    value: (item) => stageOrder(item.stage),
    text: (item) => mentoringStageLabel(item.stage),
  },
  { key: 'due', header: 'Сроки', value: (item) => item.dueTo, text: (item) => item.dueWording },
  { key: 'responsible', header: 'Ответственные', value: (item) => item.responsible },
  { key: 'result', header: 'Результат / вид документа', value: (item) => item.expectedResult },
  {
    key: 'mark',
    header: 'Отметка о выполнении',
    value: (item) => statusOrder(item.status),
    text: (item) => roadmapItemStatusLabel(item.status),
  },
];

/** An item with its section's title, as a row of the XLSX export. */
export interface ItemExportRow extends RoadmapItem {
  sectionTitle: string | null;
}

/** The export keeps every part of the document and of the mark in its own column. */
export const ITEM_EXPORT_COLUMNS: readonly Column<ItemExportRow>[] = [
  { key: 'number', header: '№', value: itemNumber },
  { key: 'section', header: 'Раздел', value: (item) => item.sectionTitle },
  { key: 'title', header: 'Мероприятие', value: (item) => item.title },
  { key: 'stage', header: 'Этап', value: (item) => (item.stage ? mentoringStageLabel(item.stage) : null) },
  { key: 'dueWording', header: 'Сроки (как в документе)', value: (item) => item.dueWording },
  { key: 'dueRead', header: 'Сроки (как поняты)', value: dueExplanation },
  { key: 'dueTo', header: 'Крайний срок', value: (item) => item.dueTo && formatDate(item.dueTo) },
  { key: 'responsible', header: 'Ответственные', value: (item) => item.responsible },
  { key: 'result', header: 'Результат / вид документа', value: (item) => item.expectedResult },
  { key: 'mark', header: 'Отметка о выполнении', value: (item) => roadmapItemStatusLabel(item.status) },
  {
    key: 'completedAt',
    header: 'Дата выполнения',
    value: (item) => item.completedAt && formatDate(item.completedAt),
  },
  { key: 'note', header: 'Комментарий', value: (item) => item.completionNote },
  { key: 'orderNumber', header: 'Номер документа', value: (item) => item.evidenceOrderNumber },
  {
    key: 'orderDate',
    header: 'Дата документа',
    value: (item) => item.evidenceOrderDate && formatDate(item.evidenceOrderDate),
  },
  { key: 'link', header: 'Ссылка', value: (item) => item.evidenceLink },
  { key: 'file', header: 'Файл', value: (item) => item.evidenceFileName },
  { key: 'daysLate', header: 'Просрочено, дней', value: (item) => item.daysLate, numeric: true },
];

// ── The municipal tracker: one school a row ───────────────────────────────────────────────────

export interface SchoolRoadmapRow {
  code: string;
  name: string;
  shortName: string | null;
  /** null: the school has no roadmap for the year. */
  status: RoadmapStatus | null;
  progress: RoadmapProgress;
  lastUpdatedAt: string | null;
}

/** Agreement states in the order a roadmap goes through them; no roadmap at all comes first. */
const STATE_ORDER: (RoadmapStatus | null)[] = [null, 'DRAFT', 'RETURNED', 'SUBMITTED', 'AGREED'];

export type TrackerColumn = 'name' | 'status' | 'share' | 'done' | 'overdue' | 'notDone' | 'updated';

/** «Выполнено / к сроку»: items done of those due by the date. */
function doneOfDue(progress: RoadmapProgress): string {
  return `${progress.dueDone}\u00a0/ ${progress.dueByDate}`;
}

/** The share column: «5,9 %» on the page, a percent-formatted number in XLSX. */
function shareColumn<Row extends { progress: RoadmapProgress }, Key extends string>(
  key: Key,
): Column<Row, Key> {
  return {
    key,
    header: 'Выполнение, %',
    value: (row) => row.progress.completionShare,
    text: (row) => formatPercent(row.progress.completionShare),
    numeric: true,
    numberFormat: '0.0%',
  };
}

/** The progress columns of the on-page summary tables: share, done of due, overdue, not done. */
function progressColumns<Row extends { progress: RoadmapProgress }>(): Column<
  Row,
  'share' | 'done' | 'overdue' | 'notDone'
>[] {
  return [
    shareColumn('share'),
    {
      key: 'done',
      header: 'Выполнено / к сроку',
      value: (row) => row.progress.dueDone,
      text: (row) => doneOfDue(row.progress),
      numeric: true,
    },
    { key: 'overdue', header: 'Просрочено', value: (row) => row.progress.overdue, numeric: true },
    { key: 'notDone', header: 'Не выполнено', value: (row) => row.progress.notDone, numeric: true },
  ];
}

export const TRACKER_COLUMNS: readonly Column<SchoolRoadmapRow, TrackerColumn>[] = [
  { key: 'name', header: 'ОО', value: (row) => displayName(row) },
  {
    key: 'status',
    header: 'Состояние согласования',
    value: (row) => STATE_ORDER.indexOf(row.status),
    text: (row) => roadmapStatusLabel(row.status),
  },
  ...progressColumns<SchoolRoadmapRow>(),
  {
    key: 'updated',
    header: 'Последнее изменение',
    value: (row) => row.lastUpdatedAt,
    text: (row) => formatDateTime(row.lastUpdatedAt),
  },
];

/** Progress figures that each get a column of their own in the exports. */
function progressExportColumns<Row extends { progress: RoadmapProgress }>(): Column<Row>[] {
  const figure = (key: keyof RoadmapProgress, header: string): Column<Row> => ({
    key,
    header,
    value: (row) => row.progress[key],
    numeric: true,
  });
  return [
    shareColumn('share'),
    figure('dueDone', 'Выполнено к сроку'),
    figure('dueByDate', 'Мероприятий к сроку'),
    figure('doneOnTime', 'Выполнено в срок'),
    figure('done', 'Выполнено всего'),
    figure('overdue', 'Просрочено'),
    figure('notDone', 'Не выполнено'),
    figure('cancelled', 'Отменено'),
    figure('itemsTotal', 'Мероприятий всего'),
  ];
}

export const TRACKER_EXPORT_COLUMNS: readonly Column<SchoolRoadmapRow>[] = [
  { key: 'code', header: 'Код ОО', value: (row) => row.code, identifier: true },
  { key: 'shortName', header: 'ОО', value: (row) => displayName(row) },
  { key: 'name', header: 'Полное наименование', value: (row) => row.name },
  { key: 'status', header: 'Состояние согласования', value: (row) => roadmapStatusLabel(row.status) },
  ...progressExportColumns<SchoolRoadmapRow>(),
  { key: 'updated', header: 'Последнее изменение', value: (row) => formatDateTime(row.lastUpdatedAt) },
];

/** The tracker's state filter: one agreement state, «нет дорожной карты» or «не согласована». */
export type TrackerState = RoadmapStatus | 'none' | 'notAgreed';

export interface TrackerFilters {
  state: TrackerState | null;
  overdueOnly: boolean;
}

export const TRACKER_FILTER_PARAMS = ['state', 'overdue'] as const;

export function parseTrackerFilters(params: URLSearchParams): TrackerFilters {
  const state = params.get('state');
  return {
    state: state === 'none' || state === 'notAgreed' || isRoadmapStatus(state) ? state : null,
    overdueOnly: params.get('overdue') === '1',
  };
}

export function matchesTrackerState(status: RoadmapStatus | null, state: TrackerState | null): boolean {
  if (state === null) return true;
  if (state === 'none') return status === null;
  if (state === 'notAgreed') return status !== 'AGREED';
  return status === state;
}

/** Rows that pass the filters and whose name, short name or code contains `search`. */
export function filterSchoolRows(
  rows: readonly SchoolRoadmapRow[],
  filters: TrackerFilters,
  search: string,
): SchoolRoadmapRow[] {
  const needle = search.trim().toLocaleLowerCase('ru');
  return rows.filter(
    (row) =>
      matchesTrackerState(row.status, filters.state) &&
      (!filters.overdueOnly || row.progress.overdue > 0) &&
      (!needle ||
        [row.name, row.shortName ?? '', row.code].some((text) =>
          text.toLocaleLowerCase('ru').includes(needle),
        )),
  );
}

// ── Completion by unit: municipalities of a region, or regions of the country ─────────────────

export interface UnitCompletionRow {
  code: string;
  name: string;
  organizations: number;
  withRoadmap: number;
  agreed: number;
  progress: RoadmapProgress;
}

export type CompletionColumn =
  'code' | 'name' | 'organizations' | 'withRoadmap' | 'agreed' | 'share' | 'done' | 'overdue' | 'notDone';

/** The headers that name the units: «ОКТМО / Муниципальное образование» or «Код / Субъект РФ». */
export interface UnitHeaders {
  code: string;
  name: string;
}

export const MUNICIPALITY_UNITS: UnitHeaders = { code: 'ОКТМО', name: 'Муниципальное образование' };
export const REGION_UNITS: UnitHeaders = { code: 'Код', name: 'Субъект РФ' };

export function completionColumns(unit: UnitHeaders): Column<UnitCompletionRow, CompletionColumn>[] {
  return [
    { key: 'code', header: unit.code, value: (row) => row.code, identifier: true },
    { key: 'name', header: unit.name, value: (row) => row.name },
    { key: 'organizations', header: 'ОО', value: (row) => row.organizations, numeric: true },
    { key: 'withRoadmap', header: 'С картой', value: (row) => row.withRoadmap, numeric: true },
    { key: 'agreed', header: 'Согласовано', value: (row) => row.agreed, numeric: true },
    ...progressColumns<UnitCompletionRow>(),
  ];
}

export function completionExportColumns(unit: UnitHeaders): Column<UnitCompletionRow>[] {
  return [
    { key: 'code', header: unit.code, value: (row) => row.code, identifier: true },
    { key: 'name', header: unit.name, value: (row) => row.name },
    { key: 'organizations', header: 'ОО всего', value: (row) => row.organizations, numeric: true },
    { key: 'withRoadmap', header: 'ОО с дорожной картой', value: (row) => row.withRoadmap, numeric: true },
    { key: 'agreed', header: 'ОО с согласованной картой', value: (row) => row.agreed, numeric: true },
    ...progressExportColumns<UnitCompletionRow>(),
  ];
}

/** The cells of a summary table's «Итого» row that are not plain sums. */
export function progressTotalsText(progress: RoadmapProgress): { share: string; done: string } {
  return { share: formatPercent(progress.completionShare), done: doneOfDue(progress) };
}

/** The «Итого» row of units: organisations and progress summed (shares from the sums). */
export function unitTotalsRow(rows: readonly UnitCompletionRow[]): UnitCompletionRow {
  const sum = (pick: (row: UnitCompletionRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    code: 'Итого',
    name: '',
    organizations: sum((row) => row.organizations),
    withRoadmap: sum((row) => row.withRoadmap),
    agreed: sum((row) => row.agreed),
    progress: sumProgress(rows.map((row) => row.progress)),
  };
}

/** Units matching a search by name or code, for the completion tables. */
export function filterUnitRows(rows: readonly UnitCompletionRow[], search: string): UnitCompletionRow[] {
  const needle = search.trim().toLocaleLowerCase('ru');
  if (!needle) return [...rows];
  return rows.filter((row) =>
    [row.name, row.code].some((text) => text.toLocaleLowerCase('ru').includes(needle)),
  );
}

// ── Who may do what on a roadmap page ─────────────────────────────────────────────────────────

/** The caller as the API describes them (`me`): their node and permitted operations. */
export interface Caller {
  level: 'FEDERATION' | 'REGION' | 'MUNICIPALITY' | 'ORGANIZATION' | null;
  operations: string[];
  regionCode: string | null;
  municipalityCode: string | null;
  organizationCode: string | null;
}

/** The unit whose roadmap the page shows, with the codes of the units above it. */
export interface RoadmapOwner {
  level: RoadmapOwnerLevel;
  code: string;
  municipalityCode: string | null;
  regionCode: string;
}

export interface RoadmapRights {
  /** The owner keeps the roadmap: creates it, marks items, plans, submits, reopens. */
  keep: boolean;
  /** The level above agrees it or returns it (municipality for schools, region for municipalities). */
  agree: boolean;
}

/**
 * What the page offers. The API decides in the end; this only avoids buttons that would be
 * refused: the owner's own node keeps its roadmap, the node one level up agrees it.
 */
export function roadmapRights(caller: Caller, owner: RoadmapOwner): RoadmapRights {
  const ownCode = {
    organization: caller.organizationCode,
    municipality: caller.municipalityCode,
    region: caller.regionCode,
  }[owner.level];
  const keep =
    caller.operations.includes('roadmap.plan') &&
    caller.level === owner.level.toUpperCase() &&
    ownCode === owner.code;
  const agree =
    caller.operations.includes('roadmap.agree') &&
    ((owner.level === 'organization' &&
      caller.level === 'MUNICIPALITY' &&
      caller.municipalityCode === owner.municipalityCode) ||
      (owner.level === 'municipality' &&
        caller.level === 'REGION' &&
        caller.regionCode === owner.regionCode));
  return { keep, agree };
}

/** The unit whose roadmap it is, with the units above it for the breadcrumbs. */
export interface RoadmapUnit extends RoadmapOwner {
  /** As headings show it: a school's short name, a municipality's or region's name. */
  name: string;
  fullName: string;
  municipality: { code: string; name: string } | null;
  region: { code: string; name: string };
}

/** What a roadmap page shows: its load's result, the same for the three owners. */
export interface RoadmapPageData {
  unit: RoadmapUnit;
  period: RoadmapPeriod;
  yearOptions: number[];
  yearLabel: string;
  roadmap: Roadmap | null;
  items: ItemsView | null;
  templates: RoadmapTemplate[];
  rights: RoadmapRights;
  flash: string | null;
}

/** The plan (items) changes only while the roadmap is a draft or was returned. */
export function isPlanEditable(status: string): boolean {
  return status === 'DRAFT' || status === 'RETURNED';
}

// ── Forms opened from the URL ─────────────────────────────────────────────────────────────────

/**
 * Which form of the page is open lives in the URL (`?mark=12`, `?edit=12`, `?add=1`,
 * `?remove=12`), so a link opens it with or without JavaScript and the back button closes it.
 */
export const FORM_PARAMS = ['mark', 'edit', 'add', 'remove'] as const;

export type OpenForm =
  { kind: 'mark' | 'edit' | 'remove'; itemId: string } | { kind: 'add'; itemId: null } | null;

export function parseOpenForm(params: URLSearchParams): OpenForm {
  for (const kind of ['mark', 'edit', 'remove'] as const) {
    const itemId = params.get(kind);
    if (itemId && /^\d+$/.test(itemId)) return { kind, itemId };
  }
  return params.get('add') === '1' ? { kind: 'add', itemId: null } : null;
}

/**
 * The page's own address with no form open and no form action (`?/mark`): where a change
 * returns to, keeping the year, date, filters and order.
 */
export function pageHref(url: URL, hash = ''): string {
  const params = new URLSearchParams();
  for (const [name, value] of url.searchParams) {
    if (!name.startsWith('/') && !(FORM_PARAMS as readonly string[]).includes(name))
      params.append(name, value);
  }
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ''}${hash}`;
}

/**
 * A form's `action`: the named action added to the page's query rather than replacing it, so
 * the year and filters survive a failed post that re-renders the page without JavaScript.
 */
export function actionHref(url: URL, action: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of url.searchParams) if (!name.startsWith('/')) params.append(name, value);
  const query = params.toString();
  return `?${query ? `${query}&` : ''}/${action}`;
}

/**
 * Progress of several roadmaps together, summed as the API sums it: counts add up, the share is
 * Σ done by the date / Σ due by the date (never an average of shares).
 */
export function sumProgress(parts: readonly RoadmapProgress[]): RoadmapProgress {
  const sum = (key: Exclude<keyof RoadmapProgress, 'completionShare'>) =>
    parts.reduce((total, part) => total + part[key], 0);
  const dueByDate = sum('dueByDate');
  const dueDone = sum('dueDone');
  return {
    itemsTotal: sum('itemsTotal'),
    dueByDate,
    dueDone,
    done: sum('done'),
    doneOnTime: sum('doneOnTime'),
    overdue: sum('overdue'),
    notDone: sum('notDone'),
    cancelled: sum('cancelled'),
    completionShare: dueByDate === 0 ? null : dueDone / dueByDate,
  };
}
