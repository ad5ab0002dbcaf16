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
