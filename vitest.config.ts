// Test settings: generous timeouts, because CI machines have 2 cores and some tests start
// processes (the CLI, PostgreSQL, Chromium); no test asserts on time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
