import { defineConfig } from 'vitest/config';

// Runs only broken-invariant.fixture.ts, in a child vitest started by test/core/test-hooks.test.ts.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['broken-invariant.fixture.ts'],
    testTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
