import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts', 'test/glue/**/*.test.ts', 'test/renderer/**/*.test.{ts,tsx}'],
    // Argon2id (64 MiB) and real encrypted files make core tests slower than pure unit tests, and
    // the CLI tests run a process (one Argon2id) per command: on a loaded two-core machine one
    // such test takes over a minute. The timeout only catches hangs; it measures nothing.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
