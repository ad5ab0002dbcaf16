import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessScope } from '../access/access-scope.js';
import { scopePredicate } from '../access/scoped-sql.js';
import { academicYearPeriod } from './academic-year.js';
import { ROADMAP_SCOPE_COLUMNS } from './roadmap-access.js';
import {
  PROGRESS_COLUMNS,
  progressOf,
  progressParams,
  type ProgressRow,
  type RoadmapProgress,
} from './roadmap-progress.js';
import { RoadmapStatus } from './roadmap.enums.js';

/**
 * The roadmap that counts for each school in a year: the latest one whose period touches the
 * year (a school may keep a 2021–2024 roadmap and then a yearly one).
 */
const CHOSEN_SCHOOL_ROADMAPS = `
  chosen as (
    select distinct on (r.organization_id) r.id, r.organization_id, r.status, r.updated_at
    from roadmap r
    where r.level = 'ORGANIZATION' and r.period_from <= ?::date and r.period_to >= ?::date and %FILTER%
    order by r.organization_id, r.period_from desc, r.id desc
  )`;

export interface SchoolRoadmapRow {
  organizationId: number;
  roadmapId: number | null;
  status: RoadmapStatus | null;
  lastUpdatedAt: Date | null;
  progress: RoadmapProgress;
}

/** Every school of a municipality in scope with its roadmap's state and progress: one statement. */
export async function schoolRoadmapRows(
  em: EntityManager,
  scope: AccessScope,
  municipalityId: number,
  academicYear: number,
  asOf: string,
): Promise<SchoolRoadmapRow[]> {
  const year = academicYearPeriod(academicYear);
  const schools = scopePredicate(scope, 'o', {
    region: 'region_id',
    municipality: 'municipality_id',
    organization: 'id',
  });
  const rows = await em.execute<
    (ProgressRow & {
      organization_id: number;
      roadmap_id: number | null;
      status: RoadmapStatus | null;
      last_updated_at: string | null;
    })[]
  >(
    `with ${CHOSEN_SCHOOL_ROADMAPS.replace('%FILTER%', 'r.municipality_id = ?')}
     select o.id as organization_id, c.id as roadmap_id, c.status,
            greatest(c.updated_at, max(i.updated_at)) as last_updated_at, ${PROGRESS_COLUMNS}
     from organization o
     left join chosen c on c.organization_id = o.id
     left join roadmap_item i on i.roadmap_id = c.id
     where o.municipality_id = ? and ${schools.sql}
     group by o.id, c.id, c.status, c.updated_at
     order by o.name, o.id`,
    [year.to, year.from, municipalityId, ...progressParams(asOf), municipalityId, ...schools.params],
  );
  return rows.map((row) => ({
    organizationId: row.organization_id,
    roadmapId: row.roadmap_id,
    status: row.status,
    // Raw rows carry timestamps as text; the GraphQL DateTime wants a Date.
    lastUpdatedAt: row.last_updated_at === null ? null : new Date(row.last_updated_at),
    progress: progressOf(row),
  }));
}

export interface UnitCompletionRow {
  unitId: number;
  code: string;
  name: string;
  organizations: number;
  withRoadmap: number;
  agreed: number;
  progress: RoadmapProgress;
}

/**
 * School roadmaps rolled up per municipality of a region, or per region of the country:
 * one statement over the schools in scope, grouped by the unit's id.
 */
