import type { EntityManager } from '@mikro-orm/postgresql';
import { normalizeTerm } from '../../imports/column-title.js';
import { countKnownColumns, fieldOfTerm, locateKnownColumns } from '../../imports/header-columns.js';
import type { ImportProblem } from '../../imports/import-problem.js';
import { capitalised } from '../../imports/problem-message.js';
import {
  cleanText,
  isBlankRow,
  readSpreadsheet,
  type RawCell,
  type RawSheet,
} from '../../imports/spreadsheet-reader.js';
import type { AccessScope } from '../access/access-scope.js';
import { scopePredicate } from '../access/scoped-sql.js';
import { recordAudit, type AuditEntry } from '../audit/audit.service.js';
import {
  academicYearProblem,
  CONTINGENT_COLUMNS,
  contingentProblems,
  isEmpty,
  rowOfValues,
  type ContingentValues,
} from './contingent.service.js';
import { CONTINGENT_FIELDS, type ContingentImportReport } from './contingent.types.js';
import { refreshOrganizationSummaries } from './organization-summary.js';

/** Column titles as regions keep them, with the spellings met in practice. */
const COLUMNS = {
  organizationCode: {
    title: 'Код ОО',
    synonyms: ['код оо', 'код организации', 'код образовательной организации'],
  },
  academicYear: { title: 'Учебный год', synonyms: ['учебный год', 'год'] },
  pupilsTotal: {
    title: 'Обучающихся всего',
    synonyms: ['обучающихся всего', 'обучающиеся всего', 'численность обучающихся', 'обучающихся'],
  },
  pupils10to18: {
    title: 'Обучающихся 10–18 лет',
    synonyms: ['обучающихся 10 18 лет', 'обучающиеся 10 18 лет', 'обучающихся в возрасте 10 18 лет'],
  },
  youth15to19: {
    title: 'Молодёжь 15–19 лет',
    synonyms: ['молодежь 15 19 лет', 'молодежи 15 19 лет', 'молодежи в возрасте 15 19 лет'],
  },
  teachersTotal: {
    title: 'Педагогов всего',
    synonyms: ['педагогов всего', 'педагоги всего', 'педагогических работников', 'педагогов'],
  },
  youngTeachers: {
    title: 'Молодых педагогов',
    synonyms: ['молодых педагогов', 'молодые педагоги', 'молодых педагогов до 35 лет или стаж 0 3 года'],
  },
  collegeStudents: { title: 'Студентов СПО', synonyms: ['студентов спо', 'студенты спо', 'студентов'] },
} as const;

type Column = keyof typeof COLUMNS;

function columnOfTitle(cell: RawCell): Column | undefined {
  return fieldOfTerm(COLUMNS, normalizeTerm(cleanText(String(cell))));
}

const headerScore = countKnownColumns(columnOfTitle);

interface ContingentRow {
  sheet?: string;
  row: number;
  code: string;
  academicYear: number;
  values: ContingentValues;
}

/** «2025/2026», «2025/26», «2025–2026» or the start year alone. */
function academicYearOf(text: string): number | undefined {
  const match = /^(\d{4})(?:\s*[/–-]\s*(\d{2}|\d{4}))?(?:\s*(?:уч\.?\s*)?г(?:од|\.)?)?$/.exec(text);
  if (!match) return undefined;
  const start = Number(match[1]);
  if (match[2] === undefined) return start;
  const end = Number(match[2].length === 2 ? `${String(start + 1).slice(0, 2)}${match[2]}` : match[2]);
  return end === start + 1 ? start : undefined;
}

