import type { EntityManager } from '@mikro-orm/postgresql';
import { UnitLevel, unitPredicate, type ReportingNode } from '../indicators/reporting-unit.js';
import { CONTINGENT_FIGURES } from '../indicators/summary-measures.js';
import { dueOn, formCells, isMeasureCell, type ReportFormCell } from './report-form.definition.js';
import type { ReportForm } from './report-form.service.js';
import { statisticalFormOf } from './report-form.type.js';
import { ReportStatus } from './statistical-report.enums.js';
import type { ReportCell, StatisticalReport } from './statistical-report.type.js';

/** Where a level's summary row lives; the country adds up its regions' rows (at most 89). */
const SUMMARY_SOURCE: Record<UnitLevel, { table: string; key: string | null }> = {
  [UnitLevel.ORGANIZATION]: { table: 'organization_summary', key: 'organization_id' },
  [UnitLevel.MUNICIPALITY]: { table: 'municipality_summary', key: 'municipality_id' },
  [UnitLevel.REGION]: { table: 'region_summary', key: 'region_id' },
  [UnitLevel.FEDERATION]: { table: 'region_summary', key: null },
};

const NODE_ID = {
  [UnitLevel.ORGANIZATION]: 'organizationId',
  [UnitLevel.MUNICIPALITY]: 'municipalityId',
  [UnitLevel.REGION]: 'regionId',
} as const;

const CONTINGENT = new Set<string>(CONTINGENT_FIGURES);

/** The measures a form reads: its cells' and its shares' numerators and denominators. */
function formMeasures(cells: readonly ReportFormCell[]): string[] {
  const names = cells.flatMap(({ source }) =>
    isMeasureCell(source) ? [source.measure] : [source.percent.numerator, source.percent.denominator],
  );
  // A contingent figure nobody reported is unknown, not zero: its «_reported» count tells which.
  const reported = names.filter((name) => CONTINGENT.has(name)).map((name) => `${name}_reported`);
  return [...new Set([...names, ...reported, 'organizations'])];
}

/**
 * The unit's summary values of these measures for the year, all zero when it has no row.
 * Measure names come from checked form definitions (known summary columns), never from input.
 */
async function summaryValues(
  em: EntityManager,
  unit: ReportingNode,
  academicYear: number,
  measures: readonly string[],
): Promise<Map<string, number>> {
  const { table, key } = SUMMARY_SOURCE[unit.level];
  const columns = measures.map((name) => `coalesce(sum(s.${name}), 0) as ${name}`).join(', ');
  const [row] = await em.execute<Record<string, string | number>[]>(
    `select ${columns} from ${table} s where s.academic_year = ?${key ? ` and s.${key} = ?` : ''}`,
    key ? [academicYear, unit[NODE_ID[unit.level as keyof typeof NODE_ID]]!] : [academicYear],
  );
  return new Map(measures.map((name) => [name, Number(row?.[name] ?? 0)]));
}

interface CorrectionRow {
  cell: string;
  organizations: number;
  delta: string;
  /** Meaningful for one organisation only: there it is the one correction's. */
  reason: string;
  corrected_at: string;
}

/**
 * Corrections of the unit's organisations, one row per cell: how many organisations corrected it
 * and by how much in total (corrected − computed, the computed value read from the
 * organisation's summary row in the same statement).
 */
async function correctionsByCell(
  em: EntityManager,
  unit: ReportingNode,
  form: ReportForm,
  academicYear: number,
  cells: readonly ReportFormCell[],
): Promise<Map<string, CorrectionRow>> {
  const measureOf = Object.fromEntries(
    cells.flatMap(({ key, source }) => (isMeasureCell(source) ? [[key, source.measure]] : [])),
  );
  const under = unitPredicate(unit, 'c');
  const rows = await em.execute<CorrectionRow[]>(
    `select c.cell, count(*)::int as organizations,
            sum(c.value - coalesce((to_jsonb(s) ->> m.measure)::numeric, 0)) as delta,
            max(c.reason) as reason, max(c.corrected_at) as corrected_at
     from report_correction c
     join statistical_report r on r.id = c.report_id
     join jsonb_each_text(?::jsonb) as m(cell, measure) on m.cell = c.cell
     left join organization_summary s on s.organization_id = c.organization_id and s.academic_year = r.academic_year
     where r.form_code = ? and r.academic_year = ? and ${under.sql}
     group by c.cell`,
    [JSON.stringify(measureOf), form.code, academicYear, ...under.params],
  );
  return new Map(rows.map((row) => [row.cell, row]));
}

