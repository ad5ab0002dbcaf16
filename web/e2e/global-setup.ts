import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import {
  freePort,
  runToCompletion,
  startProcess,
  stopProcess,
  waitForHttp,
  type StartedProcess,
} from './support/processes';

declare module 'vitest' {
  export interface ProvidedContext {
    dashboardUrl: string;
    apiUrl: string;
    /** The dev identity server's issuer, `<base>/realms/nastavnik`. */
    issuerUrl: string;
  }
}

const webDir = dirname(dirname(fileURLToPath(import.meta.url)));
const serverDir = join(webDir, '..', 'server');
const identityDir = join(webDir, '..', 'infra', 'dev-identity');
const realmFile = join(webDir, '..', 'infra', 'keycloak', 'realm.json');

/** Rows per «Показать ещё» step in the tests, so the small demo directory has lists to page through. */
export const E2E_PAGE_SIZE = 5;

/**
 * Access tokens live this many seconds in the tests (5 minutes in the realm), so sessions get
 * refreshed while the scenarios run and one scenario can wait for a token to expire.
 */
export const E2E_ACCESS_TOKEN_LIFESPAN_S = 15;

/**
 * Starts the whole system for the browser scenarios: the dev identity server with the realm, the
 * API on an embedded PostgreSQL with the demo directory (throw-away data directory), then the
 * built dashboard in front of it, all on free ports. Returns the teardown, which stops them and
 * deletes the data directory.
 */
export default async function setup(project: TestProject) {
  const started: StartedProcess[] = [];
  const dataRoot = await mkdtemp(join(tmpdir(), 'nastavnik-e2e-'));

  // If vitest dies without running the teardown, still ask the API to stop its PostgreSQL.
  const onExit = () => started.forEach((running) => running.child.kill('SIGTERM'));
  process.once('exit', onExit);

  const teardown = async () => {
    for (const running of [...started].reverse()) await stopProcess(running);
    process.removeListener('exit', onExit);
    await rm(dataRoot, { recursive: true, force: true });
  };

  try {
    const [apiPort, pgPort, webPort, identityPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const apiBase = `http://127.0.0.1:${apiPort}`;
    const dashboardUrl = `http://127.0.0.1:${webPort}`;
    const identityBase = `http://127.0.0.1:${identityPort}`;
    const issuerUrl = `${identityBase}/realms/nastavnik`;

    // The committed realm allows port 3000 only; this copy lets the dashboard's test port sign in and out.
    const testRealm = join(dataRoot, 'realm.json');
    await writeFile(testRealm, JSON.stringify(await realmForDashboard(dashboardUrl)));
    const identity = startProcess('identity', process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: identityDir,
      env: {
        ...process.env,
        IDENTITY_HOST: '127.0.0.1',
        IDENTITY_PORT: String(identityPort),
        REALM_FILE: testRealm,
      },
    });
    started.push(identity);

    const { DATABASE_URL: _external, ...environment } = process.env;
    const api = startProcess('API', process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: {
        ...environment,
        HOST: '127.0.0.1',
        PORT: String(apiPort),
        PGPORT: String(pgPort),
        PGDATA_DIR: join(dataRoot, 'pgdata'),
        SEED_DEMO: '1',
        KEYCLOAK_URL: identityBase,
      },
    });
    started.push(api);

    // The build and PostgreSQL's start are independent: overlap them.
    await Promise.all([
      buildDashboardIfStale(),
      waitForHttp(`${apiBase}/health`, api, 120_000),
      waitForHttp(`${identityBase}/health`, identity, 60_000),
    ]);
    await expectDemoDirectory(`${apiBase}/graphql`, issuerUrl, testRealm);

    const web = startProcess('dashboard', process.execPath, ['build'], {
      cwd: webDir,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(webPort),
        ORIGIN: dashboardUrl,
        API_URL: `${apiBase}/graphql`,
        LIST_PAGE_SIZE: String(E2E_PAGE_SIZE),
        KEYCLOAK_URL: identityBase,
      },
    });
    started.push(web);
    // Every other page asks for a sign-in; «О системе» is public.
    await waitForHttp(`${dashboardUrl}/about`, web, 60_000);

    project.provide('dashboardUrl', dashboardUrl);
    project.provide('apiUrl', `${apiBase}/graphql`);
    project.provide('issuerUrl', issuerUrl);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** `vite build` unless build/ is newer than every source file (saves a minute per run). */
async function buildDashboardIfStale(): Promise<void> {
  const built = await stat(join(webDir, 'build', 'handler.js')).catch(() => null);
  if (built && built.mtimeMs > (await newestSourceTime())) return;
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  await runToCompletion('vite build', process.execPath, [vite, 'build'], { cwd: webDir, env: process.env });
}

async function newestSourceTime(): Promise<number> {
  const files = ['svelte.config.js', 'vite.config.ts', 'package.json'];
  for (const dir of ['src', 'static']) {
    const entries = await readdir(join(webDir, dir), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile()) files.push(join(entry.parentPath, entry.name).slice(webDir.length + 1));
    }
  }
  const times = await Promise.all(files.map(async (file) => (await stat(join(webDir, file))).mtimeMs));
  return Math.max(...times);
}

interface RealmExport {
  clients: {
    clientId: string;
    secret?: string;
    redirectUris?: string[];
    attributes?: Record<string, string>;
  }[];
  accessTokenLifespan?: number;
}

/** The realm with the dashboard client's redirect URIs moved to the test port. */
async function realmForDashboard(dashboardUrl: string): Promise<RealmExport> {
  const realm = JSON.parse(await readFile(realmFile, 'utf8')) as RealmExport;
  const web = realm.clients.find((client) => client.clientId === 'nastavnik-web');
  if (!web) throw new Error(`В ${realmFile} нет клиента nastavnik-web.`);
  web.redirectUris = [`${dashboardUrl}/auth/callback`];
  web.attributes = { ...web.attributes, 'post.logout.redirect.uris': `${dashboardUrl}/*` };
  realm.accessTokenLifespan = E2E_ACCESS_TOKEN_LIFESPAN_S;
  return realm;
}

/**
 * Fails early, with a clear reason, when the API came up without the demo directory. Asks as the
 * realm's example external system (client credentials), since the API wants a bearer token.
 */
async function expectDemoDirectory(graphqlUrl: string, issuerUrl: string, realmPath: string): Promise<void> {
  const realm = JSON.parse(await readFile(realmPath, 'utf8')) as RealmExport;
  const analytics = realm.clients.find((client) => client.clientId === 'nastavnik-analytics');
  const tokenResponse = await fetch(`${issuerUrl}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'nastavnik-analytics',
      client_secret: analytics?.secret ?? '',
    }),
  });
  const { access_token: accessToken } = (await tokenResponse.json()) as { access_token?: string };
  if (!accessToken) throw new Error(`Сервер идентификации не выдал токен (${tokenResponse.status}).`);
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ query: '{ regions { code } }' }),
  });
  const body = (await response.json()) as { data?: { regions: { code: string }[] } };
  const regions = body.data?.regions.length ?? 0;
  if (regions === 0) {
    throw new Error(
      `API запущен с SEED_DEMO=1, но справочник пуст: демо-данные не загрузились (${JSON.stringify(body)}).`,
    );
  }
}
