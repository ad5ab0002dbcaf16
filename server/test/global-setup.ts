import 'reflect-metadata';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { initOrm } from '../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated database that each test file copies into its own (CREATE DATABASE … TEMPLATE). */
    templateDatabaseUrl: string;
  }
}

/** One throw-away PostgreSQL per test run; `DATABASE_URL` points the tests at an external one. */
export default async function setup(project: TestProject) {
  const database = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ fast: true, database: 'nastavnik_template' });
  const orm = await initOrm(database.url);
  await orm.close();
  project.provide('templateDatabaseUrl', database.url);
  return () => database.stop();
}
