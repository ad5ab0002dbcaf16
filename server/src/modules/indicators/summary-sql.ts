import { SUMMARY_MEASURES, type SummaryMeasure, type SummarySourceName } from './summary-measures.js';
import { sharedCtes, SUMMARY_SOURCES, type AgeReference, type Within } from './summary-sources.js';

/**
 * Which organisations to compute: a predicate over `organization o` with its parameters, and
 * optionally the same set as a predicate on a base table's organization_id (`within`), which lets
 * the planner read each table by its index instead of joining a CTE of unknown size.
 */
export interface OrganizationSet {
  sql: string;
  params: readonly (string | number)[];
  within?: Within;
}

export const ALL_ORGANIZATIONS: OrganizationSet = { sql: 'true', params: [], within: () => 'true' };

/** Organisations by id, written into the SQL so the planner knows how many there are. */
export function organizationsWithIds(ids: readonly number[]): OrganizationSet {
  const list = `'{${ids.map((id) => Math.trunc(id)).join(',')}}'::int[]`;
  return {
    sql: `o.id = any(${list})`,
    params: [],
    within: (alias) => `${alias}.organization_id = any(${list})`,
  };
}

/** The transaction setting where a refresh puts the ids of the organisations it recomputes. */
export const REFRESHED_ORGANIZATIONS_SETTING = 'nastavnik.summary_organizations';

const refreshedIds = `current_setting('${REFRESHED_ORGANIZATIONS_SETTING}')::int[]`;

/**
 * The organisations a refresh recomputes, read from a transaction setting rather than written
 * into the SQL: the text is then the same for any set, and a prepared statement keeps its plan.
 * Each table compares its organization_id with the array, so it is read by its index.
 */
export const REFRESHED_ORGANIZATIONS: OrganizationSet = {
  sql: `o.id = any(${refreshedIds})`,
  params: [],
  within: (alias) => `${alias}.organization_id = any(${refreshedIds})`,
};

const PATH_COLUMN = {
  region_id: 'region_id',
  municipality_id: 'municipality_id',
  id: 'organization_id',
} as const;

/**
 * `within` for a set given only as a predicate over `organization o`. A unit's organisations
 * (`o.region_id = ?`, `o.municipality_id = ?`, `o.id = ?`) become the same equality on each
 * table's own path column, which every tenant table carries and indexes; anything else is a
 * semi-join with the organisations the predicate selects.
 */
function pathWithin(organizations: OrganizationSet): Within {
  const unit = /^o\.(region_id|municipality_id|id) = \?$/.exec(organizations.sql.trim());
  const id = organizations.params[0];
  if (unit && organizations.params.length === 1 && Number.isInteger(Number(id)))
    return (alias) => `${alias}.${PATH_COLUMN[unit[1] as keyof typeof PATH_COLUMN]} = ${Number(id)}`;
  if (organizations.sql.trim() === 'true') return () => 'true';
  return (alias) => `${alias}.organization_id in (select id from summary_orgs)`;
}

/** Sources whose measures are conditions counted once per person (the column naming the person). */
const PEOPLE_SOURCES = { members: 'participant_id' } as const;

export interface RecomputeOptions {
  organizations: OrganizationSet;
  /** Reference date of ages; 1 January of the year's second half unless given. */
  reference?: AgeReference;
  /** Only this academic year (the summary keeps every year). */
  academicYear?: number;
  /** Only these measures (and the sources they read). */
  measures?: readonly SummaryMeasure[];
  /**
   * Recompute only the measures of these sources (and the organisation's own and the derived
   * ones); every other measure is taken from the stored organisation row. Rows exist only where
   * these sources have data: for a write that changed nothing else and left them some data.
   */
  onlySources?: readonly SummarySourceName[];
}

export const measureType = (measure: SummaryMeasure) => measure.type ?? 'bigint';

/**
 * The one recompute SQL: CTEs ending in `summary_recomputed` (organization_id, region_id,
 * municipality_id, academic_year, every measure) with one row per organisation and academic year
 * that has any data. Each source is aggregated by organisation and year in its own CTE and the
 * results are joined, so the cost follows the base rows of the organisations asked, never more.
 * Refresh, rebuild, the consistency check and measuresOnDate all run it.
 */
