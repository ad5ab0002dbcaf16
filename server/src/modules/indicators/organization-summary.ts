import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { periodLocked } from '../../graphql/errors.js';
import { SUMMARY_MEASURES, type SummaryMeasure, type SummarySourceName } from './summary-measures.js';
import { CURRENT_ACADEMIC_YEAR } from './summary-sources.js';
import {
  ALL_ORGANIZATIONS,
  measureType,
  organizationsWithIds,
  REFRESHED_ORGANIZATIONS,
  REFRESHED_ORGANIZATIONS_SETTING,
  recomputeSql,
  zeroedRow,
  type OrganizationSet,
} from './summary-sql.js';

/**
 * The refresh runs as a named prepared statement: its SQL text is the same for any set of
 * organisations, so each connection plans it once instead of on every write (planning this
 * statement costs about as much as running it for one school).
 */
const REFRESH_STATEMENT = 'summary_refresh';
const PREPARED_REFRESH_MAX = 8;

/** A knex (transaction) or an EntityManager inside `transactional`: write paths hold either. */
export type SummaryDb = Knex | EntityManager;

function knexOf(db: SummaryDb): Knex {
  return 'getKnex' in db ? (db.getTransactionContext<Knex.Transaction>() ?? db.getKnex()) : db;
}

const MEASURES = SUMMARY_MEASURES;
const NAMES = MEASURES.map((measure) => measure.name);
const list = (render: (name: string, measure: SummaryMeasure) => string, separator = ', ') =>
  MEASURES.map((measure) => render(measure.name, measure)).join(separator);

const academicYearName = (year: number) => `${year}/${year + 1}`;

/**
 * Recomputes the summary rows of these organisations from their base rows, for every academic
 * year with data (and every year with a stored row, so a year that lost its data is removed),
 * and adds each row's change (new − old) to its municipality's and region's rows. Call it at
 * the end of every write transaction that changes base data, with that transaction.
 *
 * Two statements whatever the number of organisations: the organisation locks, then one
 * statement that recomputes, compares, checks period locks and writes all three levels — the
 * organisation rows first, then municipalities, then regions, each in key order, so concurrent
 * writers take row locks in the same order and cannot deadlock. A changed row of a locked
 * organisation-year refuses the whole write with PERIOD_LOCKED, and nothing is written.
 *
 * `academicYear`: the write changed figures of this year only (a contingent, a report), so
 * only its rows are recomputed — about half the work of every year. `onlySources`: it changed
 * only these sources and left them with data in that year (a contingent entered, not removed),
 * so only their measures are recomputed and the rest stays as stored (recomputeSql).
 */