function parseSheets(sheets: RawSheet[], today: string) {
  const { titles, table } = locateKnownColumns(sheets, COLUMNS, columnOfTitle);
  const problems: ImportProblem[] = [];
  const rows: ContingentRow[] = [];
  if (!table) {
    problems.push({
      row: 0,
      message: 'Не найдена строка заголовков: нужны столбцы «Код ОО», «Учебный год» и показатели контингента',
    });
    return { rows, problems, titles, count: 0 };
  }
  const { sheet, header } = table;
  problems.push(...table.missingColumns(['organizationCode', 'academicYear']));
  const figures = CONTINGENT_FIELDS.filter(({ field }) => table.positions.has(field));
  if (figures.length === 0)
    problems.push({
      sheet: sheet.name,
      row: header.row,
      message: `Нет ни одного столбца показателей: ${CONTINGENT_FIELDS.map(({ field }) => `«${COLUMNS[field].title}»`).join(', ')}`,
    });
  if (problems.length > 0) return { rows, problems, titles, count: 0 };

  const firstRowOf = new Map<string, number>();
  let count = 0;
  for (const raw of table.dataRows) {
    if (isBlankRow(raw)) continue;
    count += 1;
    const at = { sheet: sheet.name, row: raw.row };
    const before = problems.length;
    const problem = (column: Column, message: string) =>
      problems.push({ ...at, column: titles[column], message });
    // No column here holds a date: a cell is read as written (the mentoring imports read date cells as days).
    const text = (column: Column) => cleanText(String(table.cellOf(raw, column)));

    const code = text('organizationCode');
    if (!code) problem('organizationCode', 'Укажите код ОО');
    const yearText = text('academicYear');
    const academicYear = academicYearOf(yearText);
    if (!yearText) problem('academicYear', 'Укажите учебный год, например 2025/2026');
    else if (academicYear === undefined)
      problem('academicYear', `Учебный год «${yearText}» не распознан: укажите его как 2025/2026`);
    else {
      const wrong = academicYearProblem(academicYear, today);
      if (wrong) problem('academicYear', capitalised(wrong));
    }

    const values = Object.fromEntries(
      CONTINGENT_FIELDS.map(({ field }) => [field, null]),
    ) as ContingentValues;
    for (const { field } of figures) {
      const cell = text(field).replace(/[\s\u00a0]/g, '');
      if (!cell) continue;
      const value = /^\d+$/.test(cell) ? Number(cell) : Number.NaN;
      if (Number.isNaN(value))
        problem(field, `Ожидается целое неотрицательное число, указано «${text(field)}»`);
      else values[field] = value;
    }
    if (problems.length === before)
      for (const { field, message } of contingentProblems(values)) problem(field, capitalised(message));

    if (code && academicYear !== undefined) {
      const key = `${code}/${academicYear}`;
      const first = firstRowOf.get(key);
      if (first !== undefined)
        problem(
          'organizationCode',
          `ОО «${code}» за ${academicYear}/${academicYear + 1} уже указана в строке ${first}`,
        );
      else firstRowOf.set(key, raw.row);
    }
    if (problems.length > before) continue;
    rows.push({ ...at, code, academicYear: academicYear!, values });
  }
  return { rows, problems, titles, count };
}

export function unreadableContingentReport(
  dryRun: boolean,
  problems: ImportProblem[],
): ContingentImportReport {
  return { dryRun, applied: false, rows: 0, created: 0, updated: 0, unchanged: 0, problems };
}

interface Stored {
  code: string;
  organization_id: number;
  region_id: number;
  municipality_id: number;
  academic_year: number;
  exists: boolean;
  [column: string]: unknown;
}

/**
 * Loads a region's contingent from a file: each row replaces one school's figures for one
 * academic year (an empty cell is "not reported"). The whole file is checked first; with any
 * problem nothing is written; the same file again changes nothing. Set-based: the statements
 * do not grow with the rows. Schools outside the caller's region answer like unknown codes.
 */
