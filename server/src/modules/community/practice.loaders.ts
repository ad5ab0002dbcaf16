import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { checkPageSize, decodeCursor, pagesByParent, type Page } from '../../graphql/pagination.js';
import type { AccessScope } from '../access/access-scope.js';
import { practiceVisibility } from './practice-visibility.js';
import type { MentoringPractice, PracticeListArgs } from './practice.type.js';

/** The hierarchy column a list of cases hangs under. */
export type PracticeParent = 'organization_id' | 'municipality_id' | 'region_id';

const intArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

const PRACTICE_COLUMNS = `p.id, p.organization_id, p.municipality_id, p.region_id, p.title, p.summary, p.form,
  p.stage, p.url, p.level, p.proposed, p.published_at, p.updated_at,
  o.code as author_code, coalesce(o.short_name, o.name) as author_name, m.name as author_municipality`;

const PRACTICE_FROM = `mentoring_practice p join organization o on o.id = p.organization_id
  join municipality m on m.id = p.municipality_id`;

function toPractice(row: Record<string, unknown>): MentoringPractice {
  return {
    id: row.id as number,
    title: row.title as string,
    summary: row.summary as string,
    form: row.form as MentoringPractice['form'],
    stage: row.stage as MentoringPractice['stage'],
    url: row.url as string | null,
    level: row.level as MentoringPractice['level'],
    proposed: row.proposed as boolean,
    publishedAt: row.published_at as Date,
    updatedAt: row.updated_at as Date,
    author: {
      organizationCode: row.author_code as string,
      organizationName: row.author_name as string,
      municipalityName: row.author_municipality as string,
    },
  };
}

function searchPattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Pages of cases under schools, municipalities or regions: one statement for the pages of any
 * number of parents and one for their counts. Only cases the caller may read are ever selected.
 */
export function createPracticeLoaders(em: EntityManager, scope: AccessScope) {
  const pages = new Map<string, DataLoader<number, Page<MentoringPractice>>>();
  const counts = new Map<string, DataLoader<number, number>>();

  function filters(args: PracticeListArgs) {
    const visible = practiceVisibility(scope, 'p');
    const clauses = [visible.sql];
    const params: unknown[] = [...visible.params];
    if (args.level) {
      clauses.push('p.level = ?');
      params.push(args.level);
    }
    if (args.search?.trim()) {
      clauses.push('(p.title ilike ? or p.summary ilike ?)');
      params.push(searchPattern(args.search), searchPattern(args.search));
    }
    return { clauses, params };
  }

  function countLoader(parent: PracticeParent, args: PracticeListArgs) {
    const key = JSON.stringify([parent, args.level ?? null, args.search ?? null]);
    let loader = counts.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const { clauses, params } = filters(args);
        const rows = await em.execute<{ parent: number; total: number }[]>(
          `select p.${parent} as parent, count(*)::int as total from mentoring_practice p
           where p.${parent} = any(?::int[]) and ${clauses.join(' and ')} group by 1`,
          [intArray(ids), ...params],
        );
        const totals = new Map(rows.map((row) => [row.parent, row.total]));
        return ids.map((id) => totals.get(id) ?? 0);
      });
      counts.set(key, loader);
    }
    return loader;
  }

  async function loadPages(parent: PracticeParent, args: PracticeListArgs, ids: readonly number[]) {
    const { clauses, params } = filters(args);
    if (args.after) {
      clauses.push('p.id < ?');
      params.push(decodeCursor(args.after).id);
    }
    // Newest first; a LATERAL subquery per parent stops after first + 1 rows.
    const rows = await em.execute<Record<string, unknown>[]>(
      `select page.* from unnest(?::int[]) as parent(id) cross join lateral (
         select ${PRACTICE_COLUMNS} from ${PRACTICE_FROM}
         where p.${parent} = parent.id and ${clauses.join(' and ')} order by p.id desc limit ?
       ) page`,
      [intArray(ids), ...params, args.first + 1],
    );
    const totals = countLoader(parent, args);
    return pagesByParent(ids, rows, {
      first: args.first,
      parentOf: (row) => row[parent] as number,
      toNode: toPractice,
      sortKeyOf: () => '',
      totalOf: (id) => totals.load(id),
    });
  }

  return {
    /** A page of the cases under one school, municipality or region that the caller may read. */
    page(parent: PracticeParent, parentId: number, args: PracticeListArgs): Promise<Page<MentoringPractice>> {
      checkPageSize(args.first);
      const key = JSON.stringify([
        parent,
        args.first,
        args.after ?? null,
        args.level ?? null,
        args.search ?? null,
      ]);
      let loader = pages.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => loadPages(parent, args, ids));
        pages.set(key, loader);
      }
      return loader.load(parentId);
    },
    /** One case the caller may read, or null. */
    byId: new DataLoader<number, MentoringPractice | null>(async (ids) => {
      const visible = practiceVisibility(scope, 'p');
      const rows = await em.execute<Record<string, unknown>[]>(
        `select ${PRACTICE_COLUMNS} from ${PRACTICE_FROM} where p.id = any(?::int[]) and ${visible.sql}`,
        [intArray(ids), ...visible.params],
      );
      const byId = new Map(rows.map((row) => [row.id as number, toPractice(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type PracticeLoaders = ReturnType<typeof createPracticeLoaders>;
