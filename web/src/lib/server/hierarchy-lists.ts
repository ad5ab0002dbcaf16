import { error } from '@sveltejs/kit';
import type { Client } from '@urql/core';
import {
  columnKeys,
  columnTotals,
  displayName,
  MUNICIPALITY_COLUMNS,
  ORGANIZATION_COLUMNS,
  REGION_COLUMNS,
  sortByColumn,
  type Column,
  type MunicipalityColumn,
  type MunicipalityRow,
  type OrganizationColumn,
  type OrganizationRow,
  type RegionColumn,
  type RegionRow,
} from '$lib/hierarchy';
import { MAX_LIST_ROWS, parseListQuery, takeWindow, type ListPage, type ListQuery } from '$lib/list-query';
import { queryApi } from './api-client';
import { collectPages, type ConnectionPage } from './collect-pages';
import { API_PAGE_SIZE, listPageSize } from './config';
import {
  MUNICIPALITY_ORGANIZATIONS,
  ORGANIZATION_CARD,
  REGION_MUNICIPALITIES,
  REGIONS,
} from './hierarchy-queries';

/**
 * The lists behind the hierarchy pages and their XLSX exports: both read the same URL, so a
 * download holds exactly the rows (all of them, in the same order) that the table offers.
 */
export interface SortedList<Row, Column extends string> {
  query: ListQuery<Column>;
  /** Every row matching the search, sorted as asked. */
  rows: Row[];
  /** False when the list was longer than MAX_LIST_ROWS and got cut. */
  complete: boolean;
}

/** A sorted list as its page shows it: the first `limit` rows, with the totals of the whole list. */
export function listPage<Row, Key extends string>(
  list: SortedList<Row, Key>,
  columns: readonly Column<Row, Key>[],
): ListPage<Row, Key> {
  const pageSize = listPageSize();
  return {
    query: list.query,
    complete: list.complete,
    pageSize,
    window: takeWindow(list.rows, list.query.limit, pageSize),
    totals: columnTotals(list.rows, columns),
  };
}

const EMPTY_PAGE: ConnectionPage<never> = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };

function listQuery<Column extends string>(
  url: URL,
  columns: readonly { key: Column }[],
  defaultColumn: Column,
) {
  return parseListQuery(url, {
    columns: columnKeys(columns),
    defaultSort: { column: defaultColumn, direction: 'asc' },
    pageSize: listPageSize(),
    maxRows: MAX_LIST_ROWS,
  });
}

export async function loadRegionList(api: Client, url: URL): Promise<SortedList<RegionRow, RegionColumn>> {
  const query = listQuery(url, REGION_COLUMNS, 'name');
  const { regions } = await queryApi(api, REGIONS, { search: query.search || null });
  const rows = regions.map((region) => ({
    code: region.code,
    name: region.name,
    municipalityCount: region.municipalities.totalCount,
    organizationCount: region.organizations.totalCount,
  }));
  return { query, rows: sortByColumn(rows, REGION_COLUMNS, query.sort), complete: true };
}

export async function loadRegionMunicipalities(api: Client, code: string, url: URL) {
  const query = listQuery(url, MUNICIPALITY_COLUMNS, 'name');
  const fetchRegion = (after: string | null) =>
    queryApi(api, REGION_MUNICIPALITIES, { code, first: API_PAGE_SIZE, after, search: query.search || null });
  const { region } = await fetchRegion(null);
  if (!region) error(404, `Субъект РФ с кодом «${code}» не найден.`);

  const { nodes, complete } = await collectPages(
    region.municipalities,
    async (after) => (await fetchRegion(after)).region?.municipalities ?? EMPTY_PAGE,
    MAX_LIST_ROWS,
  );
  const rows: MunicipalityRow[] = nodes.map((municipality) => ({
    code: municipality.code,
    name: municipality.name,
    kind: municipality.kind,
    organizationCount: municipality.organizations.totalCount,
  }));
  const list: SortedList<MunicipalityRow, MunicipalityColumn> = {
    query,
    rows: sortByColumn(rows, MUNICIPALITY_COLUMNS, query.sort),
    complete,
  };
  return {
    region: {
      code: region.code,
      name: region.name,
      municipalityCount: region.allMunicipalities.totalCount,
      organizationCount: region.organizations.totalCount,
    },
    list,
  };
}

export async function loadMunicipalityOrganizations(api: Client, code: string, url: URL) {
  const query = listQuery(url, ORGANIZATION_COLUMNS, 'shortName');
  const fetchMunicipality = (after: string | null) =>
    queryApi(api, MUNICIPALITY_ORGANIZATIONS, {
      code,
      first: API_PAGE_SIZE,
      after,
      search: query.search || null,
    });
  const { municipality } = await fetchMunicipality(null);
  if (!municipality) error(404, `Муниципальное образование с кодом ОКТМО «${code}» не найдено.`);

  const { nodes, complete } = await collectPages(
    municipality.organizations,
    async (after) => (await fetchMunicipality(after)).municipality?.organizations ?? EMPTY_PAGE,
    MAX_LIST_ROWS,
  );
  const list: SortedList<OrganizationRow, OrganizationColumn> = {
    query,
    rows: sortByColumn(nodes, ORGANIZATION_COLUMNS, query.sort, displayName),
    complete,
  };
  return {
    municipality: {
      code: municipality.code,
      name: municipality.name,
      kind: municipality.kind,
      organizationCount: municipality.allOrganizations.totalCount,
    },
    region: municipality.region,
    list,
  };
}

export async function loadOrganization(api: Client, code: string) {
  const { organization } = await queryApi(api, ORGANIZATION_CARD, { code });
  if (!organization) error(404, `Образовательная организация с кодом «${code}» не найдена.`);
  return organization;
}
