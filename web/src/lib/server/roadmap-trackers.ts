import { error } from '@sveltejs/kit';
import type { Client } from '@urql/core';
import { formatAcademicYear } from '$lib/format';
import { columnKeys, columnTotals, displayName, sortByColumn, type Column } from '$lib/hierarchy';
import { MAX_LIST_ROWS, parseListQuery, takeWindow, type ListPage, type ListWindow } from '$lib/list-query';
import {
  academicYearOptions,
  completionColumns,
  filterSchoolRows,
  filterUnitRows,
  MUNICIPALITY_UNITS,
  parseRoadmapPeriod,
  REGION_UNITS,
  parseTrackerFilters,
  sumProgress,
  TRACKER_COLUMNS,
  type CompletionColumn,
  type RoadmapPeriod,
  type RoadmapProgress,
  type SchoolRoadmapRow,
  type TrackerColumn,
  type TrackerFilters,
  type UnitCompletionRow,
  type UnitHeaders,
} from '$lib/roadmap';
import { queryApi } from './api-client';
import { listPageSize } from './config';
import { MUNICIPALITY_TRACKER, NATIONAL_COMPLETION, REGION_COMPLETION } from './roadmap-queries';

/**
 * The trackers of roadmap completion: a municipality's schools, a region's municipalities and the
 * country's regions, each a sortable, searchable table in the URL with a totals row, and the same
 * rows in its XLSX export.
 */

/** The period of a tracker page, with the years its selector offers. */
export interface TrackerPeriod {
  period: RoadmapPeriod;
  yearOptions: number[];
  yearLabel: string;
}

function trackerPeriod(url: URL): TrackerPeriod {
  const period = parseRoadmapPeriod(url);
  return {
    period,
    yearOptions: academicYearOptions(period.today),
    yearLabel: formatAcademicYear(period.year),
  };
}

/** A list of the tracker with its totals row, which sums the rows that passed the filters. */
export interface TrackerList<Row, Key extends string> extends ListPage<Row, Key> {
  /** Every row that passed the search and filters, sorted (the export writes these). */
  rows: Row[];
  total: RoadmapProgress;
}

function trackerList<Row extends { name: string; progress: RoadmapProgress }, Key extends string>(
  url: URL,
  columns: readonly Column<Row, Key>[],
  defaultColumn: Key,
  select: (rows: readonly Row[], search: string) => Row[],
  allRows: readonly Row[],
  shownName?: (row: Row) => string,
): TrackerList<Row, Key> {
  const pageSize = listPageSize();
  const query = parseListQuery(url, {
    columns: columnKeys(columns),
    defaultSort: { column: defaultColumn, direction: 'asc' },
    pageSize,
    maxRows: MAX_LIST_ROWS,
  });
  const rows = sortByColumn(select(allRows, query.search), columns, query.sort, shownName);
  return {
    query,
    complete: true,
    pageSize,
    window: takeWindow(rows, query.limit, pageSize),
    totals: columnTotals(rows, columns),
    rows,
    total: sumProgress(rows.map((row) => row.progress)),
  };
}

// ── A municipality's schools ──────────────────────────────────────────────────────────────────

/** Rows per «Показать ещё» step of the overdue list. */
const OVERDUE_PAGE_SIZE = 20;
const MAX_OVERDUE_ROWS = 500;

export interface OverdueRow {
  itemId: string;
  title: string;
  dueWording: string;
  dueTo: string;
  daysLate: number;
  responsible: string | null;
  organization: { code: string; name: string; shortName: string | null };
}

function overdueLimit(url: URL): number {
  const requested = Number.parseInt(url.searchParams.get('overdueLimit') ?? '', 10);
  return Number.isFinite(requested)
    ? Math.min(Math.max(requested, OVERDUE_PAGE_SIZE), MAX_OVERDUE_ROWS)
    : OVERDUE_PAGE_SIZE;
}