export async function refreshOrganizationSummaries(
  db: SummaryDb,
  organizationIds: readonly (number | null | undefined)[],
  options: { academicYear?: number; onlySources?: readonly SummarySourceName[] } = {},
): Promise<void> {
  // Roadmaps of municipalities and regions have no organisation: nothing of theirs is summarised.
  const ids = [...new Set(organizationIds.filter((id): id is number => typeof id === 'number'))].sort(
    (a, b) => a - b,
  );
  if (ids.length === 0) return;
  const knex = knexOf(db);
  // The setting below lives as long as the transaction: a caller without one gets its own.
  if (!knex.isTransaction) return knex.transaction((trx) => refreshOrganizationSummaries(trx, ids, options));
  // Row locks on the organisations, in id order: a second write to the same organisation waits
  // here, and its recompute then sees the first one's rows. NO KEY UPDATE does not block inserts
  // that reference the organisation (they take KEY SHARE). Whoever inserts a period_lock row
  // refreshes first, so it holds this lock and no write slips past a new lock.
  // The ids for the recompute go in a transaction-local setting (REFRESHED_ORGANIZATIONS).
  await knex.raw(
    `with locked as (select id from organization where id = any(?::int[]) order by id for no key update)
     select set_config('${REFRESHED_ORGANIZATIONS_SETTING}', ?, true), (select count(*) from locked)`,
    [`{${ids.join(',')}}`, `{${ids.join(',')}}`],
  );
  // A write of a few schools runs the prepared statement; an import of many is planned for its size
  // (the prepared plan is made for a few and would read a whole region school by school).
  const prepared = ids.length <= PREPARED_REFRESH_MAX;
  const organizations = prepared ? REFRESHED_ORGANIZATIONS : organizationsWithIds(ids);
  const year = options.academicYear === undefined ? undefined : Math.trunc(options.academicYear);
  const { onlySources } = options;
  const { ctes, params } = recomputeSql({ organizations, academicYear: year, onlySources });
  const unchangedSums = `row(${list(() => '0')})`;
  const violations = await knex
    .raw<{
      rows: { organization_id: number; academic_year: number; name: string }[];
    }>(
      `${ctes},
     summary_old as (
       select * from organization_summary s
       where ${organizations.within!('s')}${year === undefined ? '' : ` and s.academic_year = ${year}`}
     ),
     summary_changed as (
       select coalesce(n.organization_id, s.organization_id) as organization_id,
              coalesce(n.academic_year, s.academic_year) as academic_year,
              n.organization_id is null as vanished,
              n.region_id as new_region_id, n.municipality_id as new_municipality_id,
              s.region_id as old_region_id, s.municipality_id as old_municipality_id,
              ${list((name) => `n.${name} as new_${name}, s.${name} as old_${name}`)}
       from summary_recomputed n
       -- Recomputing some sources only, a row they have no data in is not known to have vanished.
       ${onlySources ? 'left' : 'full'} join summary_old s
         on s.organization_id = n.organization_id and s.academic_year = n.academic_year
       where ${zeroedRow('n')} is distinct from ${zeroedRow('s')}
          or n.municipality_id is distinct from s.municipality_id or n.region_id is distinct from s.region_id
     ),
     summary_violations as (
       select c.organization_id, c.academic_year from summary_changed c
       join period_lock l on l.organization_id = c.organization_id and l.academic_year = c.academic_year
     ),
     summary_org_upserted as (
       insert into organization_summary (organization_id, region_id, municipality_id, academic_year, ${NAMES.join(', ')})
       select organization_id, new_region_id, new_municipality_id, academic_year, ${list((name) => `new_${name}`)}
       from summary_changed
       where not vanished and not exists (select 1 from summary_violations)
       order by organization_id, academic_year
       on conflict (organization_id, academic_year) do update set
         region_id = excluded.region_id, municipality_id = excluded.municipality_id,
         ${list((name) => `${name} = excluded.${name}`)}
       returning 1
     ),
     summary_org_deleted as (
       delete from organization_summary s using summary_changed c
       where c.vanished and s.organization_id = c.organization_id and s.academic_year = c.academic_year
         and not exists (select 1 from summary_violations)
       returning 1
     ),
     -- The counts make the organisation rows be written before any municipality row is touched.
     summary_deltas as (
       select municipality_id, region_id, academic_year, ${list((name) => `sum(${name}) as ${name}`)}
       from (
         select new_municipality_id as municipality_id, new_region_id as region_id, academic_year,
                ${list((name) => `new_${name} as ${name}`)}
         from summary_changed where not vanished
         union all
         select old_municipality_id, old_region_id, academic_year, ${list((name) => `-old_${name}`)}
         from summary_changed where old_municipality_id is not null
       ) as change
       where not exists (select 1 from summary_violations)
         and (select count(*) from summary_org_upserted) + (select count(*) from summary_org_deleted) >= 0
       group by municipality_id, region_id, academic_year
     ),
     summary_municipality_upserted as (
       insert into municipality_summary (municipality_id, region_id, academic_year, ${NAMES.join(', ')})
       select municipality_id, region_id, academic_year, ${NAMES.join(', ')}
       from summary_deltas
       where row(${NAMES.join(', ')}) <> ${unchangedSums}
       order by municipality_id, academic_year
       on conflict (municipality_id, academic_year) do update set
         ${list((name) => `${name} = municipality_summary.${name} + excluded.${name}`)}
       returning 1
     ),
     summary_region_upserted as (
       insert into region_summary (region_id, academic_year, ${NAMES.join(', ')})
       select region_id, academic_year, ${list((name) => `sum(${name})`)}
       from summary_deltas
       where (select count(*) from summary_municipality_upserted) >= 0
       group by region_id, academic_year
       having row(${list((name) => `sum(${name})`)}) <> ${unchangedSums}
       order by region_id, academic_year
       on conflict (region_id, academic_year) do update set
         ${list((name) => `${name} = region_summary.${name} + excluded.${name}`)}
       returning 1
     )
     select v.organization_id, v.academic_year, o.name
     from summary_violations v join organization o on o.id = v.organization_id
     order by o.name, v.academic_year`,
      params,
    )
    // The year and sources are written into the SQL text: one prepared statement per combination.
    .options(prepared ? { name: [REFRESH_STATEMENT, year ?? 'all', ...(onlySources ?? [])].join('_') } : {});
  const locked = violations.rows;
  if (locked.length > 0) {
    const periods = locked
      .slice(0, 3)
      .map((row) => `«${row.name}» за ${academicYearName(row.academic_year)} учебный год`)
      .join(', ');
    throw periodLocked(
      `Период закрыт: отчёт ОО ${periods}${locked.length > 3 ? ` и ещё ${locked.length - 3}` : ''} ` +
        'утверждён и заблокирован субъектом РФ, а изменение затрагивает его показатели. ' +
        'Внести его можно после того, как субъект РФ снимет блокировку.',
    );
  }
}

