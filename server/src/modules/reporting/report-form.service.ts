import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../graphql/errors.js';
import { SUMMARY_MEASURES } from '../indicators/summary-measures.js';
import { parseReportFormDefinition, type ReportFormDefinition } from './report-form.definition.js';

/** A version of a form with its checked definition. */
export interface ReportForm {
  id: number;
  code: string;
  version: number;
  title: string;
  validFromYear: number;
  isDefault: boolean;
  definition: ReportFormDefinition;
}

const MEASURE_NAMES: ReadonlySet<string> = new Set(SUMMARY_MEASURES.map((measure) => measure.name));

interface FormRow {
  id: number;
  code: string;
  version: number;
  title: string;
  valid_from_year: number;
  is_default: boolean;
  definition: unknown;
}

function toForm(row: FormRow): ReportForm {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    title: row.title,
    validFromYear: row.valid_from_year,
    isDefault: row.is_default,
    definition: parseReportFormDefinition(row.definition, MEASURE_NAMES),
  };
}

const FORM_COLUMNS = 'f.id, f.code, f.version, f.title, f.valid_from_year, f.is_default, f.definition';

/**
 * Form versions by code and version; with a year, only the version of each form in force that
 * year (the latest whose valid_from_year is not after it).
 */
export async function listReportForms(em: EntityManager, academicYear: number | null): Promise<ReportForm[]> {
  const rows = await em.execute<FormRow[]>(
    academicYear === null
      ? `select ${FORM_COLUMNS} from report_form f order by f.code, f.version`
      : `select distinct on (f.code) ${FORM_COLUMNS} from report_form f where f.valid_from_year <= ?
         order by f.code, f.valid_from_year desc`,
    academicYear === null ? [] : [academicYear],
  );
  return rows.map(toForm);
}

/** The version of the form in force for the academic year; an unknown code is the caller's mistake. */
export async function requireReportForm(
  em: EntityManager,
  formCode: string,
  academicYear: number,
): Promise<ReportForm> {
  checkAcademicYear(academicYear);
  const [row] = await em.execute<FormRow[]>(
    `select ${FORM_COLUMNS} from report_form f where f.code = ? and f.valid_from_year <= ?
     order by f.valid_from_year desc limit 1`,
    [formCode.trim(), academicYear],
  );
  if (!row) {
    throw badInput(
      'formCode',
      `формы «${formCode}» для ${academicYear}/${academicYear + 1} учебного года нет`,
    );
  }
  return toForm(row);
}

export function checkAcademicYear(academicYear: number): void {
  if (!Number.isInteger(academicYear) || academicYear < 2000 || academicYear > 2100) {
    throw badInput('academicYear', 'год начала учебного года, например 2025');
  }
}
