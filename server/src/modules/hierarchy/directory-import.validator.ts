import type { DirectoryRow, DirectoryTable } from './directory-import.parser.js';
import { FileDirectory, type OrganizationRecord } from './directory-import.file-directory.js';
import { problemAt, titleIn, type RowSource } from './directory-import.problems.js';
import { missingColumnProblem } from '../../imports/header-columns.js';
import type { ImportProblem } from '../../imports/import-problem.js';
import {
  DIRECTORY_COLUMNS,
  MUNICIPALITY_KINDS,
  ORGANIZATION_KINDS,
  type DirectoryField,
} from './directory-import.vocabulary.js';

const ORGANIZATION_FIELDS: DirectoryField[] = [
  'organizationCode',
  'organizationName',
  'organizationShortName',
  'organizationKind',
  'address',
  'inn',
];
const MUNICIPALITY_FIELDS: DirectoryField[] = ['municipalityCode', 'municipalityName', 'municipalityKind'];

const MAX_NAME_LENGTH = 255;
const MAX_ORGANIZATION_CODE_LENGTH = 32;

/**
 * Checks every row of the file on its own and against the other rows (the database comes
 * later), collecting all problems. The flat layout has one row per organisation; a row with
 * region columns only defines a region, with region and municipality columns a municipality.
 * A code without its name — ОКТМО without name and kind, a region code without the region's
 * name — refers to a record defined elsewhere in the file or already stored.
 */
export function validateDirectory(tables: DirectoryTable[]): {
  directory: FileDirectory;
  problems: ImportProblem[];
} {
  const problems: ImportProblem[] = [];
  const directory = new FileDirectory(problems);
  for (const table of tables) {
    const missing = DIRECTORY_COLUMNS.filter(
      (column) => column.required && !table.columns.some((present) => present.field === column.field),
    );
    for (const column of missing)
      problems.push(missingColumnProblem(table.sheet, table.headerRow, column.title));
    // Without the column every row would repeat the same complaint.
    if (missing.length > 0) continue;
    for (const row of table.rows) readRow({ table, row: row.row }, row, directory, problems);
  }
  directory.resolveReferences();
  return { directory, problems };
}

/** What a row states, by which of its columns are filled (see `validateDirectory`). */
function rowRole(row: DirectoryRow) {
  const filled = (field: DirectoryField) => Boolean(row.cells[field]);
  const isOrganization = ORGANIZATION_FIELDS.some(filled);
  const definesMunicipality =
    filled('municipalityName') ||
    filled('municipalityKind') ||
    (!isOrganization && MUNICIPALITY_FIELDS.some(filled));
  const definesRegion = filled('regionName') || (!isOrganization && !definesMunicipality);
  return { isOrganization, definesMunicipality, definesRegion };
}