export async function unitCompletionRows(
  em: EntityManager,
  scope: AccessScope,
  regionId: number | null,
  academicYear: number,
  asOf: string,
): Promise<UnitCompletionRow[]> {
  const year = academicYearPeriod(academicYear);
  const unit =
    regionId === null
      ? { table: 'region', column: 'region_id' }
      : { table: 'municipality', column: 'municipality_id' };
  const schools = scopePredicate(scope, 'o', {
    region: 'region_id',
    municipality: 'municipality_id',
    organization: 'id',
  });
  const roadmaps = scopePredicate(scope, 'r', ROADMAP_SCOPE_COLUMNS);
  const regionFilter = regionId === null ? 'true' : 'o.region_id = ?';
  const rows = await em.execute<
    (ProgressRow & {
      unit_id: number;
      code: string;
      name: string;
      organizations: number;
      with_roadmap: number;
      agreed: number;
    })[]
  >(
    `with ${CHOSEN_SCHOOL_ROADMAPS.replace('%FILTER%', `${roadmaps.sql}${regionId === null ? '' : ' and r.region_id = ?'}`)},
     per_school as (
       select o.${unit.column} as unit_id, c.id as roadmap_id, c.status
       from organization o left join chosen c on c.organization_id = o.id
       where ${regionFilter} and ${schools.sql}
     ),
     schools as (
       select unit_id, count(*)::int as organizations, count(roadmap_id)::int as with_roadmap,
              count(*) filter (where status = 'AGREED')::int as agreed
       from per_school group by unit_id
     ),
     items as (
       select s.unit_id, ${PROGRESS_COLUMNS}
       from per_school s join roadmap_item i on i.roadmap_id = s.roadmap_id
       -- Redundant with the join, but lets the planner read one region's items by index.
       where ${regionId === null ? 'true' : 'i.region_id = ?'}
       group by s.unit_id
     )
     select u.id as unit_id, u.code, u.name, s.organizations, s.with_roadmap, s.agreed,
            coalesce(items.items_total, 0) as items_total, coalesce(items.due_by_date, 0) as due_by_date,
            coalesce(items.due_done, 0) as due_done, coalesce(items.done, 0) as done,
            coalesce(items.done_on_time, 0) as done_on_time, coalesce(items.overdue, 0) as overdue,
            coalesce(items.not_done, 0) as not_done, coalesce(items.cancelled, 0) as cancelled
     from schools s join ${unit.table} u on u.id = s.unit_id
     left join items on items.unit_id = s.unit_id
     order by u.name, u.id`,
    [
      year.to,
      year.from,
      ...roadmaps.params,
      ...(regionId === null ? [] : [regionId]),
      ...(regionId === null ? [] : [regionId]),
      ...schools.params,
      ...progressParams(asOf),
      ...(regionId === null ? [] : [regionId]),
    ],
  );
  return rows.map((row) => ({
    unitId: row.unit_id,
    code: row.code,
    name: row.name,
    organizations: row.organizations,
    withRoadmap: row.with_roadmap,
    agreed: row.agreed,
    progress: progressOf(row),
  }));
}

export interface OverdueItemRow {
  id: number;
  due_to: string;
  days_late: number;
}

/** Open items past their deadline in a municipality, the latest first; keyset paged by (due_to, id). */
export async function overdueItemRows(
  em: EntityManager,
  scope: AccessScope,
  municipalityId: number,
  academicYear: number,
  asOf: string,
  first: number,
  after: { dueTo: string; id: number } | null,
): Promise<{ rows: OverdueItemRow[]; total: () => Promise<number> }> {
  const year = academicYearPeriod(academicYear);
  const scoped = scopePredicate(scope, 'i', ROADMAP_SCOPE_COLUMNS);
  const where = `i.municipality_id = ? and i.organization_id is not null and ${scoped.sql}
      and i.status in ('PLANNED', 'IN_PROGRESS') and i.due_to < ?::date
      and i.roadmap_id in (select r.id from roadmap r where r.level = 'ORGANIZATION' and r.municipality_id = ?
                             and r.period_from <= ?::date and r.period_to >= ?::date)`;
  const params = [municipalityId, ...scoped.params, asOf, municipalityId, year.to, year.from];
  const rows = await em.execute<OverdueItemRow[]>(
    `select i.id, i.due_to::text as due_to, (?::date - i.due_to) as days_late
     from roadmap_item i where ${where} ${after ? 'and (i.due_to, i.id) > (?::date, ?)' : ''}
     order by i.due_to, i.id limit ?`,
    [asOf, ...params, ...(after ? [after.dueTo, after.id] : []), first + 1],
  );
  return {
    rows,
    total: async () => {
      const [{ total }] = await em.execute<{ total: number }[]>(
        `select count(*)::int as total from roadmap_item i where ${where}`,
        params,
      );
      return total;
    },
  };
}
