import { defineConfig } from 'vitest/config';

// One runner for every suite: pure domain tests, integration tests on PGlite and on a
// PostgreSQL server, and browser tests (test/e2e) driving Debian's Chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
