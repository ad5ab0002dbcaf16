import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // Building the dashboard and starting PostgreSQL + API take a minute on these machines.
    hookTimeout: 300_000,
    testTimeout: 60_000,
    // One browser at a time: the machines have two cores and the system under test needs them.
    fileParallelism: false,
  },
});
