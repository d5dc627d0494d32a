import { defineConfig } from 'vitest/config';
import { postgresSetup } from '../vitest.shared.js';

// Each suite at smoke scale, so the benchmarks keep working; the full suite is `pnpm bench`.
export default defineConfig({
  test: {
    name: 'integration:bench',
    include: ['test/**/*.test.ts'],
    globalSetup: [postgresSetup],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
