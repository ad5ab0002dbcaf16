import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp } from '../src/app.js';
import { initOrm } from '../src/db/migrate.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  orm: MikroORM;
  /** POSTs an operation to the running API, as any client would. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Runs `action` and returns how many SQL statements it sent to PostgreSQL. */
  countStatements(action: () => Promise<unknown>): Promise<number>;
  stop(): Promise<void>;
}

let databaseSequence = 0;

/** A fresh database copied from the migrated template, so test files never see each other's rows. */
async function createTestDatabase(): Promise<string> {
  const template = new URL(inject('templateDatabaseUrl'));
  const name = `test_${process.pid}_${++databaseSequence}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: template.href.replace(template.pathname, '/postgres') });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template.pathname.slice(1)}`);
  } finally {
    await admin.end();
  }
  template.pathname = `/${name}`;
  return template.href;
}

export async function startTestServer(): Promise<TestServer> {
  const orm = await initOrm(await createTestDatabase());
  const { app, stop: stopApollo } = await createApp(orm);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  let statements = 0;
  orm.em
    .getConnection()
    .getKnex()
    .on('query', () => {
      statements += 1;
    });

  return {
    url,
    orm,
    async graphql(query, variables) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async countStatements(action) {
      const before = statements;
      await action();
      return statements - before;
    },
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await stopApollo();
      await orm.close();
    },
  };
}