/**
 * Organisations among these codes whose summary rows lie under another municipality or region
 * than the directory now says: a directory import moved them, and their rows (and the sums of
 * both municipalities) must follow. New organisations have no rows and need nothing.
 */
export async function organizationsMovedInDirectory(
  db: SummaryDb,
  codes: readonly string[],
): Promise<number[]> {
  if (codes.length === 0) return [];
  const result = await knexOf(db).raw<{ rows: { id: number }[] }>(
    `select distinct o.id from organization o
     join organization_summary s on s.organization_id = o.id
     where o.code in (select jsonb_array_elements_text(?::jsonb))
       and (s.municipality_id <> o.municipality_id or s.region_id <> o.region_id)`,
    [JSON.stringify(codes)],
  );
  return result.rows.map((row) => row.id);
}

export interface RebuildTimings {
  organizationRows: number;
  municipalityRows: number;
  regionRows: number;
  /** Milliseconds per step. */
  organizationsMs: number;
  municipalitiesMs: number;
  regionsMs: number;
}

/**
 * Recomputes the whole summary from base rows in one transaction (set-based, all
 * organisations). Writers wait on the organisation locks meanwhile; readers keep seeing the old
 * rows until it commits. Period locks do not apply: this restores what the base rows say.
 */
export async function rebuildSummaries(db: SummaryDb): Promise<RebuildTimings> {
  const run = async (trx: Knex) => {
    await trx.raw(`select id from organization order by id for no key update`);
    await trx.raw(`delete from region_summary`);
    await trx.raw(`delete from municipality_summary`);
    await trx.raw(`delete from organization_summary`);
    const { ctes, params } = recomputeSql({ organizations: ALL_ORGANIZATIONS });
    const timed = async (sql: string, bindings: readonly (string | number)[] = []) => {
      const started = performance.now();
      const result = await trx.raw<{ rowCount: number }>(sql, [...bindings]);
      return { rows: result.rowCount, ms: performance.now() - started };
    };
    const organizations = await timed(
      `insert into organization_summary (organization_id, region_id, municipality_id, academic_year, ${NAMES.join(', ')})
       ${ctes}
       select organization_id, region_id, municipality_id, academic_year, ${NAMES.join(', ')} from summary_recomputed`,
      params,
    );
    const municipalities = await timed(
      `insert into municipality_summary (municipality_id, region_id, academic_year, ${NAMES.join(', ')})
       select municipality_id, region_id, academic_year, ${list((name) => `sum(${name})`)}
       from organization_summary group by municipality_id, region_id, academic_year`,
    );
    // The rebuilt rows reach the current academic year: no rollover is pending.
    await trx.raw(
      `update summary_state set academic_year = ${CURRENT_ACADEMIC_YEAR}, rollover_year = null,
         rollover_after_organization_id = null`,
    );
    const regions = await timed(
      `insert into region_summary (region_id, academic_year, ${NAMES.join(', ')})
       select region_id, academic_year, ${list((name) => `sum(${name})`)}
       from municipality_summary group by region_id, academic_year`,
    );
    return {
      organizationRows: organizations.rows,
      municipalityRows: municipalities.rows,
      regionRows: regions.rows,
      organizationsMs: organizations.ms,
      municipalitiesMs: municipalities.ms,
      regionsMs: regions.ms,
    };
  };
  const knex = knexOf(db);
  return knex.isTransaction ? run(knex) : knex.transaction(run);
}

