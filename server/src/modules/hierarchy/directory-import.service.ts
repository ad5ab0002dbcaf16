import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import {
  lockDirectoryImports,
  readStoredDirectory,
  writeDirectoryChanges,
} from './directory-import.database.js';
import { parseDirectoryFile } from './directory-import.parser.js';
import { codesToLookUp, planDirectoryImport } from './directory-import.plan.js';
import { inFileOrder } from './directory-import.problems.js';
import { unreadableFileReport, type DirectoryImportReport } from './directory-import.report.js';
import { validateDirectory } from './directory-import.validator.js';
import type { Caller } from '../access/access-scope.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  organizationsMovedInDirectory,
  refreshOrganizationSummaries,
} from '../indicators/organization-summary.js';

export interface DirectoryFile {
  fileName: string;
  content: Buffer;
}

/**
 * Loads a directory of regions, municipalities and organisations from a CSV or XLSX file,
 * matching rows by code. The whole file is checked first and written only when it has no
 * problems at all, in one transaction, so a bad file never leaves half a directory behind.
 * A dry run does all of it except the writing.
 */
export interface DirectoryImportOptions {
  dryRun: boolean;
  /** Who imports: the audit trail names them. */
  caller: Caller;
  /** A regional administrator's region: rows elsewhere are refused. Null for the operator's CLI and seeds. */
  allowedRegionCode: string | null;
}

export async function importDirectory(
  em: EntityManager,
  file: DirectoryFile,
  options: DirectoryImportOptions,
): Promise<DirectoryImportReport> {
  const parsed = await parseDirectoryFile(file.content);
  if (parsed.tables.length === 0) return unreadableFileReport(options.dryRun, parsed.problems);
  const { directory, problems: rowProblems } = validateDirectory(parsed.tables);

  const check = async (db: Knex) => {
    const stored = await readStoredDirectory(db, codesToLookUp(directory));
    const plan = planDirectoryImport(directory, stored, options.allowedRegionCode);
    const problems = inFileOrder([...parsed.problems, ...rowProblems, ...plan.problems], parsed.tables);
    return { plan, problems };
  };

  const knex = em.getKnex();
  if (options.dryRun) {
    const { plan, problems } = await check(knex);
    return { dryRun: true, applied: false, problems, ...plan.counts };
  }
  return knex.transaction(async (trx) => {
    await lockDirectoryImports(trx);
    const { plan, problems } = await check(trx);
    const applied = problems.length === 0;
    if (applied) {
      await writeDirectoryChanges(trx, plan.changes);
      const moved = await organizationsMovedInDirectory(
        trx,
        plan.changes.organizations.map((o) => o.code),
      );
      await refreshOrganizationSummaries(trx, moved);
      await recordAudit(
        trx,
        options.caller,
        plan.auditTrail.map((entry) => ({ ...entry, operation: 'directory.import' })),
      );
    }
    return { dryRun: false, applied, problems, ...plan.counts };
  });
}