export function recomputeSql(options: RecomputeOptions): { ctes: string; params: (string | number)[] } {
  const wanted = options.measures ?? SUMMARY_MEASURES;
  // A derived measure needs the measures it reads in the same row.
  const read = new Set(wanted.flatMap((measure) => measure.reads ?? []));
  const measures = [
    ...wanted.filter((measure) => measure.source !== 'derived'),
    ...SUMMARY_MEASURES.filter((measure) => read.has(measure.name) && !wanted.includes(measure)),
  ];
  const derived = wanted.filter((measure) => measure.source === 'derived');
  const only = options.onlySources;
  const stored = only
    ? measures.filter((measure) => measure.source !== 'organization' && !only.includes(measure.source))
    : [];
  const computed = measures.filter((measure) => !stored.includes(measure));
  const reference = options.reference ?? { kind: 'year-start' };
  const within = options.organizations.within ?? pathWithin(options.organizations);
  const yearFilter =
    options.academicYear === undefined ? '' : `where academic_year = ${Math.trunc(options.academicYear)}`;
  const sources = [...new Set(computed.map((measure) => measure.source))].filter(
    (source): source is Exclude<SummarySourceName, 'organization' | 'derived'> =>
      source !== 'organization' && source !== 'derived',
  );
  const aggregated = sources.map((source) => {
    const own = computed.filter((measure) => measure.source === source);
    const rows = `(${SUMMARY_SOURCES[source](within)}) as source_rows ${yearFilter}`;
    const person = PEOPLE_SOURCES[source as keyof typeof PEOPLE_SOURCES];
    // A person in two groups of a year counts once: one row per person first, with a flag per
    // measure (one sort), rather than a count(distinct) per measure (one sort each).
    const from = person
      ? `(select organization_id, academic_year, ${own.map((m) => `bool_or(${m.sql}) as ${m.name}`).join(', ')}
          from ${rows} group by organization_id, academic_year, ${person}) as people`
      : rows;
    const columns = own.map((m) => (person ? `count(*) filter (where ${m.name})` : m.sql) + ` as ${m.name}`);
    return `summary_src_${source} as (
      select organization_id, academic_year, ${columns.join(',\n             ')}
      from ${from}
      group by organization_id, academic_year
    )`;
  });
  // The sources' rows are stacked and grouped once rather than joined: joins of CTEs multiply
  // the planner's row estimates into the billions and it then plans the writes after them badly.
  const counted = computed.filter((measure) => measure.source !== 'organization');
  const stacked = sources.length
    ? sources
        .map(
          (source) =>
            `select organization_id, academic_year, ${counted
              .map((measure) =>
                measure.source === source
                  ? `${measure.name}::${measureType(measure)}`
                  : `null::${measureType(measure)}`,
              )
              .join(', ')}
             from summary_src_${source}`,
        )
        .join('\n      union all ')
    : `select null::int as organization_id, null::int as academic_year${counted.map((m) => `, null::${measureType(m)}`).join('')} where false`;
  const values = [
    ...computed.map((measure) =>
      measure.source === 'organization'
        ? `(${measure.sql})::${measureType(measure)} as ${measure.name}`
        : `coalesce(k.${measure.name}, 0)::${measureType(measure)} as ${measure.name}`,
    ),
    ...stored.map((measure) => `coalesce(s.${measure.name}, 0)::${measureType(measure)} as ${measure.name}`),
  ];
  const ctes = [
    `summary_orgs as (select o.id, o.region_id, o.municipality_id from organization o where ${options.organizations.sql})`,
    ...sharedCtes(reference, within),
    ...aggregated,
    `summary_grouped as (
      select organization_id, academic_year${counted.map((measure) => `, sum(${measure.name}) as ${measure.name}`).join('')}
      from (${stacked}) as parts (organization_id, academic_year${counted.map((measure) => `, ${measure.name}`).join('')})
      group by organization_id, academic_year
    )`,
    `summary_measured as (
      select k.organization_id, o.region_id, o.municipality_id, k.academic_year,
             ${values.join(',\n             ')}
      from summary_grouped k
      join summary_orgs o on o.id = k.organization_id${
        stored.length === 0
          ? ''
          : `
      left join organization_summary s on s.organization_id = k.organization_id and s.academic_year = k.academic_year`
      }
    )`,
    `summary_recomputed as (
      select m.*${derived.map((measure) => `, (${measure.sql})::${measureType(measure)} as ${measure.name}`).join('')}
      from summary_measured m
    )`,
  ];
  return { ctes: `with ${ctes.join(',\n')}`, params: [...options.organizations.params] };
}

/** A row constructor of the measures with missing values read as 0, for "did anything change". */
export const zeroedRow = (alias: string, measures: readonly SummaryMeasure[] = SUMMARY_MEASURES) =>
  `row(${measures.map((measure) => `coalesce(${alias}.${measure.name}, 0)`).join(', ')})`;
