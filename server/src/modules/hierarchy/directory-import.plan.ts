import type { DirectoryChanges, DirectoryCodes, StoredDirectory } from './directory-import.database.js';
import { alsoOnRows, problemAt } from './directory-import.problems.js';
import type { ImportProblem } from '../../imports/import-problem.js';
import { noChanges, type ImportCounts } from './directory-import.report.js';
import type { FileDirectory } from './directory-import.file-directory.js';
import type { AuditEntry, DirectoryEntity } from '../audit/audit.service.js';

export interface DirectoryImportPlan {
  problems: ImportProblem[];
  counts: { regions: ImportCounts; municipalities: ImportCounts; organizations: ImportCounts };
  changes: DirectoryChanges;
  /** One audit entry per written row, with the stored values it replaces. */
  auditTrail: Omit<AuditEntry, 'operation'>[];
}

/** Every code whose stored row the plan compares the file with. */
export function codesToLookUp(directory: FileDirectory): DirectoryCodes {
  return {
    regions: [...directory.regions.keys(), ...directory.regionReferences.keys()],
    municipalities: [...directory.municipalities.keys(), ...directory.municipalityReferences.keys()],
    organizations: directory.organizations.keys(),
  };
}

/**
 * Checks the file against the database (codes it relies on, municipalities it would move) and
 * sorts every row into created, updated or unchanged; only the first two get written.
 */
export function planDirectoryImport(
  directory: FileDirectory,
  stored: StoredDirectory,
  allowedRegionCode: string | null,
): DirectoryImportPlan {
  const problems = [
    ...checkAgainstDatabase(directory, stored),
    ...(allowedRegionCode === null ? [] : checkWithinRegion(directory, stored, allowedRegionCode)),
  ];

  const regions = compare(
    [...directory.regions.values()],
    stored.regions,
    (file, db) => file.name === db.name,
  );
  const municipalities = compare(
    [...directory.municipalities.values()],
    stored.municipalities,
    (file, db) => file.name === db.name && file.kind === db.kind,
  );
  const organizations = compare(
    [...directory.organizations.values()].map((file) => {
      const db = stored.organizations.get(file.code);
      return {
        code: file.code,
        name: file.name,
        shortName: file.shortName === undefined ? (db?.shortName ?? null) : file.shortName,
        kind: file.kind,
        address: file.address === undefined ? (db?.address ?? null) : file.address,
        inn: file.inn === undefined ? (db?.inn ?? null) : file.inn,
        municipalityCode: file.municipalityCode,
      };
    }),
    stored.organizations,
    (file, db) =>
      file.name === db.name &&
      file.shortName === db.shortName &&
      file.kind === db.kind &&
      file.address === db.address &&
      file.inn === db.inn &&
      file.municipalityCode === db.municipalityCode,
  );

  const changes: DirectoryChanges = {
    regions: regions.changed.map(({ code, name }) => ({ code, name })),
    municipalities: municipalities.changed.map(({ code, name, kind, regionCode }) => ({
      code,
      name,
      kind,
      regionCode,
    })),
    organizations: organizations.changed,
  };
  return {
    problems,
    counts: {
      regions: regions.counts,
      municipalities: municipalities.counts,
      organizations: organizations.counts,
    },
    changes,
    auditTrail: [
      ...auditOf('region', changes.regions, stored.regions),
      ...auditOf('municipality', changes.municipalities, stored.municipalities),
      ...auditOf('organization', changes.organizations, stored.organizations),
    ],
  };
}

function auditOf(entity: DirectoryEntity, changed: { code: string }[], stored: Map<string, unknown>) {
  return changed.map(({ code, ...after }) => {
    const before = stored.get(code);
    return {
      entity,
      entityCode: code,
      action: before ? ('UPDATE' as const) : ('CREATE' as const),
      before,
      after,
    };
  });
}

/**
 * A regional administrator loads their own region only: every row must lie in it, whether it
 * names the region itself or a stored municipality.
 */
