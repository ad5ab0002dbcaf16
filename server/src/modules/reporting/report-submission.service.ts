import type { EntityManager } from '@mikro-orm/postgresql';
import { UnitLevel, type ReportingNode } from '../indicators/reporting-unit.js';
import { dueOn } from './report-form.definition.js';
import type { ReportForm } from './report-form.service.js';
import type { ReportSubmissionRow, ReportSubmissionStatus } from './report-submission.type.js';
import { HANDED_IN, ReportStatus } from './statistical-report.enums.js';

/** The unit's children: their table, which of them belong to the unit, how organisations hang under them. */
const CHILDREN: Record<
  UnitLevel,
  { level: UnitLevel; table: string; under: string; nodeId: keyof ReportingNode; organizationColumn: string }
> = {
  [UnitLevel.FEDERATION]: {
    level: UnitLevel.REGION,
    table: 'region',
    under: 'true',
    nodeId: 'id',
    organizationColumn: 'region_id',
  },
  [UnitLevel.REGION]: {
    level: UnitLevel.MUNICIPALITY,
    table: 'municipality',
    under: 'c.region_id = ?',
    nodeId: 'regionId',
    organizationColumn: 'municipality_id',
  },
  [UnitLevel.MUNICIPALITY]: {
    level: UnitLevel.ORGANIZATION,
    table: 'organization',
    under: 'c.municipality_id = ?',
    nodeId: 'municipalityId',
    organizationColumn: 'id',
  },
  // An organisation has no children: its one row is the total.
  [UnitLevel.ORGANIZATION]: {
    level: UnitLevel.ORGANIZATION,
    table: 'organization',
    under: 'c.id = ?',
    nodeId: 'organizationId',
    organizationColumn: 'id',
  },
};

interface CountRow {
  is_total: boolean;
  code: string | null;
  name: string | null;
  expected: number;
  submitted: number;
  accepted: number;
  approved: number;
  returned: number;
  on_time: number;
  overdue: number;
  status: ReportStatus | null;
  submitted_at: string | null;
  status_comment: string | null;
}

const HANDED_IN_SQL = `(${HANDED_IN.map((status) => `'${status}'`).join(', ')})`;

/**
 * Expected vs submitted vs on time for the unit and each of its children, in one statement:
 * the unit's organisations (every organisation of the directory owes one report per form and
 * year) joined to their reports, grouped by child with the unit's total as a grouping set.
 * Overdue: the deadline has passed on `asOf` and the report is not handed in.
 */
export async function reportSubmissionStatus(
  em: EntityManager,
  unit: ReportingNode,
  form: ReportForm,
  academicYear: number,
  asOf: string,
): Promise<ReportSubmissionStatus> {
  const children = CHILDREN[unit.level];
  const due = dueOn(form.definition, academicYear);
  const rows = await em.execute<CountRow[]>(
    `select grouping(c.id) = 1 as is_total, c.code, c.name,
            count(o.id)::int as expected,
            count(r.id) filter (where r.status in ${HANDED_IN_SQL})::int as submitted,
            count(r.id) filter (where r.status in ('ACCEPTED', 'APPROVED'))::int as accepted,
            count(r.id) filter (where r.status = 'APPROVED')::int as approved,
            count(r.id) filter (where r.status = 'RETURNED')::int as returned,
            count(r.id) filter (where r.status in ${HANDED_IN_SQL} and r.submitted_on_time)::int as on_time,
            count(o.id) filter (where ? and (r.status is null or r.status not in ${HANDED_IN_SQL}))::int as overdue,
            max(r.status) as status, max(r.submitted_at) as submitted_at, max(r.status_comment) as status_comment
     from ${children.table} c
     left join organization o on o.${children.organizationColumn} = c.id
     left join statistical_report r on r.organization_id = o.id and r.form_code = ? and r.academic_year = ?
     where ${children.under}
     group by grouping sets ((c.id, c.code, c.name), ())
     order by is_total desc, c.name, c.id`,
    [
      asOf > due,
      form.code,
      academicYear,
      ...(children.under === 'true' ? [] : [unit[children.nodeId] as number]),
    ],
  );
  const toRow = (row: CountRow, level: UnitLevel, own: boolean): ReportSubmissionRow => ({
    unit: own
      ? { level: unit.level, code: unit.code, name: unit.name }
      : { level, code: row.code, name: row.name! },
    expected: row.expected,
    submitted: row.submitted,
    accepted: row.accepted,
    approved: row.approved,
    returned: row.returned,
    onTime: row.on_time,
    overdue: row.overdue,
    status: level === UnitLevel.ORGANIZATION ? (row.status ?? ReportStatus.DRAFT) : null,
    submittedAt: level === UnitLevel.ORGANIZATION && row.submitted_at ? new Date(row.submitted_at) : null,
    statusComment: level === UnitLevel.ORGANIZATION ? row.status_comment : null,
  });
  const [total, ...childRows] = rows;
  return {
    formCode: form.code,
    academicYear,
    dueOn: due,
    asOf,
    total: toRow(total!, unit.level, true),
    children:
      unit.level === UnitLevel.ORGANIZATION ? [] : childRows.map((row) => toRow(row, children.level, false)),
  };
}
