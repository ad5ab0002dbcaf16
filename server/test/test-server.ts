import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { inject } from 'vitest';
import { createDevIdentityServer, type SigningKey } from '@nastavnik/dev-identity';
import express from 'express';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { findFreePort } from '../src/db/embedded-postgres.js';
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

const REALM_FILE = fileURLToPath(new URL('../../infra/keycloak/realm.json', import.meta.url));
export const DEMO_PASSWORD = 'nastavnik';

async function requestToken(identityUrl: string, form: Record<string, string>): Promise<string> {
  const response = await fetch(`${identityUrl}/realms/nastavnik/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!body.access_token) throw new Error(`Токен не выдан: ${body.error_description}`);
  return body.access_token;
}

/** The API on a fresh database, with the dev identity server serving the real realm file. */
export async function startTestServer(): Promise<TestServer> {
  // Identity: the same realm file the demo and Keycloak use; password grant for tests only.
  const identityPort = await findFreePort();
  const identityUrl = `http://127.0.0.1:${identityPort}`;
  const identity = await createDevIdentityServer({
    realmFile: REALM_FILE,
    publicUrl: identityUrl,
    allowPasswordGrant: true,
  });
  let jwksRequests = 0;
  const countingIdentity = express();
  countingIdentity.use((req, _res, next) => {
    if (req.path.endsWith('/certs')) jwksRequests += 1;
    next();
  });
  countingIdentity.use(identity.app);
  const identityServer = countingIdentity.listen(identityPort, '127.0.0.1');
  await new Promise((resolve) => identityServer.once('listening', resolve));

  const orm = await initOrm(await createTestDatabase());
  const { app, stop: stopApollo } = await createApp(orm, {
    url: identityUrl,
    realm: 'nastavnik',
    audience: 'nastavnik-api',
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (username: string) => {
    if (!tokens.has(username)) {
      tokens.set(
        username,
        requestToken(identityUrl, {
          grant_type: 'password',
          client_id: 'nastavnik-web',
          client_secret: 'nastavnik-web-dev-secret',
          username,
          password: DEMO_PASSWORD,
        }),
      );
    }
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
    identityUrl,
    identityKey: identity.key,
    jwksRequests: () => jwksRequests,
    tokenFor,
    serviceToken: (clientId, secret) =>
      requestToken(identityUrl, {
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: secret,
      }),
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
      await new Promise((resolve) => identityServer.close(resolve));
      await stopApollo();
      await orm.close();
    },
  };
}