function checkWithinRegion(
  directory: FileDirectory,
  stored: StoredDirectory,
  allowed: string,
): ImportProblem[] {
  const outside = (code: string) =>
    `Субъект РФ «${code}» вне вашей области доступа: можно загружать данные только субъекта «${allowed}»`;
  const problems: ImportProblem[] = [];
  for (const region of directory.regions.values()) {
    if (region.code !== allowed)
      problems.push(
        problemAt(region.sources[0]!, 'regionCode', outside(region.code) + alsoOnRows(region.sources)),
      );
  }
  for (const [code, sources] of directory.regionReferences) {
    if (code !== allowed)
      problems.push(problemAt(sources[0]!, 'regionCode', outside(code) + alsoOnRows(sources)));
  }
  for (const [code, references] of directory.municipalityReferences) {
    const regionCode = stored.municipalities.get(code)?.regionCode;
    if (regionCode === undefined || regionCode === allowed) continue;
    const sources = references.map((reference) => reference.source);
    problems.push(problemAt(sources[0]!, 'municipalityCode', outside(regionCode) + alsoOnRows(sources)));
  }
  return problems;
}

function checkAgainstDatabase(directory: FileDirectory, stored: StoredDirectory): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const [code, sources] of directory.regionReferences) {
    if (stored.regions.has(code)) continue;
    problems.push(
      problemAt(
        sources[0]!,
        'regionCode',
        `Неизвестный субъект РФ с кодом «${code}»: его нет ни в файле, ни в справочнике. ` +
          `Укажите наименование субъекта, чтобы добавить его${alsoOnRows(sources)}`,
      ),
    );
  }
  for (const municipality of directory.municipalities.values()) {
    const db = stored.municipalities.get(municipality.code);
    if (!db || db.regionCode === municipality.regionCode) continue;
    problems.push(
      problemAt(
        municipality.sources[0]!,
        'regionCode',
        `Муниципалитет «${municipality.name}» (ОКТМО ${municipality.code}) в справочнике относится к субъекту ` +
          `«${db.regionCode}», а в файле — к «${municipality.regionCode}». Импорт не переносит муниципалитеты ` +
          `между субъектами РФ${alsoOnRows(municipality.sources)}`,
      ),
    );
  }
  for (const [code, references] of directory.municipalityReferences) {
    const db = stored.municipalities.get(code);
    const sources = references.map((reference) => reference.source);
    if (!db) {
      problems.push(
        problemAt(
          sources[0]!,
          'municipalityCode',
          `Неизвестный муниципалитет с ОКТМО «${code}»: его нет ни в файле, ни в справочнике. ` +
            `Укажите наименование и вид МО, чтобы добавить его${alsoOnRows(sources)}`,
        ),
      );
      continue;
    }
    const elsewhere = references.filter(
      ({ regionCode }) => regionCode !== undefined && regionCode !== db.regionCode,
    );
    if (elsewhere.length === 0) continue;
    problems.push(
      problemAt(
        elsewhere[0]!.source,
        'regionCode',
        `Муниципалитет с ОКТМО «${code}» в справочнике относится к субъекту «${db.regionCode}», ` +
          `а здесь указан «${elsewhere[0]!.regionCode}»${alsoOnRows(elsewhere.map(({ source }) => source))}`,
      ),
    );
  }
  return problems;
}

function compare<Row extends { code: string }, Stored>(
  rows: Row[],
  stored: Map<string, Stored>,
  same: (row: Row, stored: Stored) => boolean,
): { counts: ImportCounts; changed: Row[] } {
  const counts = noChanges();
  const changed: Row[] = [];
  for (const row of rows) {
    const before = stored.get(row.code);
    if (before !== undefined && same(row, before)) {
      counts.unchanged += 1;
      continue;
    }
    counts[before === undefined ? 'created' : 'updated'] += 1;
    changed.push(row);
  }
  return { counts, changed };
}
