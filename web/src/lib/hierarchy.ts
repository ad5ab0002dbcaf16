import { municipalityKindLabel, organizationKindLabel } from './labels';
import { sortRows, type Sort, type SortValue } from './sorting';

/** Rows of the three hierarchy tables, as the dashboard's server hands them to pages and exports. */

export interface RegionRow {
  code: string;
  name: string;
  municipalityCount: number;
  organizationCount: number;
}

export interface MunicipalityRow {
  code: string;
  name: string;
  kind: string;
  organizationCount: number;
}

export interface OrganizationRow {
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  inn: string | null;
  address: string | null;
}

/**
 * A table column: its header (the same on the page and in the XLSX file), the value it sorts by,
 * shows and exports, whether it holds numbers (right-aligned, summed, stored as numbers in XLSX)
 * and whether it holds an identifier such as a code or an ИНН (set in the page's `code` style).
 */
export interface Column<Row, Key extends string = string> {
  key: Key;
  header: string;
  value: (row: Row) => SortValue;
  numeric?: boolean;
  identifier?: boolean;
  /**
   * How a cell reads when that differs from the value it sorts by: a share 0.059 as «5,9 %», a
   * day 2025-06-20 as «20.06.2025». Text columns export this text; numeric ones keep the number.
   */
  text?: (row: Row) => string;
  /** The XLSX number format of a numeric column; whole numbers (`#,##0`) unless given. */
  numberFormat?: string;
}

export type RegionColumn = 'code' | 'name' | 'municipalities' | 'organizations';

export const REGION_COLUMNS: readonly Column<RegionRow, RegionColumn>[] = [
  { key: 'code', header: 'Код', value: (row) => row.code, identifier: true },
  { key: 'name', header: 'Субъект РФ', value: (row) => row.name },
  {
    key: 'municipalities',
    header: 'Муниципальных образований',
    value: (row) => row.municipalityCount,
    numeric: true,
  },
  {
    key: 'organizations',
    header: 'Образовательных организаций',
    value: (row) => row.organizationCount,
    numeric: true,
  },
];

export type MunicipalityColumn = 'code' | 'name' | 'kind' | 'organizations';

export const MUNICIPALITY_COLUMNS: readonly Column<MunicipalityRow, MunicipalityColumn>[] = [
  { key: 'code', header: 'ОКТМО', value: (row) => row.code, identifier: true },
  { key: 'name', header: 'Муниципальное образование', value: (row) => row.name },
  { key: 'kind', header: 'Вид', value: (row) => municipalityKindLabel(row.kind) },
  {
    key: 'organizations',
    header: 'Образовательных организаций',
    value: (row) => row.organizationCount,
    numeric: true,
  },
];

export type OrganizationColumn = 'code' | 'shortName' | 'kind' | 'inn' | 'address';

export const ORGANIZATION_COLUMNS: readonly Column<OrganizationRow, OrganizationColumn>[] = [
  { key: 'code', header: 'Код ОО', value: (row) => row.code, identifier: true },
  { key: 'shortName', header: 'Краткое наименование', value: (row) => displayName(row) },
  { key: 'kind', header: 'Тип', value: (row) => organizationKindLabel(row.kind) },
  { key: 'inn', header: 'ИНН', value: (row) => row.inn, identifier: true },
  { key: 'address', header: 'Адрес', value: (row) => row.address },
];

/** The short name where the directory has one, otherwise the full name. */
export function displayName(organization: { name: string; shortName: string | null }): string {
  return organization.shortName?.trim() || organization.name;
}

export function columnKeys<Key extends string>(columns: readonly { key: Key }[]): Key[] {
  return columns.map((column) => column.key);
}

/** Sum of each numeric column over all rows of the list (not just the rows on screen). */
export function columnTotals<Row, Key extends string>(
  rows: readonly Row[],
  columns: readonly Column<Row, Key>[],
): Partial<Record<Key, number>> {
  const totals: Partial<Record<Key, number>> = {};
  for (const column of columns) {
    if (!column.numeric) continue;
    totals[column.key] = rows.reduce<number>((sum, row) => sum + (Number(column.value(row)) || 0), 0);
  }
  return totals;
}

/**
 * Rows sorted by one of the table's columns; equal values (say, the same kind) go by the name
 * the table shows, so ties read alphabetically.
 */
export function sortByColumn<Row extends { name: string }, Key extends string>(
  rows: readonly Row[],
  columns: readonly Column<Row, Key>[],
  sort: Sort<Key>,
  shownName: (row: Row) => string = (row) => row.name,
): Row[] {
  const column = columns.find((candidate) => candidate.key === sort.column) ?? columns[0];
  return sortRows(rows, column.value, sort.direction, shownName);
}
