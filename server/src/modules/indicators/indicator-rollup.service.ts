import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../graphql/errors.js';
import { definitionsJsonSql, type LoadedDefinition } from './indicator-definition.service.js';
import {
  addMeasures,
  indicatorValue,
  targetInForce,
  type IndicatorFormula,
  type Measures,
} from './indicator-rollup.math.js';
import type { IndicatorRollup, IndicatorValue, UnitIndicators } from './indicator-rollup.types.js';
import { UnitLevel, type ReportingNode } from './reporting-unit.js';
import { measuresOnDate, type MeasuresOnDateOptions } from './organization-summary.js';
import { MEASURE_NAMES, SUMMARY_MEASURES } from './summary-measures.js';

/** The date ages are counted on for an academic year unless another is asked: 1 January, as in ОО-1. */
export function referenceDate(academicYear: number): string {
  return `${academicYear + 1}-01-01`;
}

const CHILD_LEVEL: Record<UnitLevel, UnitLevel | null> = {
  [UnitLevel.FEDERATION]: UnitLevel.REGION,
  [UnitLevel.REGION]: UnitLevel.MUNICIPALITY,
  [UnitLevel.MUNICIPALITY]: UnitLevel.ORGANIZATION,
  [UnitLevel.ORGANIZATION]: null,
};

const columns = (alias: string) => MEASURE_NAMES.map((name) => `${alias}.${name}`).join(', ');
const sums = MEASURE_NAMES.map((name) => `sum(s.${name}) as ${name}`).join(', ');

/**
 * The unit's own rows for every year (its trend) and its children's rows for the year, read
 * from the summary level that holds them: the country is the sum of at most 89 region rows.
 */
function summaryRowsSql(unit: ReportingNode, academicYear: number): { sql: string; params: number[] } {
  const head = `null::text as code, null::text as name, null::int as region_id, s.academic_year`;
  switch (unit.level) {
    case UnitLevel.FEDERATION:
      return {
        sql: `select 'trend' as part, null::int as unit_id, ${head}, ${sums}
              from region_summary s group by s.academic_year
              union all
              select 'child', u.id, u.code, u.name, u.id, ?::int, ${columns('s')}
              from region u left join region_summary s on s.region_id = u.id and s.academic_year = ?`,
        params: [academicYear, academicYear],
      };
    case UnitLevel.REGION:
      return {
        sql: `select 'trend' as part, s.region_id as unit_id, ${head}, ${columns('s')}
              from region_summary s where s.region_id = ?
              union all
              select 'child', u.id, u.code, u.name, u.region_id, ?::int, ${columns('s')}
              from municipality u
              left join municipality_summary s on s.municipality_id = u.id and s.academic_year = ?
              where u.region_id = ?`,
        params: [unit.id!, academicYear, academicYear, unit.id!],
      };
    case UnitLevel.MUNICIPALITY:
      return {
        sql: `select 'trend' as part, s.municipality_id as unit_id, ${head}, ${columns('s')}
              from municipality_summary s where s.municipality_id = ?
              union all
              select 'child', u.id, u.code, u.name, u.region_id, ?::int, ${columns('s')}
              from organization u
              left join organization_summary s on s.organization_id = u.id and s.academic_year = ?
              where u.municipality_id = ?`,
        params: [unit.id!, academicYear, academicYear, unit.id!],
      };
    case UnitLevel.ORGANIZATION:
      return {
        sql: `select 'trend' as part, s.organization_id as unit_id, ${head}, ${columns('s')}
              from organization_summary s where s.organization_id = ?`,
        params: [unit.id!],
      };
  }
}

interface SummaryRow {
  definitions: LoadedDefinition[] | null;
  part: 'trend' | 'child' | null;
  unit_id: number | null;
  code: string | null;
  name: string | null;
  region_id: number | null;
  academic_year: number;
  [measure: string]: unknown;
}

/** PostgreSQL sends bigint and numeric as text; a unit without a summary row has no measures. */
function measuresOf(row: SummaryRow): Measures {
  const measures: Record<string, number> = {};
  for (const name of MEASURE_NAMES) {
    const value = row[name];
    if (value !== null && value !== undefined) measures[name] = Number(value);
  }
  return measures;
}

/**
 * Definitions, the unit's trend rows and its children's rows in ONE statement: the rollup costs
 * the same at any scale and sees definition and target edits of every process at once.
 */
async function loadRollupRows(
  em: EntityManager,
  unit: ReportingNode,
  academicYear: number,
): Promise<{ definitions: LoadedDefinition[]; rows: SummaryRow[] }> {
  const definitions = definitionsJsonSql({
    regionId: unit.regionId,
    // A national table compares regions, each against its own targets.
    everyRegionTarget: unit.level === UnitLevel.FEDERATION,
  });
  const summary = summaryRowsSql(unit, academicYear);
  const rows = await em.execute<SummaryRow[]>(
    `with rows as (${summary.sql})
     select case when row_number() over () = 1 then defs.definitions end as definitions, rows.*
     from (select ${definitions.sql} as definitions) defs left join rows on true
     order by rows.part, rows.name, rows.unit_id, rows.academic_year`,
    [...summary.params, ...definitions.params],
  );
  return { definitions: rows.find((row) => row.definitions)!.definitions!, rows };
}

