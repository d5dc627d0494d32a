import { defineConfig } from 'vitest/config';
import { decorators, workspaceSource } from '../../vitest.shared.js';

export default defineConfig({
  ...workspaceSource,
  plugins: [decorators],
  test: {
    name: 'integration:analytics',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
