import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { AccessScope } from './access-scope.js';
import { scopePredicate, type ScopeColumns } from './scoped-sql.js';
import {
  checkPageSize,
  decodeCursor,
  HierarchyOrder,
  type Page,
  type ListArgs,
  MAX_PAGE_SIZE,
  type PageArgs,
  pagesByParent,
} from '../../graphql/pagination.js';

/** A table listed page by page, either whole or under a parent column (region_id, …). */
export interface ListedTable<T> {
  entity: EntityClass<T>;
  table: string;
  /** Its hierarchy path columns; every query over it is limited to the caller's scope. */
  scopeColumns: ScopeColumns;
  /** Columns the `search` argument looks in (case-insensitive substring). */
  searchColumns: readonly string[];
}

const SORT_COLUMN: Record<HierarchyOrder, string> = {
  [HierarchyOrder.NAME]: 'name',
  [HierarchyOrder.CODE]: 'code',
};

function searchPattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Per-request, scope-limited reads of listed tables. A list nested under N parents costs one
 * statement for the pages (a window function numbers rows per parent) and one for the counts,
 * not N of each. Rows outside the caller's scope are never selected, so a lookup of a foreign
 * code answers exactly like an unknown one.
 */
export class ScopedLists {
  private readonly loaders = new Map<string, DataLoader<number, unknown>>();

  constructor(
    private readonly em: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  /** One row by its external code, or null when it does not exist or lies outside the scope. */
  async byCode<T extends { id: number }>(listed: ListedTable<T>, code: string): Promise<T | null> {
    const scoped = scopePredicate(this.scope, 't', listed.scopeColumns);
    const [row] = await this.em
      .getConnection()
      .execute<Record<string, unknown>[]>(
        `select t.* from ${listed.table} t where t.code = ? and ${scoped.sql}`,
        [code.trim(), ...scoped.params],
      );
    return row ? this.em.map(listed.entity, row as never) : null;
  }

  /**
   * Every visible row of a short table in one list (the 89 regions): no paging, a hard cap
   * of MAX_PAGE_SIZE rows so a misuse on a long table fails loudly instead of slowly.
   */
  async all<T extends { id: number }>(listed: ListedTable<T>, args: ListArgs): Promise<T[]> {
    const { clauses, params } = this.filters(listed, args);
    const rows: Record<string, unknown>[] = await this.em.getConnection().execute(
      `select t.* from ${listed.table} t where ${clauses.join(' and ')}
       order by t.${SORT_COLUMN[args.orderBy]}, t.id limit ${MAX_PAGE_SIZE + 1}`,
      params,
    );
    if (rows.length > MAX_PAGE_SIZE)
      throw new Error(`${listed.table}: больше ${MAX_PAGE_SIZE} строк, нужен постраничный список`);
    return rows.map((row) => this.em.map(listed.entity, row as never));
  }

  /** The page of `listed` rows whose `parentColumn` equals `parentId`. */
  children<T extends { id: number }>(
    listed: ListedTable<T>,
    parentColumn: string,
    parentId: number,
    args: PageArgs,
  ): Promise<Page<T>> {
    return this.pageLoader(listed, parentColumn, args).load(parentId);
  }

  private cached<V>(key: string, make: () => DataLoader<number, V>): DataLoader<number, V> {
    let loader = this.loaders.get(key) as DataLoader<number, V> | undefined;
    if (!loader) {
      loader = make();
      this.loaders.set(key, loader as DataLoader<number, unknown>);
    }
    return loader;
  }

  private pageLoader<T extends { id: number }>(
    listed: ListedTable<T>,
    parentColumn: string,
    args: PageArgs,
  ): DataLoader<number, Page<T>> {
    checkPageSize(args.first);
    const key = JSON.stringify(['page', listed.table, parentColumn, args]);
    return this.cached(
      key,
      () => new DataLoader((parents) => this.loadPages(listed, parentColumn, args, parents)),
    );
  }

  private countLoader(listed: ListedTable<object>, parentColumn: string, args: PageArgs) {
    const key = JSON.stringify(['count', listed.table, parentColumn, args.search ?? null]);
    return this.cached(
      key,
      () => new DataLoader((parents) => this.loadCounts(listed, parentColumn, args, parents)),
    );
  }

  /** Scope and search conditions shared by the page and count queries, so both always agree. */
  private filters(listed: ListedTable<object>, args: ListArgs) {
    const scoped = scopePredicate(this.scope, 't', listed.scopeColumns);
    const clauses: string[] = [scoped.sql];
    const params: unknown[] = [...scoped.params];
    if (args.search?.trim()) {
      const pattern = searchPattern(args.search);
      clauses.push(`(${listed.searchColumns.map((column) => `t.${column} ilike ?`).join(' or ')})`);
      params.push(...listed.searchColumns.map(() => pattern));
    }
    return { clauses, params };
  }

  private async loadPages<T extends { id: number }>(
    listed: ListedTable<T>,
    parentColumn: string,
    args: PageArgs,
    parents: readonly number[],
  ): Promise<Page<T>[]> {
    const sortColumn = SORT_COLUMN[args.orderBy];
    const { clauses, params } = this.filters(listed, args);
    if (args.after) {
      const cursor = decodeCursor(args.after);
      clauses.push(`(t.${sortColumn}, t.id) > (?, ?)`);
      params.push(cursor.sortKey, cursor.id);
    }
    clauses.push(`t.${parentColumn} = p.parent`);
    // One row more than asked tells whether a next page exists. A LATERAL subquery per parent
    // walks the (parent, sort, id) index and stops after first + 1 rows.
    const rows: Record<string, unknown>[] = await this.em.getConnection().execute(
      `select page.* from unnest(?::int[]) as p(parent) cross join lateral (
         select t.* from ${listed.table} t where ${clauses.join(' and ')} order by t.${sortColumn}, t.id limit ?
       ) page`,
      [`{${parents.join(',')}}`, ...params, args.first + 1],
    );

    const countLoader = this.countLoader(listed, parentColumn, args);
    return pagesByParent(parents, rows, {
      first: args.first,
      parentOf: (row) => row[parentColumn] as number,
      toNode: (row) => this.em.map(listed.entity, row as never),
      sortKeyOf: (node) => String((node as Record<string, unknown>)[sortColumn]),
      totalOf: (parent) => countLoader.load(parent),
    });
  }

  private async loadCounts(
    listed: ListedTable<object>,
    parentColumn: string,
    args: PageArgs,
    parents: readonly number[],
  ): Promise<number[]> {
    const { clauses, params } = this.filters(listed, args);
    clauses.push(`t.${parentColumn} = any(?::int[])`);
    params.push(`{${parents.join(',')}}`);
    const rows: { parent: number; total: string }[] = await this.em
      .getConnection()
      .execute(
        `select t.${parentColumn} as parent, count(*) as total from ${listed.table} t where ${clauses.join(' and ')} group by 1`,
        params,
      );
    const totals = new Map(rows.map((r) => [Number(r.parent), Number(r.total)]));
    return parents.map((parent) => totals.get(parent) ?? 0);
  }
}
