import 'reflect-metadata';
import { runScript } from '../../cli/process-lifecycle.js';
import { formatTable } from '../../cli/text-table.js';
import { openAppDatabase } from '../../db/database.js';
import { initOrm } from '../../db/migrate.js';
import { rebuildSummaries, summaryDifferences } from './organization-summary.js';

// Recomputes the whole indicator summary from base rows, then checks it:
//   pnpm --filter @nastavnik/server summary:rebuild
// Needed after loading data past the write path (generators, restores); the new academic year
// on 1 September the API handles itself (summary-year-rollover.ts). Exit code 1 when the check
// finds differences.

const seconds = (ms: number) => `${(ms / 1000).toFixed(2).replace('.', ',')} с`;

await runScript(async (onExit) => {
  const database = await openAppDatabase();
  onExit(() => database.stop());
  const orm = await initOrm(database.url);
  onExit(() => orm.close());
  const knex = orm.em.getConnection().getKnex();

  const started = performance.now();
  const rebuilt = await rebuildSummaries(knex);
  const rebuildMs = performance.now() - started;
  const checkStarted = performance.now();
  const differences = await summaryDifferences(knex);
  const checkMs = performance.now() - checkStarted;

  console.log(
    formatTable(
      ['сводка', 'строк', 'время'],
      [
        ['ОО', String(rebuilt.organizationRows), seconds(rebuilt.organizationsMs)],
        ['муниципалитеты', String(rebuilt.municipalityRows), seconds(rebuilt.municipalitiesMs)],
        ['субъекты РФ', String(rebuilt.regionRows), seconds(rebuilt.regionsMs)],
        ['пересборка целиком', '', seconds(rebuildMs)],
        ['проверка (пересчёт и сравнение)', '', seconds(checkMs)],
      ],
    ),
  );
  if (differences.length > 0) {
    console.log(`\nРасхождений после пересборки: ${differences.length}`);
    for (const difference of differences.slice(0, 10)) console.log(JSON.stringify(difference));
    return 1;
  }
  console.log('\nСводка совпадает с пересчётом из исходных данных.');
  return 0;
});
