import { error, type Cookies } from '@sveltejs/kit';
import type { Client } from '@urql/core';
import { formatAcademicYear, formatDate } from '$lib/format';
import { displayName } from '$lib/hierarchy';
import { parseSort, sortRows, type Sort } from '$lib/sorting';
import {
  academicYearOptions,
  filterItems,
  ITEM_COLUMNS,
  ITEM_EXPORT_COLUMNS,
  parseItemFilters,
  parseRoadmapPeriod,
  roadmapRights,
  type Caller,
  type ItemColumn,
  type ItemExportRow,
  type ItemsView,
  type SectionGroup,
  type Roadmap,
  type RoadmapOwnerLevel,
  type RoadmapPageData,
  type RoadmapPeriod,
  type RoadmapTemplate,
  type RoadmapUnit,
} from '$lib/roadmap';
import { queryApi } from './api-client';
import {
  MUNICIPALITY_ROADMAP,
  ORGANIZATION_ROADMAP,
  REGION_ROADMAP,
  type CallerData,
  type RoadmapPageVariables,
} from './roadmap-queries';
import { tableToXlsx, xlsxResponse } from './xlsx';

/**
 * One roadmap page for the three owners (school, municipality, region): the unit and its roadmap
 * for the year in the URL, the caller's rights on it, and the items table as filtered and sorted
 * in the URL. The XLSX export reads the same URL, so it holds the rows the table shows.
 */

interface FetchedRoadmap {
  caller: Caller;
  templates: RoadmapTemplate[];
  unit: RoadmapUnit;
  roadmap: Roadmap | null;
}

function callerOf(me: CallerData): Caller {
  return {
    level: me.level,
    operations: me.permissions.map((permission) => permission.operation),
    regionCode: me.region?.code ?? null,
    municipalityCode: me.municipality?.code ?? null,
    organizationCode: me.organization?.code ?? null,
  };
}

const NOT_FOUND: Record<RoadmapOwnerLevel, (code: string) => string> = {
  organization: (code) => `Образовательная организация с кодом «${code}» не найдена.`,
  municipality: (code) => `Муниципальное образование с кодом ОКТМО «${code}» не найдено.`,
  region: (code) => `Субъект РФ с кодом «${code}» не найден.`,
};

/** A roadmap's owner as the page shows it; the codes above it are read off its municipality and region. */
function roadmapUnit(
  level: RoadmapOwnerLevel,
  unit: Omit<RoadmapUnit, 'level' | 'municipalityCode' | 'regionCode'>,
): RoadmapUnit {
  return { level, ...unit, municipalityCode: unit.municipality?.code ?? null, regionCode: unit.region.code };
}

/** The unit and its roadmap; a unit outside the caller's scope is «not found», as the API answers. */
export async function fetchRoadmap(
  api: Client,
  level: RoadmapOwnerLevel,
  code: string,
  period: RoadmapPeriod,
): Promise<FetchedRoadmap> {
  const variables: RoadmapPageVariables = { code, year: period.year, asOf: period.asOf };
  let unit: RoadmapUnit | null = null;
  let roadmap: Roadmap | null = null;
  let me: CallerData;
  let templates: RoadmapTemplate[];

  if (level === 'organization') {
    const data = await queryApi(api, ORGANIZATION_ROADMAP, variables);
    ({ me, roadmapTemplates: templates } = data);
    if (data.unit) {
      const school = data.unit;
      roadmap = school.roadmap;
      unit = roadmapUnit(level, {
        code: school.code,
        name: displayName(school),
        fullName: school.name,
        municipality: school.municipality,
        region: school.region,
      });
    }
  } else if (level === 'municipality') {
    const data = await queryApi(api, MUNICIPALITY_ROADMAP, variables);
    ({ me, roadmapTemplates: templates } = data);
    if (data.unit) {
      const { code, name, region } = data.unit;
      roadmap = data.unit.roadmap;
      unit = roadmapUnit(level, { code, name, fullName: name, municipality: { code, name }, region });
    }
  } else {
    const data = await queryApi(api, REGION_ROADMAP, variables);
    ({ me, roadmapTemplates: templates } = data);
    if (data.unit) {
      const { code, name } = data.unit;
      roadmap = data.unit.roadmap;
      unit = roadmapUnit(level, { code, name, fullName: name, municipality: null, region: { code, name } });
    }
  }
  if (!unit) error(404, NOT_FOUND[level](code));
  const ownLevel = level.toUpperCase();
  return {
    caller: callerOf(me),
    templates: templates.filter((template) => template.level === ownLevel),
    unit,
    roadmap,
  };
}