export async function loadMunicipalityTracker(api: Client, code: string, url: URL, withOverdue = true) {
  const { period, yearOptions, yearLabel } = trackerPeriod(url);
  const limit = overdueLimit(url);
  const data = await queryApi(api, MUNICIPALITY_TRACKER, {
    code,
    year: period.year,
    asOf: period.asOf,
    overdueFirst: withOverdue ? limit : 0,
  });
  if (!data.municipality || !data.roadmapTracker) {
    error(404, `Муниципальное образование с кодом ОКТМО «${code}» не найдено.`);
  }
  const tracker = data.roadmapTracker;
  const schools: SchoolRoadmapRow[] = tracker.rows.map((row) => ({
    code: row.organization.code,
    name: row.organization.name,
    shortName: row.organization.shortName,
    status: row.status,
    progress: row.progress,
    lastUpdatedAt: row.lastUpdatedAt,
  }));
  const filters: TrackerFilters = parseTrackerFilters(url.searchParams);
  const list = trackerList<SchoolRoadmapRow, TrackerColumn>(
    url,
    TRACKER_COLUMNS,
    'name',
    (rows, search) => filterSchoolRows(rows, filters, search),
    schools,
    displayName,
  );
  const overdueItems = data.overdueRoadmapItems;
  const overdueRows: OverdueRow[] = (overdueItems?.nodes ?? []).map((node) => ({
    itemId: node.item.id,
    title: node.title,
    dueWording: node.item.dueWording,
    dueTo: node.dueTo,
    daysLate: node.daysLate,
    responsible: node.item.responsible,
    organization: node.organization,
  }));
  const overdueTotal = overdueItems?.totalCount ?? 0;
  const overdue: ListWindow<OverdueRow> = {
    rows: overdueRows,
    shown: overdueRows.length,
    total: overdueTotal,
    hasMore: overdueTotal > overdueRows.length && overdueRows.length < MAX_OVERDUE_ROWS,
    nextLimit: Math.min(limit + OVERDUE_PAGE_SIZE, MAX_OVERDUE_ROWS),
  };
  return {
    municipality: { code: data.municipality.code, name: data.municipality.name },
    region: data.municipality.region,
    period,
    yearOptions,
    yearLabel,
    summary: {
      organizations: tracker.organizations,
      withRoadmap: tracker.withRoadmap,
      agreed: tracker.agreed,
      total: tracker.total,
    },
    filters,
    list,
    /** Schools that still need the coordinator: no roadmap for the year, or not agreed yet. */
    pending: sortByColumn(
      schools.filter((school) => school.status !== 'AGREED'),
      TRACKER_COLUMNS,
      { column: 'name', direction: 'asc' },
      displayName,
    ),
    overdue,
    overduePageSize: OVERDUE_PAGE_SIZE,
  };
}

// ── A region's municipalities and the country's regions ───────────────────────────────────────

function completionList(url: URL, unit: UnitHeaders, rows: readonly UnitCompletionRow[]) {
  return trackerList<UnitCompletionRow, CompletionColumn>(
    url,
    completionColumns(unit),
    'name',
    filterUnitRows,
    rows,
  );
}

export async function loadRegionCompletion(api: Client, code: string, url: URL) {
  const { period, yearOptions, yearLabel } = trackerPeriod(url);
  const data = await queryApi(api, REGION_COMPLETION, { code, year: period.year, asOf: period.asOf });
  if (!data.region || !data.roadmapCompletion) error(404, `Субъект РФ с кодом «${code}» не найден.`);
  const completion = data.roadmapCompletion;
  return {
    region: data.region,
    period,
    yearOptions,
    yearLabel,
    summary: completion.total,
    /** Every municipality, as the chart draws them (the table may be searched). */
    units: completion.rows,
    list: completionList(url, MUNICIPALITY_UNITS, completion.rows),
  };
}

export async function loadNationalCompletion(api: Client, url: URL) {
  const { period, yearOptions, yearLabel } = trackerPeriod(url);
  const data = await queryApi(api, NATIONAL_COMPLETION, { year: period.year, asOf: period.asOf });
  if (!data.roadmapCompletion) error(404, 'Сводка по субъектам РФ недоступна.');
  const completion = data.roadmapCompletion;
  return {
    period,
    yearOptions,
    yearLabel,
    summary: completion.total,
    units: completion.rows,
    list: completionList(url, REGION_UNITS, completion.rows),
  };
}
