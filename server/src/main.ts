import 'reflect-metadata';
import type { Server } from 'node:http';
import { createApp, keycloakSettingsFromEnv } from './app.js';
import { runService } from './cli/process-lifecycle.js';
import { openAppDatabase } from './db/database.js';
import { initOrm } from './db/migrate.js';
import { DemoSeeder } from './db/seeders/demo.seeder.js';
import { scheduleSummaryYearRollover } from './modules/indicators/summary-year-rollover.js';

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';

await runService(async (onExit) => {
  // Identity: read first, so a missing setting fails before PostgreSQL starts.
  const keycloak = keycloakSettingsFromEnv();

  // Database: external via DATABASE_URL, or an embedded PostgreSQL with data under .data/.
  const database = await openAppDatabase();
  onExit(() => database.stop());

  // Schema: apply pending migrations before serving.
  const orm = await initOrm(database.url);
  onExit(() => orm.close());

  // Demo data: idempotent, so re-running the start command keeps the directory as it is.
  if (process.env.SEED_DEMO === '1') await orm.getSeeder().seed(DemoSeeder);

  const { app, stop } = await createApp(orm, keycloak);
  onExit(stop);

  // On 1 September open groups and participants enter the new academic year.
  const rollover = scheduleSummaryYearRollover(orm.em.getConnection().getKnex());
  onExit(rollover.stop);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, () => resolve(listening)).once('error', reject);
  });
  onExit(() => new Promise((resolve) => server.close(resolve)));
  console.log(`API: http://${host}:${port}/graphql`);
});
