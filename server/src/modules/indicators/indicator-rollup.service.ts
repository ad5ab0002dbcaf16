import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../graphql/errors.js';
import {
  cachedDefinitions,
  DEFINITION_REVISION_SQL,
  definitionsFor,
  refreshDefinitions,
  type LoadedDefinition,
} from './indicator-definition.cache.js';
import {
  addMeasures,
  indicatorValue,
  reportedPartColumn,
  targetInForce,
  type IndicatorFormula,
  type Measures,
} from './indicator-rollup.math.js';
import type { IndicatorRollup, IndicatorValue, UnitIndicators } from './indicator-rollup.types.js';
import { UnitLevel, type ReportingNode } from './reporting-unit.js';
import { measuresOnDate, type MeasuresOnDateOptions } from './organization-summary.js';
import { SUMMARY_MEASURES, type SummaryMeasure } from './summary-measures.js';

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

/** The measure columns formulas read: both parts, the contingent's reported counts, the organisations. */
function measuresRead(formulas: readonly IndicatorFormula[]): SummaryMeasure[] {
  const names = new Set(['organizations']);
  for (const formula of formulas) {
    const reported = `${formula.denominator}_reported`;
    names.add(formula.numerator).add(formula.denominator).add(reported);
    names.add(reportedPartColumn(formula.numerator, reported));
  }
  return SUMMARY_MEASURES.filter((measure) => names.has(measure.name));
}

/**
 * The measures of a row as two json arrays, counts and fractional sums: the client parses one
 * value per row instead of one per column, and only the columns the definitions read travel.
 */
function measureArrays(measures: readonly SummaryMeasure[], value: (name: string) => string): string {
  const array = (type: 'bigint' | 'numeric') => {
    const names = measures.filter((measure) => (measure.type ?? 'bigint') === type).map((m) => value(m.name));
    return `to_json(array[${names.join(', ')}]::${type}[])`;
  };
  return `${array('bigint')} as counts, ${array('numeric')} as amounts`;
}

/**
 * The unit's own rows for every year (its trend) and its children's rows for the year, read
 * from the summary level that holds them: the country is the sum of at most 89 region rows.
 */
function summaryRowsSql(
  unit: ReportingNode,
  academicYear: number,
  measures: readonly SummaryMeasure[],
): { sql: string; params: number[] } {
  const head = `null::text as code, null::text as name, null::int as region_id, s.academic_year`;
  const own = measureArrays(measures, (name) => `s.${name}`);
  switch (unit.level) {
    case UnitLevel.FEDERATION:
      return {
        sql: `select 'trend' as part, null::int as unit_id, ${head}, ${measureArrays(measures, (name) => `sum(s.${name})`)}
              from region_summary s group by s.academic_year
              union all
              select 'child', u.id, u.code, u.name, u.id, ?::int, ${own}
              from region u left join region_summary s on s.region_id = u.id and s.academic_year = ?`,
        params: [academicYear, academicYear],
      };
    case UnitLevel.REGION:
      return {
        sql: `select 'trend' as part, s.region_id as unit_id, ${head}, ${own}
              from region_summary s where s.region_id = ?
              union all
              select 'child', u.id, u.code, u.name, u.region_id, ?::int, ${own}
              from municipality u
              left join municipality_summary s on s.municipality_id = u.id and s.academic_year = ?
              where u.region_id = ?`,
        params: [unit.id!, academicYear, academicYear, unit.id!],
      };
    case UnitLevel.MUNICIPALITY:
      return {
        sql: `select 'trend' as part, s.municipality_id as unit_id, ${head}, ${own}
              from municipality_summary s where s.municipality_id = ?
              union all
              select 'child', u.id, u.code, u.name, u.region_id, ?::int, ${own}
              from organization u
              left join organization_summary s on s.organization_id = u.id and s.academic_year = ?
              where u.municipality_id = ?`,
        params: [unit.id!, academicYear, academicYear, unit.id!],
      };
    case UnitLevel.ORGANIZATION:
      return {
        sql: `select 'trend' as part, s.organization_id as unit_id, ${head}, ${own}
              from organization_summary s where s.organization_id = ?`,
        params: [unit.id!],
      };
  }
}

interface SummaryRow {
  revision: string;
  part: 'trend' | 'child' | null;
  unit_id: number | null;
  code: string | null;
  name: string | null;
  region_id: number | null;
  academic_year: number;
  counts: (number | null)[] | null;
  amounts: (number | null)[] | null;
}

/** A row's measures by name; a unit without a summary row has none. */
function measuresOf(row: SummaryRow, measures: readonly SummaryMeasure[]): Measures {
  const values: Record<string, number> = {};
  let count = 0;
  let amount = 0;
  for (const measure of measures) {
    const value = measure.type === 'numeric' ? row.amounts?.[amount++] : row.counts?.[count++];
    if (value !== null && value !== undefined) values[measure.name] = value;
  }
  return values;
}