const ITEM_COLUMN_KEYS = ITEM_COLUMNS.map((column) => column.key);
const DEFAULT_ITEM_SORT: Sort<ItemColumn> = { column: 'number', direction: 'asc' };

/**
 * The items that pass the URL's filters, in the URL's order, grouped by section in the
 * roadmap's order; items outside any section come first, as in documents without sections.
 */
export function itemsView(roadmap: Roadmap, url: URL): ItemsView {
  const filters = parseItemFilters(url.searchParams);
  const sort = parseSort(url.searchParams, ITEM_COLUMN_KEYS, DEFAULT_ITEM_SORT);
  const column = ITEM_COLUMNS.find((candidate) => candidate.key === sort.column) ?? ITEM_COLUMNS[0];
  const sorted = sortRows(
    filterItems(roadmap.items, filters),
    column.value,
    sort.direction,
    (item) => item.position,
  );
  const sections = [...roadmap.sections].sort((a, b) => a.position - b.position);
  const groups: SectionGroup[] = [
    { id: null, title: null, items: sorted.filter((item) => item.section === null) },
    ...sections.map((section) => ({
      id: section.id,
      title: section.title,
      items: sorted.filter((item) => item.section?.id === section.id),
    })),
  ].filter((group) => group.items.length > 0);
  return { filters, sort, groups, shown: sorted.length, total: roadmap.items.length };
}

/** The rows of the items export: the filtered, sorted table with each item's section named. */
export function itemExportRows(view: ItemsView): ItemExportRow[] {
  return view.groups.flatMap((group) => group.items.map((item) => ({ ...item, sectionTitle: group.title })));
}

// ── Messages after a change ───────────────────────────────────────────────────────────────────

const FLASH_COOKIE = 'nastavnik_flash';

/**
 * What a change did, shown once on the page it returns to: kept in a short-lived cookie so that
 * it survives the redirect after the form post, with or without JavaScript.
 */
export function setFlash(cookies: Cookies, message: string): void {
  cookies.set(FLASH_COOKIE, message, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

export function takeFlash(cookies: Cookies): string | null {
  const message = cookies.get(FLASH_COOKIE) ?? null;
  if (message !== null) cookies.delete(FLASH_COOKIE, { path: '/' });
  return message;
}

// ── The page ──────────────────────────────────────────────────────────────────────────────────

export async function loadRoadmapPage(
  event: { locals: App.Locals; url: URL; cookies: Cookies; params: { code: string } },
  level: RoadmapOwnerLevel,
): Promise<RoadmapPageData> {
  const period = parseRoadmapPeriod(event.url);
  const { caller, templates, unit, roadmap } = await fetchRoadmap(
    event.locals.api,
    level,
    event.params.code,
    period,
  );
  return {
    unit,
    period,
    yearOptions: academicYearOptions(period.today),
    yearLabel: formatAcademicYear(period.year),
    roadmap,
    items: roadmap && itemsView(roadmap, event.url),
    templates,
    rights: roadmapRights(caller, unit),
    flash: takeFlash(event.cookies),
  };
}

const EXPORT_FILE_PREFIX: Record<RoadmapOwnerLevel, string> = {
  organization: 'roadmap-organization',
  municipality: 'roadmap-municipality',
  region: 'roadmap-region',
};

/** The items table as XLSX: the year, date, filters and order of the page's URL. */
export async function roadmapItemsExport(
  event: { locals: App.Locals; url: URL; params: { code: string } },
  level: RoadmapOwnerLevel,
): Promise<Response> {
  const period = parseRoadmapPeriod(event.url);
  const { unit, roadmap } = await fetchRoadmap(event.locals.api, level, event.params.code, period);
  const yearLabel = formatAcademicYear(period.year);
  if (!roadmap) error(404, `Дорожной карты на ${yearLabel} учебный год нет: выгружать нечего.`);
  const content = await tableToXlsx({
    sheetName: 'Дорожная карта',
    title: `${roadmap.title}: ${unit.fullName} (выполнение на ${formatDate(period.asOf)})`,
    columns: ITEM_EXPORT_COLUMNS,
    rows: itemExportRows(itemsView(roadmap, event.url)),
  });
  return xlsxResponse(content, {
    ascii: `${EXPORT_FILE_PREFIX[level]}-${unit.code}-${period.year}.xlsx`,
    russian: `Дорожная карта ${yearLabel.replace('/', '-')} — ${unit.name}.xlsx`,
  });
}
