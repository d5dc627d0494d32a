import { defineConfig } from 'vitest/config';

// Each suite at smoke scale, so the benchmarks keep working; the full suite is `pnpm bench`.
export default defineConfig({
  test: {
    name: 'bench',
    include: ['test/**/*.test.ts'],
    globalSetup: ['../packages/testing/src/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
