import { fileURLToPath } from 'node:url';
import {
  startEmbeddedPostgres,
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
} from './embedded-postgres.js';

/**
 * `DATABASE_URL` names an external PostgreSQL and nothing is started; without it an embedded
 * PostgreSQL runs for the life of this process.
 */
export async function openDatabase(embedded: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, stop: async () => {} };
  return startEmbeddedPostgres(embedded);
}

/**
 * The database the API and the command-line tools share: `DATABASE_URL`, or the embedded
 * PostgreSQL with its data under .data/postgres (`PGDATA_DIR`) on port 54329 (`PGPORT`).
 */
export function openAppDatabase(): Promise<EmbeddedDatabase> {
  return openDatabase({
    dataDir: process.env.PGDATA_DIR ?? fileURLToPath(new URL('../../../.data/postgres', import.meta.url)),
    port: Number(process.env.PGPORT ?? 54329),
  });
}