export type SummaryLevel = 'ORGANIZATION' | 'MUNICIPALITY' | 'REGION';

export interface SummaryDifference {
  level: SummaryLevel;
  unitId: number;
  academicYear: number;
  /** Each differing measure (or path column) with [recomputed, stored]. */
  differences: Record<string, [unknown, unknown]>;
}

/** jsonb_build_object takes at most 100 arguments: build the object in chunks and join them. */
function jsonObject(entries: [string, string][]): string {
  const chunks: string[] = [];
  for (let start = 0; start < entries.length; start += 40) {
    const pairs = entries.slice(start, start + 40).map(([key, value]) => `'${key}', ${value}`);
    chunks.push(`jsonb_build_object(${pairs.join(', ')})`);
  }
  return `jsonb_strip_nulls(${chunks.join(' || ')})`;
}

function differing(expected: string, stored: string, extra: [string, string, string][] = []): string {
  const entries: [string, string][] = NAMES.map((name) => [
    name,
    `case when coalesce(${expected}.${name}, 0) <> coalesce(${stored}.${name}, 0)
          then jsonb_build_array(coalesce(${expected}.${name}, 0), coalesce(${stored}.${name}, 0)) end`,
  ]);
  for (const [key, left, right] of extra)
    entries.push([
      key,
      `case when ${left} is not null and ${right} is not null and ${left} <> ${right}
            then jsonb_build_array(${left}, ${right}) end`,
    ]);
  return jsonObject(entries);
}

/**
 * Rows where the stored summary differs from a recomputation from base rows, at all three
 * levels (a missing row equals a row of zeros). Empty when the write path kept it exact.
 */
export async function summaryDifferences(db: SummaryDb, limit = 100): Promise<SummaryDifference[]> {
  const { ctes, params } = recomputeSql({ organizations: ALL_ORGANIZATIONS });
  const sums = list((name) => `sum(${name}) as ${name}`);
  const result = await knexOf(db).raw<{
    rows: {
      level: SummaryLevel;
      unit_id: number;
      academic_year: number;
      differences: Record<string, [unknown, unknown]>;
    }[];
  }>(
    `${ctes},
     expected_municipality as (
       select municipality_id, region_id, academic_year, ${sums} from summary_recomputed
       group by municipality_id, region_id, academic_year
     ),
     expected_region as (
       select region_id, academic_year, ${sums} from summary_recomputed group by region_id, academic_year
     ),
     differences as (
       select 'ORGANIZATION' as level, coalesce(n.organization_id, s.organization_id) as unit_id,
              coalesce(n.academic_year, s.academic_year) as academic_year,
              ${differing('n', 's', [
                ['municipality_id', 'n.municipality_id', 's.municipality_id'],
                ['region_id', 'n.region_id', 's.region_id'],
              ])} as differences
       from summary_recomputed n
       full join organization_summary s on s.organization_id = n.organization_id and s.academic_year = n.academic_year
       union all
       select 'MUNICIPALITY', coalesce(n.municipality_id, s.municipality_id), coalesce(n.academic_year, s.academic_year),
              ${differing('n', 's', [['region_id', 'n.region_id', 's.region_id']])}
       from expected_municipality n
       full join municipality_summary s on s.municipality_id = n.municipality_id and s.academic_year = n.academic_year
       union all
       select 'REGION', coalesce(n.region_id, s.region_id), coalesce(n.academic_year, s.academic_year),
              ${differing('n', 's')}
       from expected_region n
       full join region_summary s on s.region_id = n.region_id and s.academic_year = n.academic_year
     )
     select level, unit_id, academic_year, differences from differences
     where differences <> '{}'::jsonb
     order by level, unit_id, academic_year
     limit ${Math.trunc(limit)}`,
    params,
  );
  return result.rows.map((row) => ({
    level: row.level,
    unitId: row.unit_id,
    academicYear: row.academic_year,
    differences: row.differences,
  }));
}