interface ReportHeadRow {
  status: ReportStatus | null;
  status_comment: string | null;
  submitted_at: string | null;
  submitted_on_time: boolean | null;
  accepted_at: string | null;
  approved_at: string | null;
  locked: boolean;
}

/** The organisation's report row (none yet: a draft) and whether its academic year is locked. */
async function reportHead(
  em: EntityManager,
  organizationId: number,
  formCode: string,
  academicYear: number,
): Promise<ReportHeadRow> {
  const [row] = await em.execute<ReportHeadRow[]>(
    `select r.status, r.status_comment, r.submitted_at, r.submitted_on_time, r.accepted_at, r.approved_at,
            exists (select 1 from period_lock l where l.organization_id = ? and l.academic_year = ?) as locked
     from (select 1) as one
     left join statistical_report r on r.organization_id = ? and r.form_code = ? and r.academic_year = ?`,
    [organizationId, academicYear, organizationId, formCode, academicYear],
  );
  return row!;
}

const timestamp = (value: string | null) => (value === null ? null : new Date(value));

/**
 * The form filled for a unit and academic year: an organisation's values are its summary row
 * (exact: the write path keeps it equal to the base data) with its corrections; a municipality's,
 * region's or the country's are the sums of their organisations' final values — the summary
 * level's sums plus the sum of the corrections' differences. Five statements at most, whatever
 * the level.
 */
export async function statisticalReport(
  em: EntityManager,
  unit: ReportingNode,
  form: ReportForm,
  academicYear: number,
): Promise<StatisticalReport> {
  const cells = formCells(form.definition);
  const [summary, corrections, head] = await Promise.all([
    summaryValues(em, unit, academicYear, formMeasures(cells)),
    correctionsByCell(em, unit, form, academicYear, cells),
    unit.level === UnitLevel.ORGANIZATION
      ? reportHead(em, unit.organizationId!, form.code, academicYear)
      : Promise.resolve(null),
  ]);

  const computedOf = (measure: string): number | null =>
    CONTINGENT.has(measure) && summary.get(`${measure}_reported`) === 0 ? null : summary.get(measure)!;
  const measureCells = new Map(
    cells.flatMap((cell) => (isMeasureCell(cell.source) ? [[cell.source.measure, cell.key]] : [])),
  );
  /** A measure's final value: its cell's corrections applied, if the form has a cell for it. */
  const finalOf = (measure: string): number | null => {
    const correction = corrections.get(measureCells.get(measure) ?? '');
    const computed = computedOf(measure);
    return correction ? (computed ?? 0) + Number(correction.delta) : computed;
  };
  const share = (numerator: number | null, denominator: number | null) =>
    numerator === null || !denominator ? null : (numerator / denominator) * 100;

  const values: ReportCell[] = cells.map(({ key, sectionCode, rowCode, columnCode, source }) => {
    const base = { key, sectionCode, rowCode, columnCode };
    if (!isMeasureCell(source)) {
      const { numerator, denominator } = source.percent;
      const touched = [numerator, denominator].some((measure) =>
        corrections.has(measureCells.get(measure) ?? ''),
      );
      return {
        ...base,
        value: share(finalOf(numerator), finalOf(denominator)),
        computedValue: share(computedOf(numerator), computedOf(denominator)),
        corrected: touched,
        correctedOrganizations: 0,
        correctionReason: null,
        correctedAt: null,
      };
    }
    const correction = corrections.get(key);
    const own = unit.level === UnitLevel.ORGANIZATION ? correction : undefined;
    return {
      ...base,
      value: finalOf(source.measure),
      computedValue: computedOf(source.measure),
      corrected: correction !== undefined,
      correctedOrganizations: correction?.organizations ?? 0,
      correctionReason: own?.reason ?? null,
      correctedAt: timestamp(own?.corrected_at ?? null),
    };
  });

  return {
    form: statisticalFormOf(form),
    unit: { level: unit.level, code: unit.code, name: unit.name },
    academicYear,
    dueOn: dueOn(form.definition, academicYear),
    organizations: unit.level === UnitLevel.ORGANIZATION ? 1 : summary.get('organizations')!,
    status: head ? (head.status ?? ReportStatus.DRAFT) : null,
    statusComment: head?.status_comment ?? null,
    submittedAt: timestamp(head?.submitted_at ?? null),
    submittedOnTime: head?.submitted_on_time ?? null,
    acceptedAt: timestamp(head?.accepted_at ?? null),
    approvedAt: timestamp(head?.approved_at ?? null),
    locked: head ? head.locked : null,
    cells: values,
  };
}