/** Reports empty required cells and malformed values; returns the fields at fault. */
function findFaults(source: RowSource, row: DirectoryRow, problems: ImportProblem[]): Set<DirectoryField> {
  const text = (field: DirectoryField) => row.cells[field] ?? '';
  const filled = (field: DirectoryField) => text(field) !== '';
  const faulty = new Set<DirectoryField>();
  const report = (field: DirectoryField, message: string) => {
    faulty.add(field);
    problems.push(problemAt(source, field, message));
  };

  const { isOrganization, definesMunicipality, definesRegion } = rowRole(row);
  const required = new Map<DirectoryField, string>();
  const require = (fields: DirectoryField[], whom: string) =>
    fields.forEach((field) => required.has(field) || required.set(field, whom));
  if (isOrganization) {
    require(['organizationCode', 'organizationName', 'organizationKind', 'municipalityCode'], 'организации');
  }
  if (definesMunicipality) {
    require(['municipalityCode', 'municipalityName', 'municipalityKind', 'regionCode'], 'муниципалитета');
  }
  if (definesRegion) require(['regionCode', 'regionName'], 'субъекта РФ');
  for (const [field, whom] of required) {
    if (!filled(field)) {
      report(field, `Не заполнено поле «${titleIn(source.table, field)}» — оно обязательно для ${whom}`);
    }
  }

  const check = (field: DirectoryField, fault: (value: string) => string | undefined) => {
    const message = filled(field) ? fault(text(field)) : undefined;
    if (message !== undefined) report(field, message);
  };
  check('regionCode', (code) =>
    /^\d{2}$/.test(code)
      ? undefined
      : `Код субъекта должен состоять из двух цифр (например, «05»), а указано «${code}»`,
  );
  check('municipalityCode', (code) =>
    /^(\d{8}|\d{11})$/.test(code)
      ? undefined
      : `Код ОКТМО должен состоять из 8 или 11 цифр, а указано «${code}»`,
  );
  check('organizationCode', (code) => {
    if (/\s/.test(code)) return `Код ОО не может содержать пробелы: «${code}»`;
    if (code.length > MAX_ORGANIZATION_CODE_LENGTH) {
      return `Код ОО длиннее ${MAX_ORGANIZATION_CODE_LENGTH} символов: «${code}»`;
    }
    return undefined;
  });
  for (const field of ['regionName', 'municipalityName', 'organizationShortName'] as const) {
    check(field, (name) =>
      name.length > MAX_NAME_LENGTH
        ? `Значение длиннее ${MAX_NAME_LENGTH} символов (${name.length})`
        : undefined,
    );
  }
  check('municipalityKind', (kind) =>
    MUNICIPALITY_KINDS.parse(kind)
      ? undefined
      : `Неизвестный вид МО «${kind}». Допустимые значения: ${MUNICIPALITY_KINDS.accepted}`,
  );
  check('organizationKind', (kind) =>
    ORGANIZATION_KINDS.parse(kind)
      ? undefined
      : `Неизвестный тип ОО «${kind}». Допустимые значения: ${ORGANIZATION_KINDS.accepted}`,
  );
  check('inn', (inn) => {
    if (!/^\d{10}$/.test(inn)) return `ИНН организации должен состоять из 10 цифр, а указано «${inn}»`;
    if (!hasValidInnCheckDigit(inn)) {
      return `ИНН «${inn}» не проходит проверку контрольной цифры — нет ли опечатки?`;
    }
    return undefined;
  });

  return faulty;
}

/** Adds what a row states to the directory, leaving out whatever depends on a faulty cell. */
function readRow(source: RowSource, row: DirectoryRow, directory: FileDirectory, problems: ImportProblem[]) {
  const text = (field: DirectoryField) => row.cells[field] ?? '';
  const filled = (field: DirectoryField) => text(field) !== '';
  const faulty = findFaults(source, row, problems);
  const { isOrganization, definesMunicipality } = rowRole(row);
  const valid = (...fields: DirectoryField[]) => fields.every((field) => !faulty.has(field));
  // An absent optional column stays undefined (keep the stored value); an empty cell clears it.
  const optional = (field: DirectoryField) =>
    row.cells[field] === undefined ? undefined : text(field) || null;

  if (filled('regionCode') && valid('regionCode', 'regionName')) {
    if (filled('regionName')) {
      directory.addRegion({ code: text('regionCode'), name: text('regionName') }, source);
    } else {
      directory.referToRegion(text('regionCode'), source);
    }
  }
  if (definesMunicipality) {
    if (valid(...MUNICIPALITY_FIELDS, 'regionCode')) {
      const municipality = {
        code: text('municipalityCode'),
        name: text('municipalityName'),
        kind: MUNICIPALITY_KINDS.parse(text('municipalityKind'))!,
        regionCode: text('regionCode'),
      };
      directory.addMunicipality(municipality, source);
    }
  } else if (filled('municipalityCode') && valid('municipalityCode')) {
    const regionCode = filled('regionCode') && valid('regionCode') ? text('regionCode') : undefined;
    directory.referToMunicipality(text('municipalityCode'), { regionCode, source });
  }
  if (isOrganization && valid(...ORGANIZATION_FIELDS, 'municipalityCode')) {
    const organization: OrganizationRecord = {
      code: text('organizationCode'),
      name: text('organizationName'),
      shortName: optional('organizationShortName'),
      kind: ORGANIZATION_KINDS.parse(text('organizationKind'))!,
      address: optional('address'),
      inn: optional('inn'),
      municipalityCode: text('municipalityCode'),
      source,
    };
    directory.addOrganization(organization);
  }
}

/** The check digit of a legal entity's ИНН (ФНС algorithm): weighted sum mod 11 mod 10. */
function hasValidInnCheckDigit(inn: string): boolean {
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(inn[index]), 0);
  return (sum % 11) % 10 === Number(inn[9]);
}
