import { openDatabase } from '@nastavnik/server/db/database.js';
import { initOrm } from '@nastavnik/server/db/migrate.js';
import { fileURLToPath } from 'node:url';
import type { OnExit } from '@nastavnik/server/cli/process-lifecycle.js';
import type { SqlSession } from './sql-session.js';

/** Kept apart from the dev database (.data/postgres, port 54329) so both can run side by side. */
const DATA_DIR = fileURLToPath(new URL('../../.data/national', import.meta.url));
const PORT = Number(process.env.NATIONAL_PGPORT ?? 54330);

export type Orm = Awaited<ReturnType<typeof initOrm>>;
type Knex = ReturnType<ReturnType<Orm['em']['getConnection']>['getKnex']>;

/** Statements through knex (the pool, or one transaction's connection), rows as plain objects. */
export function sqlSession(runner: Pick<Knex, 'raw'>): SqlSession {
  return {
    query: async (text, bindings = []) => (await runner.raw(text, [...bindings])).rows,
  };
}

export interface NationalDatabase {
  orm: Orm;
  /** Where the data lives, for the report; never includes a password. */
  description: string;
}

/**
 * The database the national data set lives in: `DATABASE_URL` when set, otherwise an embedded
 * PostgreSQL with its data under `.data/national/`. Migrations are applied before returning.
 *
 * `bulkLoad` (the generator) runs the embedded server without fsync and full-page writes: loading
 * millions of rows then takes about a third less time, and a crash in the middle costs nothing
 * but a new run. Benchmarks open it without, as production runs.
 */
export async function openNationalDatabase(
  onExit: OnExit,
  options: { bulkLoad?: boolean } = {},
): Promise<NationalDatabase> {
  const database = await openDatabase({ dataDir: DATA_DIR, port: PORT, fast: options.bulkLoad });
  onExit(() => database.stop());
  const orm = await initOrm(database.url);
  onExit(() => orm.close());

  const url = new URL(database.url);
  const description = process.env.DATABASE_URL
    ? `DATABASE_URL (${url.host}${url.pathname})`
    : `встроенный PostgreSQL, ${DATA_DIR}, порт ${PORT}`;
  return { orm, description };
}
