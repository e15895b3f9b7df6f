import { defineConfig } from 'vitest/config';

// Four tiers, named by file suffix (ENGINEERING.md §11), run in this order (sequence.groupOrder):
//   unit  *.test.ts      pure, no I/O
//   web   src/web/**/*.test.tsx  React components in jsdom (Testing Library), beside the component
//   db    *.db.test.ts   a real database per test file: PGlite by default, PostgreSQL when DATABASE_URL is set
//   e2e   e2e/*.e2e.test.ts  the built app in Debian Chromium (playwright-core)
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts', 'node_modules/**'],
          environment: 'node',
          // Files share their worker's module cache (no test here mocks a module): 57 s → 18 s for 92 files on
          // 2 cores, most of it importing the same domain modules again per file.
          isolate: false,
          setupFiles: ['src/server/openapi-first.setup.ts'],
        },
      },
      {
        test: {
          name: 'web',
          sequence: { groupOrder: 0 },
          include: ['src/web/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['src/web/testing/setup.ts'],
          // As the unit tier: jsdom and the component kit loaded once per worker, 40 s → 21 s (7 files).
          isolate: false,
          // jsdom and the component kit are slow to start on a busy machine.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'db',
          sequence: { groupOrder: 1 },
          include: ['src/**/*.db.test.ts'],
          environment: 'node',
          globalSetup: ['src/services/testing.global-setup.ts'],
          setupFiles: ['src/server/openapi-first.setup.ts'],
          pool: 'forks',
          maxWorkers: 2,
          // Each worker runs its files one after another in one process: the server's modules are imported and
          // PGlite's WebAssembly compiled once per worker instead of once per file (~40 % of the tier's CPU time).
          // Every file still has a database of its own (createTestDatabase); no db test mocks modules.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/template.global-setup.ts'],
          fileParallelism: false,
          // A page that is still loading on a busy machine is not a failure: polls wait up to 10 s, not 1 s.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
