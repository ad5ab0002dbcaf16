import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
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
  }
}

const webDir = dirname(dirname(fileURLToPath(import.meta.url)));
const serverDir = join(webDir, '..', 'server');

/** Rows per «Показать ещё» step in the tests, so the small demo directory has lists to page through. */
export const E2E_PAGE_SIZE = 5;

/**
 * Starts the whole system for the browser scenarios: the API on an embedded PostgreSQL with the
 * demo directory (throw-away data directory), then the built dashboard in front of it, both on
 * free ports. Returns the teardown, which stops both and deletes the data directory.
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
    const [apiPort, pgPort, webPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const apiBase = `http://127.0.0.1:${apiPort}`;
    const dashboardUrl = `http://127.0.0.1:${webPort}`;

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
      },
    });
    started.push(api);

    // The build and PostgreSQL's start are independent: overlap them.
    await Promise.all([buildDashboardIfStale(), waitForHttp(`${apiBase}/health`, api, 120_000)]);
    await expectDemoDirectory(`${apiBase}/graphql`);

    const web = startProcess('dashboard', process.execPath, ['build'], {
      cwd: webDir,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(webPort),
        ORIGIN: dashboardUrl,
        API_URL: `${apiBase}/graphql`,
        LIST_PAGE_SIZE: String(E2E_PAGE_SIZE),
      },
    });
    started.push(web);
    await waitForHttp(`${dashboardUrl}/`, web, 60_000);

    project.provide('dashboardUrl', dashboardUrl);
    project.provide('apiUrl', `${apiBase}/graphql`);
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

/** Fails early, with a clear reason, when the API came up without the demo directory. */
async function expectDemoDirectory(graphqlUrl: string): Promise<void> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ regions { totalCount } }' }),
  });
  const body = (await response.json()) as { data?: { regions: { totalCount: number } } };
  const regions = body.data?.regions.totalCount ?? 0;
  if (regions === 0) {
    throw new Error(
      `API запущен с SEED_DEMO=1, но справочник пуст: демо-данные не загрузились (${JSON.stringify(body)}).`,
    );
  }
}
