import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { inject } from 'vitest';
import type { SigningKey } from '@nastavnik/dev-identity';
import { startLocalIdentity } from '@nastavnik/dev-identity/local-identity';
import { createApp } from '../src/app.js';
import { initOrm } from '../src/db/migrate.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Who sends a request: a demo user of the realm (password grant), a raw token, or nobody (null). */
export interface Caller {
  user?: string;
  token?: string | null;
}

export interface TestServer {
  url: string;
  orm: MikroORM;
  /** Base URL of the dev identity server (Keycloak's auth-server-url). */
  identityUrl: string;
  /** The realm's signing key, for tests that forge tokens the identity server would never issue. */
  identityKey: SigningKey;
  /** How many times the API fetched the realm's keys (JWKS) so far. */
  jwksRequests(): number;
  /** POSTs an operation to the running API as any client would; by default as the federal analyst. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller,
  ): Promise<GraphQLResponse<T>>;
  /** An access token for a demo user of infra/keycloak/realm.json. */
  tokenFor(username: string): Promise<string>;
  /** A client-credentials token for a service-account client of the realm. */
  serviceToken(clientId: string, secret: string): Promise<string>;
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

/** The API on a fresh database, with the dev identity server serving the real realm file. */
export async function startTestServer(): Promise<TestServer> {
  // Identity: the same realm file the demo and Keycloak use; password grant for tests only.
  const identity = await startLocalIdentity();

  const orm = await initOrm(await createTestDatabase());
  const { app, stop: stopApollo } = await createApp(orm, {
    url: identity.url,
    realm: 'nastavnik',
    audience: 'nastavnik-api',
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (username: string) => {
    if (!tokens.has(username)) tokens.set(username, identity.userToken(username));
    return tokens.get(username)!;
  };

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
    identityUrl: identity.url,
    identityKey: identity.key,
    jwksRequests: identity.countJwksRequests,
    tokenFor,
    serviceToken: identity.serviceToken,
    async graphql(query, variables, caller: Caller = { user: 'analyst.rf' }) {
      const token = caller.token !== undefined ? caller.token : await tokenFor(caller.user ?? 'analyst.rf');
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
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
      await identity.close();
      await stopApollo();
      await orm.close();
    },
  };
}
