import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts', 'test/glue/**/*.test.ts', 'test/renderer/**/*.test.{ts,tsx}'],
    // Argon2id (64 MiB) and real encrypted files make core tests slower than pure unit tests.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
