import { isHttpError, redirect } from '@sveltejs/kit';
import type { Client } from '@urql/core';
import { displayName, sortByColumn } from '$lib/hierarchy';
import { formatAcademicYear } from '$lib/format';
import {
  canonicalColumnsHref,
  CHILD_HEADERS,
  CHILD_LEVEL,
  childIndicatorCodes,
  childRows,
  filterIndicatorRows,
  indicatorColumns,
  indicatorExportColumns,
  indicatorRow,
  parseIndicatorChoice,
  parseIndicatorFilters,
  parseIndicatorPeriod,
  UNIT_LEVELS,
  type CodedLevel,
  type IndicatorRollup,
  type IndicatorRow,
} from '$lib/indicators';
import { MAX_LIST_ROWS, parseListQuery, takeWindow, type ListPage } from '$lib/list-query';
import type { ScopeLevel } from '$lib/viewer';
import { queryApi } from './api-client';
import { listPageSize } from './config';
import {
  FEDERATION_ROLLUP,
  MUNICIPALITY_ROLLUP,
  ORGANIZATION_ROLLUP,
  REGION_ROLLUP,
  type Named,
  type RollupVariables,
} from './indicator-queries';
import { tableToXlsx, xlsxResponse } from './xlsx';

/**
 * The indicators page of any unit and its XLSX export: one API request for the unit's rollup (its
 * children with only the indicators the URL chooses), then the table of its children as the URL
 * asks for it (chosen indicators, search, filters, order), the same rows for the chart and, in the
 * same order, for the file.
 */

/** A unit above the page's one, for the breadcrumbs. */
export interface Ancestor extends Named {
  level: CodedLevel;
}

const NOT_FOUND: Readonly<Record<CodedLevel, (code: string) => string>> = {
  region: (code) => `Субъект РФ с кодом «${code}» не найден.`,
  municipality: (code) => `Муниципальное образование с кодом ОКТМО «${code}» не найдено.`,
  organization: (code) => `Образовательная организация с кодом «${code}» не найдена.`,
};

/** The rollup and what the breadcrumbs need, in one request whatever the level. */
async function fetchRollup(
  api: Client,
  level: ScopeLevel,
  code: string | null,
  variables: Pick<RollupVariables, 'year' | 'on' | 'codes'>,
): Promise<{ rollup: IndicatorRollup; title: string; ancestors: Ancestor[] }> {
  const unit = { level: UNIT_LEVELS[level], code };
  switch (level) {
    case 'federation': {
      const data = await queryApi(api, FEDERATION_ROLLUP, { ...variables, unit: { level: 'FEDERATION' } });
      return { rollup: data.indicatorRollup, title: data.indicatorRollup.unit.name, ancestors: [] };
    }
    case 'region': {
      const data = await queryApi(
        api,
        REGION_ROLLUP,
        { ...variables, unit },
        { notFound: NOT_FOUND.region(code ?? '') },
      );
      return { rollup: data.indicatorRollup, title: data.indicatorRollup.unit.name, ancestors: [] };
    }
    case 'municipality': {
      const data = await queryApi(
        api,
        MUNICIPALITY_ROLLUP,
        { ...variables, unit, code: code ?? '' },
        { notFound: NOT_FOUND.municipality(code ?? '') },
      );
      const region = data.municipality?.region;
      const shortNames = new Map(
        (data.municipality?.organizations.nodes ?? []).map((node) => [node.code, node.shortName?.trim()]),
      );
      const rollup = data.indicatorRollup;
      return {
        rollup: {
          ...rollup,
          children: rollup.children.map((child) => ({
            ...child,
            unit: { ...child.unit, name: shortNames.get(child.unit.code ?? '') || child.unit.name },
          })),
        },
        title: data.indicatorRollup.unit.name,
        ancestors: region ? [{ level: 'region', ...region }] : [],
      };
    }
    case 'organization': {
      const data = await queryApi(
        api,
        ORGANIZATION_ROLLUP,
        { ...variables, unit, code: code ?? '' },
        { notFound: NOT_FOUND.organization(code ?? '') },
      );
      const organization = data.organization;
      return {
        rollup: data.indicatorRollup,
        title: organization ? displayName(organization) : data.indicatorRollup.unit.name,
        ancestors: organization
          ? [
              { level: 'region', ...organization.region },
              { level: 'municipality', ...organization.municipality },
            ]
          : [],
      };
    }
  }
}

