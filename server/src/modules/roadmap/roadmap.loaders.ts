import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader } from '../../graphql/by-id-loader.js';
import type { AccessScope } from '../access/access-scope.js';
import { scopePredicate } from '../access/scoped-sql.js';
import { ROADMAP_SCOPE_COLUMNS } from './roadmap-access.js';
import { RoadmapItem } from './roadmap-item.entity.js';
import {
  PROGRESS_COLUMNS,
  progressOf,
  progressParams,
  type ProgressRow,
  type RoadmapProgress,
} from './roadmap-progress.js';
import { RoadmapSection } from './roadmap-section.entity.js';
import { academicYearPeriod } from './academic-year.js';
import { Roadmap } from './roadmap.entity.js';
import type { RoadmapLevel } from './roadmap.enums.js';

/** Groups rows by a key column into the order DataLoader asks for. */
function groupBy<T>(keys: readonly number[], rows: T[], keyOf: (row: T) => number): T[][] {
  const groups = new Map<number, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

const OWNER_COLUMN: Record<RoadmapLevel, 'region_id' | 'municipality_id' | 'organization_id'> = {
  REGION: 'region_id',
  MUNICIPALITY: 'municipality_id',
  ORGANIZATION: 'organization_id',
};

/**
 * Per-request loaders for roadmaps: a page listing many roadmaps or items costs one statement
 * per kind of data, not one per row. Roadmaps are looked up within the caller's scope.
 */
export function createRoadmapLoaders(em: EntityManager, scope: AccessScope) {
  const progress = new Map<string, DataLoader<number, RoadmapProgress>>();
  const byOwner = new Map<string, DataLoader<number, Roadmap | null>>();
  return {
    itemsByRoadmap: new DataLoader<number, RoadmapItem[]>(async (ids) => {
      const items = await em.find(
        RoadmapItem,
        { roadmap: { $in: [...ids] } },
        { orderBy: { position: 'asc' } },
      );
      return groupBy(ids, items, (item) => item.roadmap.id);
    }),
    sectionsByRoadmap: new DataLoader<number, RoadmapSection[]>(async (ids) => {
      const sections = await em.find(
        RoadmapSection,
        { roadmap: { $in: [...ids] } },
        { orderBy: { position: 'asc' } },
      );
      return groupBy(ids, sections, (section) => section.roadmap.id);
    }),
    /** By id, for ids reached through scoped queries (a tracker row's roadmap). */
    roadmapById: byIdLoader(em, Roadmap),
    sectionById: new DataLoader<number, RoadmapSection>(async (ids) => {
      const sections = await em.find(RoadmapSection, { id: { $in: [...ids] } });
      const byId = new Map(sections.map((section) => [section.id, section]));
      return ids.map((id) => byId.get(id) ?? new Error(`раздел ${id} не найден`));
    }),
    /** Progress of roadmaps at a date; one GROUP BY per date asked. */
    progress(asOf: string): DataLoader<number, RoadmapProgress> {
      let loader = progress.get(asOf);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const rows = await em.execute<(ProgressRow & { roadmap_id: number })[]>(
            `select r.id as roadmap_id, ${PROGRESS_COLUMNS}
             from roadmap r left join roadmap_item i on i.roadmap_id = r.id
             where r.id = any(?::int[]) group by r.id`,
            [...progressParams(asOf), `{${ids.join(',')}}`],
          );
          const byId = new Map(rows.map((row) => [row.roadmap_id, progressOf(row)]));
          return ids.map((id) => byId.get(id)!);
        });
        progress.set(asOf, loader);
      }
      return loader;
    },
    /** The roadmap an owner keeps for an academic year (the latest touching it), or null. */
    ownRoadmap(level: RoadmapLevel, academicYear: number): DataLoader<number, Roadmap | null> {
      const key = `${level}:${academicYear}`;
      let loader = byOwner.get(key);
      if (!loader) {
        const column = OWNER_COLUMN[level];
        const year = academicYearPeriod(academicYear);
        loader = new DataLoader(async (ownerIds) => {
          const scoped = scopePredicate(scope, 'r', ROADMAP_SCOPE_COLUMNS);
          const rows = await em.execute<Record<string, unknown>[]>(
            `select distinct on (r.${column}) r.* from roadmap r
             where r.level = ? and r.${column} = any(?::int[]) and r.period_from <= ?::date and r.period_to >= ?::date
               and ${scoped.sql}
             order by r.${column}, r.period_from desc, r.id desc`,
            [level, `{${ownerIds.join(',')}}`, year.to, year.from, ...scoped.params],
          );
          const byId = new Map(rows.map((row) => [row[column] as number, em.map(Roadmap, row as never)]));
          return ownerIds.map((id) => byId.get(id) ?? null);
        });
        byOwner.set(key, loader);
      }
      return loader;
    },
  };
}

export type RoadmapLoaders = ReturnType<typeof createRoadmapLoaders>;
