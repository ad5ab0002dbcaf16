import { parseSort, type Sort } from './sorting';

/**
 * What a list page shows, all of it in the URL so that a link, the back button and a page
 * without JavaScript reproduce the same table: `?q=лицей&sort=name&dir=desc&limit=100`.
 */
export interface ListQuery<Column extends string = string> {
  /** Text for the API's `search` argument (name or code); empty shows everything. */
  search: string;
  sort: Sort<Column>;
  /** How many rows to show; «Показать ещё» raises it by one page. */
  limit: number;
}

/**
 * Most rows a list reads from the API. The largest real lists (organisations of a big city) are
 * in the low thousands; past this the page says the list is cut and asks for a narrower search.
 */
export const MAX_LIST_ROWS = 10_000;

/** Longest search text passed on; anything longer is a mistake or an attack, not a name. */
export const MAX_SEARCH_LENGTH = 200;

export function parseListQuery<Column extends string>(
  url: URL,
  options: { columns: readonly Column[]; defaultSort: Sort<Column>; pageSize: number; maxRows: number },
): ListQuery<Column> {
  const params = url.searchParams;
  const search = (params.get('q') ?? '').trim().slice(0, MAX_SEARCH_LENGTH);
  const requested = Number.parseInt(params.get('limit') ?? '', 10);
  const limit = Number.isFinite(requested)
    ? Math.min(Math.max(requested, options.pageSize), options.maxRows)
    : options.pageSize;
  return { search, sort: parseSort(params, options.columns, options.defaultSort), limit };
}

/**
 * `url` with some query parameters replaced (`null` removes one), as a relative link. Used for
 * sort headers, «Показать ещё» and resets, so every other parameter of the page survives.
 */
export function hrefWith(url: URL, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(url.searchParams);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === '') params.delete(name);
    else params.set(name, value);
  }
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/** The URL parameters a list's export repeats: its search and order (never `limit`). */
export const EXPORT_PARAMS: readonly string[] = ['q', 'sort', 'dir'];

/**
 * The export link of a list: the same search and order, all rows (no `limit`). Pages whose lists
 * have more in the URL (a year, filters) name those parameters too.
 */
export function exportHref(url: URL, exportPath: string, names: readonly string[] = EXPORT_PARAMS): string {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = url.searchParams.get(name);
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `${exportPath}?${query}` : exportPath;
}

/** The first `limit` rows of a sorted list and what the page needs to offer more. */
export interface ListWindow<Row> {
  rows: Row[];
  shown: number;
  total: number;
  hasMore: boolean;
  nextLimit: number;
}

export function takeWindow<Row>(rows: readonly Row[], limit: number, pageSize: number): ListWindow<Row> {
  const shown = rows.slice(0, limit);
  return {
    rows: shown,
    shown: shown.length,
    total: rows.length,
    hasMore: rows.length > limit,
    nextLimit: limit + pageSize,
  };
}

/**
 * What a list page gets from its load: the query it shows (from the URL), the rows on screen and
 * the sums of the numeric columns over the whole list (not just the rows on screen).
 */
export interface ListPage<Row, Column extends string> {
  query: ListQuery<Column>;
  /** False when the list was longer than MAX_LIST_ROWS and got cut. */
  complete: boolean;
  /** Rows per «Показать ещё» step. */
  pageSize: number;
  window: ListWindow<Row>;
  totals: Partial<Record<Column, number>>;
}