export async function loadIndicatorDashboard(api: Client, level: ScopeLevel, code: string | null, url: URL) {
  const canonical = canonicalColumnsHref(url);
  if (canonical) redirect(303, canonical);
  const period = parseIndicatorPeriod(url);
  const variables = { year: period.year, on: period.on };
  // An indicator the unit does not have (a region's own on the country's page, an old link) makes
  // the API refuse the request (BAD_USER_INPUT, a 400 here). Asked again for all indicators, the
  // page drops the unknown ones as parseIndicatorChoice does; any other refusal comes back again.
  const { rollup, title, ancestors } = await fetchRollup(api, level, code, {
    ...variables,
    codes: childIndicatorCodes(url.searchParams),
  }).catch((failure: unknown) => {
    if (!isHttpError(failure, 400)) throw failure;
    return fetchRollup(api, level, code, { ...variables, codes: null });
  });
  const indicators = rollup.values.map(({ code, name, unit }) => ({ code, name, unit }));
  const choice = parseIndicatorChoice(
    url.searchParams,
    indicators.map((indicator) => indicator.code),
  );
  const chosen = choice.columns.flatMap((column) =>
    indicators.filter((indicator) => indicator.code === column),
  );

  const childLevel = CHILD_LEVEL[level];
  const headers = childLevel ? CHILD_HEADERS[childLevel] : null;
  const pageSize = listPageSize();
  const columns = headers ? indicatorColumns(headers, chosen) : [];
  const query = parseListQuery(url, {
    columns: columns.map((column) => column.key),
    defaultSort: { column: 'name', direction: 'asc' },
    pageSize,
    maxRows: MAX_LIST_ROWS,
  });
  const filters = parseIndicatorFilters(url.searchParams, query.search);
  const allRows = childRows(rollup.children);
  // An organisation has no units below it, hence no columns to sort by.
  const rows = headers
    ? sortByColumn(filterIndicatorRows(allRows, filters, choice.indicator), columns, query.sort)
    : [];
  const list: ListPage<IndicatorRow, string> & { rows: IndicatorRow[] } = {
    query,
    complete: true,
    pageSize,
    window: takeWindow(rows, query.limit, pageSize),
    totals: {},
    rows,
  };

  return {
    unit: { level, code, name: rollup.unit.name, title },
    ancestors,
    period,
    yearLabel: formatAcademicYear(rollup.academicYear),
    /** The date the API counted ages on (its default unless `?on=` asked for another). */
    on: rollup.on,
    values: rollup.values,
    trend: rollup.trend,
    indicators,
    choice,
    chosen,
    childLevel,
    headers,
    filters,
    childCount: allRows.length,
    list,
    /** The «Итого» row: the unit's own values (Σ numerator / Σ denominator), not a sum of the rows. */
    totals: indicatorRow(rollup.unit, rollup.values),
  };
}

export type IndicatorDashboard = Awaited<ReturnType<typeof loadIndicatorDashboard>>;

/** «Скачать XLSX»: the table as the page shows it (all its rows), the unit's own values as «Итого». */
export async function indicatorTableDownload(dashboard: IndicatorDashboard): Promise<Response> {
  const { unit, headers, yearLabel, period } = dashboard;
  const content = await tableToXlsx({
    sheetName: 'Целевые показатели',
    title:
      `Целевые показатели: ${unit.title}, ${yearLabel} учебный год, ${headers?.byWhat ?? ''}. ` +
      `Итого — значения ${unit.title} в целом (Σ числителей / Σ знаменателей).`,
    columns: headers ? indicatorExportColumns(headers, dashboard.chosen) : [],
    rows: dashboard.list.rows,
    totalsRow: dashboard.totals,
  });
  const code = unit.code ?? 'rf';
  return xlsxResponse(content, {
    ascii: `indicators-${unit.level}-${code}-${period.year}.xlsx`,
    russian: `Целевые показатели ${yearLabel.replace('/', '-')} — ${unit.title}.xlsx`,
  });
}
