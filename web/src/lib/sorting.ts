/** Sorting of table rows by a column, with the state kept in the URL (`?sort=name&dir=desc`). */

export type SortDirection = 'asc' | 'desc';

export interface Sort<Column extends string = string> {
  column: Column;
  direction: SortDirection;
}

export type SortValue = string | number | null | undefined;

// Russian alphabetical order (ё beside е, case ignored) and codes compared as numbers: 5 < 28 < 52.
const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

function isMissing(value: SortValue): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

/** Ascending comparison of two present values: numbers numerically, text by Russian collation. */
export function compareSortValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A sorted copy of `rows`. Empty values go last in both directions (a missing ИНН is not «the
 * smallest» one); equal values keep the order given by `tieBreak`, so the result is stable.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  value: (row: Row) => SortValue,
  direction: SortDirection,
  tieBreak: (row: Row) => SortValue = () => null,
): Row[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row), tie: tieBreak(row) }))
    .sort((a, b) => {
      const aMissing = isMissing(a.key);
      const bMissing = isMissing(b.key);
      if (aMissing !== bMissing) return aMissing ? 1 : -1;
      if (!aMissing && !bMissing) {
        const order = compareSortValues(a.key as string | number, b.key as string | number);
        if (order !== 0) return sign * order;
      }
      if (!isMissing(a.tie) && !isMissing(b.tie)) {
        const order = compareSortValues(a.tie as string | number, b.tie as string | number);
        if (order !== 0) return order;
      }
      return a.index - b.index;
    })
    .map(({ row }) => row);
}

/** Reads `sort` and `dir` from the query string; unknown columns fall back rather than fail. */
export function parseSort<Column extends string>(
  params: URLSearchParams,
  columns: readonly Column[],
  fallback: Sort<Column>,
): Sort<Column> {
  const column = params.get('sort');
  if (!column || !(columns as readonly string[]).includes(column)) return fallback;
  return { column: column as Column, direction: params.get('dir') === 'desc' ? 'desc' : 'asc' };
}

/** Clicking a header: the sorted column flips its direction, another column starts ascending. */
export function nextSort<Column extends string>(current: Sort<Column>, column: Column): Sort<Column> {
  if (current.column === column) {
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { column, direction: 'asc' };
}

/** The `aria-sort` value of a header: only the sorted column carries one. */
export function ariaSort<Column extends string>(
  current: Sort<Column>,
  column: Column,
): 'ascending' | 'descending' | undefined {
  if (current.column !== column) return undefined;
  return current.direction === 'asc' ? 'ascending' : 'descending';
}
