import { defineConfig } from 'vitest/config';

// Two cores: keep the pool small so server tests and CLI tests do not starve.
// No global build: the tests that run bin/ build dist/ when it is stale
// (ensureBuilt, test/support/cli.ts); the others import src/.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
