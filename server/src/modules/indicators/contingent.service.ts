import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../graphql/errors.js';
import type { AccessScope } from '../access/access-scope.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  CONTINGENT_FIELDS,
  CONTINGENT_FIGURE_LABELS,
  type Contingent,
  type ContingentField,
  type ContingentInput,
} from './contingent.types.js';
import { refreshOrganizationSummaries } from './organization-summary.js';
import { requireReportingUnit, UnitLevel, type ReportingNode } from './reporting-unit.js';

/** A school's figures for a year; null is "not reported". */
export type ContingentValues = Record<ContingentField, number | null>;

/** More than any school or college has: a typo guard, not a rule. */
const MAX_FIGURE = 10_000_000;

export interface ContingentProblem {
  field: ContingentField;
  message: string;
}

/** Every problem of a school's figures, each naming its field; the mutation and the import share it. */
export function contingentProblems(values: ContingentValues): ContingentProblem[] {
  const problems: ContingentProblem[] = [];
  for (const { field } of CONTINGENT_FIELDS) {
    const value = values[field];
    if (value === null) continue;
    if (!Number.isInteger(value) || value < 0)
      problems.push({ field, message: `целое неотрицательное число, передано ${value}` });
    else if (value > MAX_FIGURE)
      problems.push({ field, message: `не больше ${MAX_FIGURE.toLocaleString('ru-RU')}, передано ${value}` });
  }
  if (problems.length > 0) return problems;
  const { pupils10to18, pupilsTotal, youngTeachers, teachersTotal } = values;
  if (pupils10to18 !== null && pupilsTotal !== null && pupils10to18 > pupilsTotal)
    problems.push({
      field: 'pupils10to18',
      message: `обучающихся 10–18 лет (${pupils10to18}) больше, чем обучающихся всего (${pupilsTotal})`,
    });
  if (youngTeachers !== null && teachersTotal !== null && youngTeachers > teachersTotal)
    problems.push({
      field: 'youngTeachers',
      message: `молодых педагогов (${youngTeachers}) больше, чем педагогов всего (${teachersTotal})`,
    });
  return problems;
}

/** An academic year by its start year, from 2000 up to the year after the current one. */
export function academicYearProblem(year: number, today: string): string | null {
  const current = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 9 ? 1 : 0);
  if (!Number.isInteger(year) || year < 2000 || year > current + 1)
    return `учебный год по году начала, с 2000 по ${current + 1}, передано ${year}`;
  return null;
}

export function valuesOfInput(input: ContingentInput): ContingentValues {
  return Object.fromEntries(
    CONTINGENT_FIELDS.map(({ field }) => [field, input[field] ?? null]),
  ) as ContingentValues;
}

export const isEmpty = (values: ContingentValues) =>
  CONTINGENT_FIELDS.every(({ field }) => values[field] === null);

/** Column → value, as the contingent table and audit records carry the figures. */
export function rowOfValues(values: ContingentValues): Record<string, number | null> {
  return Object.fromEntries(CONTINGENT_FIELDS.map(({ field, column }) => [column, values[field]]));
}

export const CONTINGENT_COLUMNS = CONTINGENT_FIELDS.map(({ column }) => column);

/** Which organisations lie under a unit, for the organisation table itself. */
function organizationsUnder(unit: ReportingNode): { sql: string; params: number[] } {
  switch (unit.level) {
    case UnitLevel.FEDERATION:
      return { sql: 'true', params: [] };
    case UnitLevel.REGION:
      return { sql: 'o.region_id = ?', params: [unit.regionId!] };
    case UnitLevel.MUNICIPALITY:
      return { sql: 'o.municipality_id = ?', params: [unit.municipalityId!] };
    case UnitLevel.ORGANIZATION:
      return { sql: 'o.id = ?', params: [unit.organizationId!] };
  }
}

/**
 * A unit's contingent for a year in one statement: an organisation's own figures, or above it
 * the sums of the reported figures with how many of the unit's organisations reported each.
 */
/** Per figure: how many organisations reported it and its sum; and how many organisations there are. */
type ContingentTotals = Record<string, number | null> & { organizations: number };

function contingentOf(
  unit: ReportingNode,
  academicYear: number,
  totals: ContingentTotals,
  updatedAt: Date | null,
): Contingent {
  return {
    unit: { level: unit.level, code: unit.code, name: unit.name },
    academicYear,
    updatedAt,
    values: CONTINGENT_FIELDS.map(({ figure, column }) => {
      const reported = Number(totals[`${column}_reported`]);
      const value = reported > 0 ? Number(totals[column]) : null;
      return {
        figure,
        name: CONTINGENT_FIGURE_LABELS[figure],
        value,
        text: value === null ? 'не представлено' : value.toLocaleString('ru-RU'),
        reportedOrganizations: reported,
        organizations: totals.organizations,
        complete: totals.organizations > 0 && reported === totals.organizations,
      };
    }),
  };
}

