import { defineConfig } from 'vitest/config';

// Offline checks of the infrastructure files: the edge's generated config, the Kubernetes overlays.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 180_000 },
});
