import { defineConfig } from 'vitest/config';

// Fault drills: they start `pnpm cluster` (real PostgreSQL, nginx, 2+2 replicas) and break it on purpose.
// One file, one cluster, drills in order; nothing else of this package runs beside them.
export default defineConfig({
  test: {
    include: ['drills/**/*.drill.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
