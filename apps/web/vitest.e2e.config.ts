import { defineConfig } from 'vitest/config';

/** Browser tests: the built platform (API + web + embedded PostgreSQL) driven by Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/platform.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One platform, one browser at a time: tests share the seeded data and two cores.
    fileParallelism: false,
  },
});
