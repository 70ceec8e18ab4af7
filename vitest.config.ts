// Test projects: pure unit tests, database tests on each backend (the same files twice, in a time zone
// west of UTC so any date shift shows), and
// end-to-end tests over real HTTP and a real browser. `./bitterroot test` picks which run.
import { defineConfig } from 'vitest/config';

const dbTests = ['{apps,packages,bench}/**/*.db.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages,bench}/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/*.db.test.ts', '**/*.e2e.test.ts'],
        },
      },
      {
        test: {
          name: 'db-pglite',
          include: dbTests,
          exclude: ['**/node_modules/**'],
          env: { BITTERROOT_TEST_DB: 'pglite', TZ: 'America/Denver' },
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'db-postgres',
          include: dbTests,
          exclude: ['**/node_modules/**'],
          env: { BITTERROOT_TEST_DB: 'postgres', TZ: 'America/Denver' },
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['{apps,packages}/**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**'],
          env: { BITTERROOT_TEST_DB: 'pglite' },
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // A page's first data can take seconds on a loaded 2-core machine; a poll gives up only after 20 s.
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
