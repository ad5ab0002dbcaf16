import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { openAppDatabase } from '../../db/database.js';
import { initOrm } from '../../db/migrate.js';
import type { DirectoryImportReport, ImportCounts } from './directory-import.report.js';
import { formatTable } from '../../cli/text-table.js';
import { runScript } from '../../cli/process-lifecycle.js';
import { systemCaller } from '../access/access-scope.js';
import { importDirectory } from './directory-import.service.js';

// Loads a directory file into the database the API uses:
//   pnpm --filter @nastavnik/server import-directory <файл.csv|файл.xlsx> [--dry-run]
// Exit code 0 when the file is clean, 1 when it has problems or the import failed, 2 on bad usage.

const USAGE =
  'Использование: pnpm --filter @nastavnik/server import-directory <файл.csv|файл.xlsx> [--dry-run]';

function parseArguments(args: string[]): { path: string; dryRun: boolean } | undefined {
  const files = args.filter((arg) => !arg.startsWith('--'));
  const flags = args.filter((arg) => arg.startsWith('--'));
  if (files.length !== 1 || flags.some((flag) => flag !== '--dry-run')) return undefined;
  // pnpm runs the script inside server/; a relative path means the caller's directory.
  return { path: resolve(process.env.INIT_CWD ?? process.cwd(), files[0]!), dryRun: flags.length > 0 };
}

function printReport(report: DirectoryImportReport) {
  if (report.problems.length > 0) {
    console.log(`Ошибки в файле: ${report.problems.length}\n`);
    const withSheets = report.problems.some((problem) => problem.sheet !== undefined);
    console.log(
      formatTable(
        [...(withSheets ? ['лист'] : []), 'строка', 'столбец', 'сообщение'],
        report.problems.map((problem) => [
          ...(withSheets ? [problem.sheet ?? ''] : []),
          problem.row === 0 ? '—' : String(problem.row),
          problem.column ?? '',
          problem.message,
        ]),
      ),
    );
    console.log('');
  }
  const counts = (title: string, { created, updated, unchanged }: ImportCounts) => [
    title,
    String(created),
    String(updated),
    String(unchanged),
  ];
  console.log(
    formatTable(
      ['', 'создано', 'изменено', 'без изменений'],
      [
        counts('Субъекты РФ', report.regions),
        counts('Муниципалитеты', report.municipalities),
        counts('Организации', report.organizations),
      ],
    ),
  );
  console.log('');
  const changed = [report.regions, report.municipalities, report.organizations].some(
    ({ created, updated }) => created + updated > 0,
  );
  if (report.applied) console.log(changed ? 'Справочник обновлён.' : 'Справочник уже совпадает с файлом.');
  else if (report.problems.length > 0)
    console.log('Ничего не записано: исправьте ошибки и загрузите файл снова.');
  else console.log('Пробная загрузка: файл корректен, ничего не записано.');
}

const options = parseArguments(process.argv.slice(2));
if (!options) {
  console.error(USAGE);
  process.exit(2);
}

await runScript(async (onExit) => {
  // The file first: a wrong path should not cost a PostgreSQL start.
  const content = await readFile(options.path);

  // Database: the same one the API opens (DATABASE_URL or the embedded one under .data/).
  const database = await openAppDatabase();
  onExit(() => database.stop());
  const orm = await initOrm(database.url);
  onExit(() => orm.close());

  const started = performance.now();
  const report = await importDirectory(
    orm.em.fork(),
    { fileName: basename(options.path), content },
    { dryRun: options.dryRun, caller: systemCaller('import-directory-cli'), allowedRegionCode: null },
  );
  printReport(report);
  console.log(`Время загрузки: ${((performance.now() - started) / 1000).toFixed(2)} с`);
  return report.problems.length > 0 ? 1 : 0;
});