export async function readContingent(
  em: EntityManager,
  unit: ReportingNode,
  academicYear: number,
): Promise<Contingent> {
  const under = organizationsUnder(unit);
  const [row] = await em.execute<(ContingentTotals & { updated_at: string | Date | null })[]>(
    `select (select count(*) from organization o where ${under.sql})::int as organizations,
            ${CONTINGENT_COLUMNS.map((c) => `count(c.${c})::int as ${c}_reported, sum(c.${c})::bigint as ${c}`).join(', ')},
            max(c.updated_at) as updated_at
     from contingent c join organization o on o.id = c.organization_id
     where c.academic_year = ? and ${under.sql}`,
    [...under.params, academicYear, ...under.params],
  );
  return contingentOf(unit, academicYear, row!, row!.updated_at === null ? null : new Date(row!.updated_at));
}

/**
 * Replaces an organisation's figures for a year (all of them: a figure left out is "not
 * reported"; nothing reported removes the row), audited, with its summary refreshed — which a
 * locked period refuses. The school curator sets their own school's, the regional administrator
 * any school's of the region; another region's school answers like an unknown code.
 */
export async function setContingent(
  em: EntityManager,
  scope: AccessScope,
  organizationCode: string,
  academicYear: number,
  input: ContingentInput,
  today: string,
): Promise<Contingent> {
  const organization = await requireReportingUnit(em, scope, {
    level: UnitLevel.ORGANIZATION,
    code: organizationCode,
  });
  const yearProblem = academicYearProblem(academicYear, today);
  if (yearProblem) throw badInput('academicYear', yearProblem);
  const values = valuesOfInput(input);
  const [problem] = contingentProblems(values);
  if (problem) throw badInput(`input.${problem.field}`, problem.message);

  const written = await em.transactional(async (tx) => {
    const [stored] = await tx.execute<(Record<string, number | null> & { updated_at: Date })[]>(
      `select ${CONTINGENT_COLUMNS.join(', ')}, updated_at from contingent
       where organization_id = ? and academic_year = ? for update`,
      [organization.organizationId, academicYear],
    );
    const { updated_at: storedAt, ...before } = stored ?? { updated_at: null };
    const after = rowOfValues(values);
    const unchanged = stored
      ? CONTINGENT_COLUMNS.every((column) => (before[column] ?? null) === after[column])
      : isEmpty(values);
    if (unchanged) return { row: after, updatedAt: storedAt };
    let updatedAt: Date | null = null;
    if (isEmpty(values)) {
      await tx.execute(`delete from contingent where organization_id = ? and academic_year = ?`, [
        organization.organizationId,
        academicYear,
      ]);
    } else {
      [{ updated_at: updatedAt }] = await tx.execute<{ updated_at: Date }[]>(
        `insert into contingent (region_id, municipality_id, organization_id, academic_year, ${CONTINGENT_COLUMNS.join(', ')})
         values (?, ?, ?, ?, ${CONTINGENT_COLUMNS.map(() => '?').join(', ')})
         on conflict (organization_id, academic_year) do update set
           ${CONTINGENT_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()
         returning updated_at`,
        [
          organization.regionId,
          organization.municipalityId,
          organization.organizationId,
          academicYear,
          ...CONTINGENT_COLUMNS.map((column) => after[column] ?? null),
        ],
      );
    }
    await recordAudit(tx.getTransactionContext() ?? tx.getKnex(), scope.caller, [
      {
        operation: 'contingent.write',
        action: !stored ? 'CREATE' : isEmpty(values) ? 'DELETE' : 'UPDATE',
        entity: 'contingent',
        entityCode: `${organization.code}/${academicYear}`,
        before: stored ? before : null,
        after: isEmpty(values) ? null : after,
        regionId: organization.regionId!,
        municipalityId: organization.municipalityId!,
        organizationId: organization.organizationId!,
      },
    ]);
    // Entered figures change only the contingent's measures; a removal may empty the year's row,
    // which only a recompute of every source can tell.
    await refreshOrganizationSummaries(tx, [organization.organizationId], {
      academicYear,
      onlySources: isEmpty(values) ? undefined : ['contingent'],
    });
    return { row: after, updatedAt };
  });
  // The school's own figures, as readContingent would sum them for it: no statement to read them back.
  const totals: ContingentTotals = { organizations: 1 };
  for (const column of CONTINGENT_COLUMNS) {
    const value = written.row[column] ?? null;
    totals[column] = value;
    totals[`${column}_reported`] = value === null ? 0 : 1;
  }
  return contingentOf(organization, academicYear, totals, written.updatedAt);
}
