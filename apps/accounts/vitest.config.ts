import { defineConfig } from 'vitest/config';
import { decorators, postgresSetup, workspaceSource } from '../../vitest.shared.js';

export default defineConfig({
  ...workspaceSource,
  plugins: [decorators],
  test: {
    name: 'integration:accounts',
    include: ['test/**/*.test.ts'],
    globalSetup: [postgresSetup],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