export type MeasureValues = Record<string, number>;

export interface MeasuresOnDateOptions {
  academicYear: number;
  /** The date ages are taken on (YYYY-MM-DD); the summary itself uses 1 January of Y+1. */
  on: string;
  /** Which organisations: a predicate over `organization o` (e.g. `o.region_id = ?`). */
  organizationPredicate: OrganizationSet;
  /** Only these measures; by default those that depend on age. */
  measures?: readonly string[];
  /** How to add the organisations' rows up; by default one row per organisation. */
  groupBy?: 'organization' | 'municipality' | 'region' | 'total';
}

export interface MeasuresOnDateRow {
  /** The organisation, municipality or region id by groupBy; null for the total. */
  unitId: number | null;
  values: MeasureValues;
}

const GROUP_COLUMN = {
  organization: 'organization_id',
  municipality: 'municipality_id',
  region: 'region_id',
  total: null,
} as const;

/**
 * The same recompute SQL with another reference date for ages: figures "as of" a date asked by
 * an analyst, computed from base rows (the summary keeps only the year's reference date).
 */
export async function measuresOnDate(
  db: SummaryDb,
  options: MeasuresOnDateOptions,
): Promise<MeasuresOnDateRow[]> {
  const match = /^(\d{4})-(\d{2})-\d{2}$/.exec(options.on);
  if (!match) throw new Error(`measuresOnDate: дата ${options.on} не в формате ГГГГ-ММ-ДД`);
  const wanted = options.measures ?? MEASURES.filter((measure) => measure.ageDependent).map((m) => m.name);
  const measures = wanted.map((name) => {
    const measure = MEASURES.find((candidate) => candidate.name === name);
    if (!measure) throw new Error(`measuresOnDate: нет показателя ${name}`);
    return measure;
  });
  const { ctes, params } = recomputeSql({
    organizations: options.organizationPredicate,
    reference: { kind: 'date', year: Number(match[1]), month: Number(match[2]) },
    academicYear: options.academicYear,
    measures,
  });
  const column = GROUP_COLUMN[options.groupBy ?? 'organization'];
  const result = await knexOf(db).raw<{ rows: Record<string, string | number | null>[] }>(
    `${ctes}
     select ${column ?? 'null::int'} as unit_id,
            ${measures.map((measure) => `sum(${measure.name})::${measureType(measure)} as ${measure.name}`).join(', ')}
     from summary_recomputed
     ${column ? `group by ${column} order by ${column}` : ''}`,
    params,
  );
  return result.rows.map((row) => ({
    unitId: row.unit_id === null ? null : Number(row.unit_id),
    values: Object.fromEntries(measures.map((measure) => [measure.name, Number(row[measure.name] ?? 0)])),
  }));
}

/** Summary rows as numbers (PostgreSQL sends bigint and numeric as text). */
export function measureValues(row: Record<string, unknown>): MeasureValues {
  return Object.fromEntries(NAMES.map((name) => [name, Number(row[name] ?? 0)]));
}
