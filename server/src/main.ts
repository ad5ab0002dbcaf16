import 'reflect-metadata';
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { openAppDatabase } from './db/database.js';
import { initOrm } from './db/migrate.js';
import { DemoSeeder } from './db/seeders/demo.seeder.js';

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';

const shutdownSteps: (() => Promise<unknown>)[] = [];
let shuttingDown = false;

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  // Reverse order of start-up: stop taking requests, then close the pool, then stop postgres.
  for (const step of shutdownSteps.reverse()) {
    await step().catch((error: unknown) => console.error('Ошибка при остановке:', error));
  }
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  // Database: external via DATABASE_URL, or an embedded PostgreSQL with data under .data/.
  const database = await openAppDatabase();
  shutdownSteps.push(() => database.stop());

  // Schema: apply pending migrations before serving.
  const orm = await initOrm(database.url);
  shutdownSteps.push(() => orm.close());

  // Demo data: idempotent, so re-running the start command keeps the directory as it is.
  if (process.env.SEED_DEMO === '1') await orm.getSeeder().seed(DemoSeeder);

  const { app, stop } = await createApp(orm);
  shutdownSteps.push(stop);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, () => resolve(listening)).once('error', reject);
  });
  shutdownSteps.push(() => new Promise((resolve) => server.close(resolve)));
  console.log(`API: http://${host}:${port}/graphql`);
} catch (error) {
  console.error('Сервер не запущен:', error instanceof Error ? error.message : error);
  await shutdown(1);
}
