import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { SeedManager } from '@mikro-orm/seeder';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

export function ormConfig(clientUrl: string, overrides: Options = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    // Every request works in its own fork; touching the global context is a bug.
    allowGlobalContext: false,
    // Our decorators carry explicit types (tsx emits no metadata); no reflection needed.
    discovery: { requireEntitiesArray: true },
    migrations: {
      migrationsList,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
    extensions: [Migrator, SeedManager],
    pool: { min: 0, max: 10 },
    ...overrides,
  });
}