export async function importContingent(
  em: EntityManager,
  scope: AccessScope,
  content: Buffer,
  options: { dryRun: boolean; today: string },
): Promise<ContingentImportReport> {
  const sheets = await readSpreadsheet(content, headerScore);
  if (typeof sheets === 'string')
    return unreadableContingentReport(options.dryRun, [{ row: 0, message: sheets }]);
  const { rows, problems, titles, count } = parseSheets(sheets, options.today);
  const scoped = scopePredicate(scope, 'o', {
    region: 'region_id',
    municipality: 'municipality_id',
    organization: 'id',
  });

  return em.transactional(async (tx) => {
    const keys = rows.map((row) => ({ code: row.code, academic_year: row.academicYear }));
    // Every row's school (within scope) and its stored figures for the year, in one statement.
    const stored = keys.length
      ? await tx.execute<Stored[]>(
          `select k.code, k.academic_year, o.id as organization_id, o.region_id, o.municipality_id,
                  c.organization_id is not null as exists, ${CONTINGENT_COLUMNS.map((column) => `c.${column}`).join(', ')}
           from jsonb_to_recordset(?::jsonb) as k(code text, academic_year int)
           join organization o on o.code = k.code and ${scoped.sql}
           left join contingent c on c.organization_id = o.id and c.academic_year = k.academic_year`,
          [JSON.stringify(keys), ...scoped.params],
        )
      : [];
    const byKey = new Map(stored.map((row) => [`${row.code}/${row.academic_year}`, row]));
    const changes: { row: ContingentRow; before: Stored; after: Record<string, number | null> }[] = [];
    let unchanged = 0;
    for (const row of rows) {
      const before = byKey.get(`${row.code}/${row.academicYear}`);
      if (!before) {
        problems.push({
          sheet: row.sheet,
          row: row.row,
          column: titles.organizationCode,
          message: `ОО с кодом «${row.code}» нет среди ОО вашего субъекта РФ`,
        });
        continue;
      }
      const after = rowOfValues(row.values);
      const same = before.exists
        ? CONTINGENT_COLUMNS.every((column) => (before[column] ?? null) === after[column])
        : isEmpty(row.values);
      if (same) unchanged += 1;
      else changes.push({ row, before, after });
    }
    problems.sort((a, b) => a.row - b.row);
    const created = changes.filter((change) => !change.before.exists).length;
    const report: ContingentImportReport = {
      dryRun: options.dryRun,
      applied: false,
      rows: count,
      created,
      updated: changes.length - created,
      unchanged,
      problems,
    };
    if (problems.length > 0) return { ...report, created: 0, updated: 0, unchanged: 0 };
    if (options.dryRun || changes.length === 0) return { ...report, applied: !options.dryRun };

    const written = changes.filter((change) => !isEmpty(change.row.values));
    if (written.length > 0)
      await tx.execute(
        `insert into contingent (region_id, municipality_id, organization_id, academic_year, ${CONTINGENT_COLUMNS.join(', ')})
         select r.region_id, r.municipality_id, r.organization_id, r.academic_year, ${CONTINGENT_COLUMNS.map((c) => `r.${c}`).join(', ')}
         from jsonb_to_recordset(?::jsonb) as r(region_id int, municipality_id int, organization_id int, academic_year int,
                                                ${CONTINGENT_COLUMNS.map((c) => `${c} int`).join(', ')})
         on conflict (organization_id, academic_year) do update set
           ${CONTINGENT_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()`,
        [
          JSON.stringify(
            written.map(({ before, row, after }) => ({
              region_id: before.region_id,
              municipality_id: before.municipality_id,
              organization_id: before.organization_id,
              academic_year: row.academicYear,
              ...after,
            })),
          ),
        ],
      );
    const cleared = changes.filter((change) => isEmpty(change.row.values));
    if (cleared.length > 0)
      await tx.execute(
        `delete from contingent c using jsonb_to_recordset(?::jsonb) as r(organization_id int, academic_year int)
         where c.organization_id = r.organization_id and c.academic_year = r.academic_year`,
        [
          JSON.stringify(
            cleared.map(({ before, row }) => ({
              organization_id: before.organization_id,
              academic_year: row.academicYear,
            })),
          ),
        ],
      );
    const pick = (stored: Stored) =>
      Object.fromEntries(CONTINGENT_COLUMNS.map((column) => [column, stored[column] ?? null]));
    await recordAudit(
      tx.getTransactionContext() ?? tx.getKnex(),
      scope.caller,
      changes.map(({ row, before, after }): AuditEntry => ({
        operation: 'contingent.write',
        action: !before.exists ? 'CREATE' : isEmpty(row.values) ? 'DELETE' : 'UPDATE',
        entity: 'contingent',
        entityCode: `${row.code}/${row.academicYear}`,
        before: before.exists ? pick(before) : null,
        after: isEmpty(row.values) ? null : after,
        regionId: before.region_id,
        municipalityId: before.municipality_id,
        organizationId: before.organization_id,
      })),
    );
    await refreshOrganizationSummaries(
      tx,
      changes.map((change) => change.before.organization_id),
    );
    return { ...report, applied: true };
  });
}
