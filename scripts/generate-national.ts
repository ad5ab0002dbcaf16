/**
 * National-scale data set for benchmarks: 89 regions, ~2,400 municipalities, ~40,000
 * organisations, and their roadmaps for the 2025/2026 academic year as a tracker would see them
 * on 15 January 2026 (~36,000 school roadmaps of 30 events, ~2,300 municipal ones of 15, 1.1
 * million events in all); their mentoring bases on the same day (~5 million participants with
 * consents, ~2.4 million pairs and groups started in 2024 and 2025 with their members, meetings,
 * feedback and assessments); the same on every run for the same seed. The indicator summary is
 * rebuilt from them at the end, as after any load past the write path.
 *
 *   pnpm -C scripts generate:national            # refuses if the hierarchy tables hold data
 *   pnpm -C scripts generate:national --force    # TRUNCATE … CASCADE, then load again
 *   pnpm -C scripts generate:national --seed=7   # another, equally deterministic data set
 *
 * Runs against DATABASE_URL when it is set, otherwise against an embedded PostgreSQL kept in
 * `.data/national/` (port 54330, or NATIONAL_PGPORT). Without `--force` existing data is never
 * touched: DATABASE_URL may point at a database someone cares about, and `--force` also empties
 * every table that references the hierarchy.
 *
 * Everything is generated inside PostgreSQL (INSERT … SELECT over generate_series), one
 * transaction for clearing and all steps, so a failed or interrupted run leaves the previous
 * data in place.
 */
import { parseArgs } from 'node:util';
import { runScript } from '@nastavnik/server/cli/process-lifecycle.js';
import { rebuildSummaries } from '@nastavnik/server/modules/indicators/organization-summary.js';
import { NATIONAL_STEPS, NATIONAL_TABLES } from './national/generation-steps.js';
import { openNationalDatabase, sqlSession, type NationalDatabase } from './national/national-database.js';
import type { SqlSession } from './national/sql-session.js';

const DEFAULT_SEED = 20261122;

const { values: options } = parseArgs({
  options: {
    force: { type: 'boolean', default: false },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
  },
});
const seed = Number(options.seed);

/** Runs one step and prints its duration and what it reports (row counts, as a rule). */
async function timed(name: string, work: () => Promise<string>): Promise<void> {
  const started = performance.now();
  const report = await work();
  const seconds = (performance.now() - started) / 1000;
  console.log(`  ${name.padEnd(28)} ${seconds.toFixed(2).padStart(7)} с  ${report}`);
}

async function countRows(sql: SqlSession, tables: string[]): Promise<string> {
  const counts: string[] = [];
  for (const table of tables) {
    const [{ count }] = await sql.query<{ count: string }>(`select count(*) from ${table}`);
    counts.push(`${table} ${Number(count).toLocaleString('ru-RU')}`);
  }
  return counts.join(', ');
}

async function printComposition(sql: SqlSession): Promise<void> {
  const rows = await sql.query<{ table: string; kind: string; count: string; share: string }>(
    `select 'municipality' as table, kind, count(*),
            round(100.0 * count(*) / sum(count(*)) over (), 1) as share
     from municipality group by kind
     union all
     select 'organization', kind, count(*), round(100.0 * count(*) / sum(count(*)) over (), 1)
     from organization group by kind
     union all
     select 'roadmap_item', status, count(*), round(100.0 * count(*) / sum(count(*)) over (), 1)
     from roadmap_item group by status
     union all
     select 'participant', category, count(*), round(100.0 * count(*) / sum(count(*)) over (), 1)
     from participant group by category
     union all
     select 'mentoring_group', form, count(*), round(100.0 * count(*) / sum(count(*)) over (), 1)
     from mentoring_group group by form
     order by 1, 3 desc`,
  );
  console.log('\nСостав:');
  for (const row of rows) {
    console.log(`  ${row.table.padEnd(15)} ${row.kind.padEnd(23)} ${row.count.padStart(9)}  ${row.share} %`);
  }
}

await runScript(async (onExit) => {
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed: нужно целое число, передано «${options.seed}»`);
  const started = performance.now();
  console.log(`Национальный набор данных, зерно ${seed}`);

  let database!: NationalDatabase;
  await timed('запуск базы и миграции', async () => {
    database = await openNationalDatabase(onExit, { bulkLoad: true });
    return database.description;
  });

  const knex = database.orm.em.getConnection().getKnex();
  const transaction = await knex.transaction();
  const sql = sqlSession(transaction);
  try {
    await timed('очистка', async () => {
      const [{ present }] = await sql.query<{ present: boolean }>(
        `select ${NATIONAL_TABLES.map((table) => `exists (select from ${table})`).join(' or ')} as present`,
      );
      if (!present) return 'таблицы пусты';
      if (!options.force) {
        throw new Error(
          `В базе уже есть данные (${await countRows(sql, NATIONAL_TABLES)}). Запустите с --force, ` +
            'чтобы стереть их (и всё, что на них ссылается) и сгенерировать заново.',
        );
      }
      // CASCADE also empties the indicator definitions (a region may own some); the shipped
      // defaults belong to no region and are put back as the migration left them.
      await sql.query(
        `create temp table shipped_definition on commit drop as
           select * from indicator_definition where region_id is null`,
      );
      await sql.query(
        `create temp table shipped_target on commit drop as
           select t.* from indicator_target t join shipped_definition d on d.id = t.definition_id
           where t.region_id is null`,
      );
      await sql.query(`truncate table ${NATIONAL_TABLES.join(', ')} restart identity cascade`);
      await sql.query(`insert into indicator_definition select * from shipped_definition`);
      await sql.query(`insert into indicator_target select * from shipped_target`);
      for (const table of ['indicator_definition', 'indicator_target']) {
        await sql.query(
          `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`,
        );
      }
      return 'TRUNCATE … RESTART IDENTITY CASCADE, общие определения показателей сохранены';
    });

    for (const step of NATIONAL_STEPS) {
      await timed(step.name, async () => {
        await step.run({ sql, seed });
        return step.report ? step.report(sql) : countRows(sql, step.tables);
      });
    }
    await timed('фиксация (COMMIT)', async () => {
      await transaction.commit();
      return '';
    });
  } catch (error) {
    await transaction.rollback();
    throw error;
  }

  // After a bulk load the planner needs statistics, and index-only scans need the visibility
  // map that VACUUM writes; autovacuum would get there later, the benchmark should not wait.
  await timed('VACUUM ANALYZE', async () => {
    await knex.raw(`vacuum (analyze) ${NATIONAL_TABLES.join(', ')}`);
    return '';
  });
  await timed('сводка показателей', async () => {
    const rebuilt = await rebuildSummaries(knex);
    return `organization_summary ${rebuilt.organizationRows.toLocaleString('ru-RU')}`;
  });
  console.log(`  ${'итого'.padEnd(28)} ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} с`);

  await printComposition(sqlSession(knex));
});
