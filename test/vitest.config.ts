import { defineConfig } from 'vitest/config';

// The whole stack, built (`pnpm build`) and started in-process against a real PostgreSQL.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
    globalSetup: ['../packages/testing/src/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