function selectedDefinitions(
  definitions: LoadedDefinition[],
  codes: readonly string[] | null,
): IndicatorFormula[] {
  if (!codes) return definitions;
  const known = new Set(definitions.map((definition) => definition.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0)
    throw badInput('codes', `нет показателей ${unknown.map((code) => `«${code}»`).join(', ')}`);
  const wanted = new Set(codes);
  return definitions.filter((definition) => wanted.has(definition.code));
}

function valuesOf(
  formulas: readonly IndicatorFormula[],
  measures: Measures,
  academicYear: number,
  regionId: number | null,
): IndicatorValue[] {
  return formulas.map((formula) =>
    indicatorValue(formula, measures, targetInForce(formula.targets, academicYear, regionId)),
  );
}

const AGE_MEASURES = SUMMARY_MEASURES.filter((measure) => measure.ageDependent).map(
  (measure) => measure.name,
);

/** The organisations under a unit, grouped as the unit's children are. */
const ON_DATE_SELECTION: Record<
  UnitLevel,
  { predicate: string; groupBy: NonNullable<MeasuresOnDateOptions['groupBy']> }
> = {
  [UnitLevel.FEDERATION]: { predicate: 'true', groupBy: 'region' },
  [UnitLevel.REGION]: { predicate: 'o.region_id = ?', groupBy: 'municipality' },
  [UnitLevel.MUNICIPALITY]: { predicate: 'o.municipality_id = ?', groupBy: 'organization' },
  [UnitLevel.ORGANIZATION]: { predicate: 'o.id = ?', groupBy: 'organization' },
};

/**
 * The age-dependent measures of the unit's children on another date than the summary's, from
 * base rows (the summary holds the year's reference date only); by child id.
 */
async function ageMeasuresOn(
  em: EntityManager,
  unit: ReportingNode,
  academicYear: number,
  on: string,
): Promise<Map<number, Measures>> {
  const selection = ON_DATE_SELECTION[unit.level];
  const rows = await measuresOnDate(em, {
    academicYear,
    on,
    organizationPredicate: { sql: selection.predicate, params: unit.id === null ? [] : [unit.id] },
    groupBy: selection.groupBy,
    measures: AGE_MEASURES,
  });
  return new Map(rows.map((row) => [row.unitId!, row.values]));
}

/** A unit's measures with the age-dependent ones replaced (a unit without such rows has none of them). */
function withAges(measures: Measures, ages: Measures | undefined): Measures {
  const replaced: Record<string, number> = { ...measures };
  for (const name of AGE_MEASURES) if (name in replaced) replaced[name] = ages?.[name] ?? 0;
  return replaced;
}

export interface RollupRequest {
  unit: ReportingNode;
  academicYear: number;
  /** The date ages are counted on; null: the year's reference date. */
  on: string | null;
  codes: readonly string[] | null;
}

/**
 * A unit's indicators for a year with its children's and its trend over the years. Shares are
 * computed here from summed columns (Σ numerator / Σ denominator), never averaged.
 */
export async function indicatorRollup(em: EntityManager, request: RollupRequest): Promise<IndicatorRollup> {
  const { unit, academicYear } = request;
  const on = request.on ?? referenceDate(academicYear);
  const { definitions, rows } = await loadRollupRows(em, unit, academicYear);
  const formulas = selectedDefinitions(definitions, request.codes);
  const ages = on === referenceDate(academicYear) ? null : await ageMeasuresOn(em, unit, academicYear, on);

  const childRows = rows.filter((row) => row.part === 'child');
  const ownRow = rows.find((row) => row.part === 'trend' && row.academic_year === academicYear);
  const own = ownRow ? measuresOf(ownRow) : {};
  // An organisation is its own only "child" of the on-date computation.
  const ownOnDate = ages ? withAges(own, addMeasures([...ages.values()])) : own;
  const childLevel = CHILD_LEVEL[unit.level];
  const children: UnitIndicators[] = childRows.map((row) => {
    const measures = measuresOf(row);
    return {
      unit: { level: childLevel!, code: row.code, name: row.name! },
      values: valuesOf(
        formulas,
        ages ? withAges(measures, ages.get(row.unit_id!)) : measures,
        academicYear,
        row.region_id,
      ),
    };
  });
  const values = valuesOf(formulas, ownOnDate, academicYear, unit.regionId);
  const trend = rows
    .filter((row) => row.part === 'trend')
    .map((row) => ({
      academicYear: row.academic_year,
      // The year asked shows the same values as the cards, on the date asked.
      values:
        row.academic_year === academicYear
          ? values
          : valuesOf(formulas, measuresOf(row), row.academic_year, unit.regionId),
    }));
  return {
    unit: { level: unit.level, code: unit.code, name: unit.name },
    academicYear,
    on,
    values,
    children,
    trend,
  };
}