/**
 * The unit's trend rows and its children's rows in ONE statement, with the definitions'
 * revision read in the same snapshot: the rollup costs the same at any scale.
 */
async function loadSummaryRows(
  em: EntityManager,
  unit: ReportingNode,
  academicYear: number,
  measures: readonly SummaryMeasure[],
): Promise<{ revision: string; rows: SummaryRow[] }> {
  const summary = summaryRowsSql(unit, academicYear, measures);
  const rows = await em.execute<SummaryRow[]>(
    `with rows as (${summary.sql})
     select revision.revision, rows.*
     from ${DEFINITION_REVISION_SQL} as revision
     left join rows on true
     order by rows.part, rows.name, rows.unit_id, rows.academic_year`,
    summary.params,
  );
  return { revision: rows[0]!.revision, rows: rows.filter((row) => row.part !== null) };
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

/**
 * The definitions the unit sees and its summary rows for them. Definitions come from this
 * process's snapshot; the statement returns the current revision, and a newer one (an edit by
 * any process) reloads them and, when they read other measures, the rows: edits show at once.
 */
async function loadRollup(
  em: EntityManager,
  unit: ReportingNode,
  academicYear: number,
  codes: readonly string[] | null,
) {
  const selection = {
    regionId: unit.regionId,
    // A national table compares regions, each against its own targets.
    everyRegionTarget: unit.level === UnitLevel.FEDERATION,
  };
  let snapshot = cachedDefinitions(em) ?? (await refreshDefinitions(em));
  let formulas = selectedDefinitions(definitionsFor(snapshot, selection), codes);
  let measures = measuresRead(formulas);
  let summary = await loadSummaryRows(em, unit, academicYear, measures);
  if (summary.revision !== snapshot.revision) {
    snapshot = await refreshDefinitions(em);
    formulas = selectedDefinitions(definitionsFor(snapshot, selection), codes);
    const read = measuresRead(formulas);
    if (read.map((m) => m.name).join() !== measures.map((m) => m.name).join()) {
      measures = read;
      summary = await loadSummaryRows(em, unit, academicYear, measures);
    }
  }
  return { formulas, measures, rows: summary.rows };
}

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
  measures: readonly string[],
): Promise<Map<number, Measures>> {
  const selection = ON_DATE_SELECTION[unit.level];
  const rows = await measuresOnDate(em, {
    academicYear,
    on,
    organizationPredicate: { sql: selection.predicate, params: unit.id === null ? [] : [unit.id] },
    groupBy: selection.groupBy,
    measures,
  });
  return new Map(rows.map((row) => [row.unitId!, row.values]));
}

/** A unit's measures with the age-dependent ones replaced (a unit without rows on the date has none). */
function withAges(measures: Measures, names: readonly string[], ages: Measures | undefined): Measures {
  const replaced: Record<string, number> = { ...measures };
  for (const name of names) if (name in replaced) replaced[name] = ages?.[name] ?? 0;
  return replaced;
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
  const { formulas, measures, rows } = await loadRollup(em, unit, academicYear, request.codes);
  const ageNames = measures.filter((measure) => measure.ageDependent).map((measure) => measure.name);
  const ages =
    on === referenceDate(academicYear) || ageNames.length === 0
      ? null
      : await ageMeasuresOn(em, unit, academicYear, on, ageNames);
  const onDate = (values: Measures, childId: number | null) =>
    // The unit's own figures on the date are the sum of its children's (an organisation is its own).
    ages
      ? withAges(values, ageNames, childId === null ? addMeasures([...ages.values()]) : ages.get(childId))
      : values;

  const ownRow = rows.find((row) => row.part === 'trend' && row.academic_year === academicYear);
  const values = valuesOf(
    formulas,
    onDate(ownRow ? measuresOf(ownRow, measures) : {}, null),
    academicYear,
    unit.regionId,
  );
  const childLevel = CHILD_LEVEL[unit.level];
  const children = rows
    .filter((row) => row.part === 'child')
    .map((row) => ({
      unit: { level: childLevel!, code: row.code, name: row.name! },
      measures: onDate(measuresOf(row, measures), row.unit_id),
      regionId: row.region_id,
    }));
  const childrenFor = (codes: readonly string[] | null): UnitIndicators[] => {
    const wanted = codes ? formulas.filter((formula) => codes.includes(formula.code)) : formulas;
    return children.map((child) => ({
      unit: child.unit,
      values: valuesOf(wanted, child.measures, academicYear, child.regionId),
    }));
  };
  const trend = rows
    .filter((row) => row.part === 'trend')
    .map((row) => ({
      academicYear: row.academic_year,
      // The year asked shows the same values as the cards, on the date asked.
      values:
        row.academic_year === academicYear
          ? values
          : valuesOf(formulas, measuresOf(row, measures), row.academic_year, unit.regionId),
    }));
  return {
    unit: { level: unit.level, code: unit.code, name: unit.name },
    academicYear,
    on,
    values,
    childrenFor,
    trend,
  };
}
