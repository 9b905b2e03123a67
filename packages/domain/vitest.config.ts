import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Property tests run hundreds of cases; CI shares two cores with the API and browser suites.
    testTimeout: 30_000,
  },
});
