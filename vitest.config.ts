import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { assertEveryTestInATier } from './vitest.orphans.js';
import { decorators, workspaceSource } from './vitest.shared.js';

// The test tiers (CONTRIBUTING.md). `unit`: *.test.ts beside the code under src/, no database, no network, no
// build. `integration:<workspace>`: a workspace's test/ folder, real PostgreSQL and chDB. `e2e`: the stack
// through the gateway (test/e2e). `browser`: the dashboard in Chromium (test/browser).
const integration = ['apps/accounts', 'apps/analytics', 'apps/content', 'demo', 'bench'];

assertEveryTestInATier(fileURLToPath(new URL('.', import.meta.url)), [
  /^(apps|packages)\/[^/]+\/src\/.+\.test\.ts$/,
  /^(bench|demo)\/src\/.+\.test\.ts$/,
  ...integration.map((workspace) => new RegExp(`^${workspace}/test/.+\\.test\\.ts$`)),
  /^test\/(e2e|browser)\/.+\.test\.ts$/,
]);

export default defineConfig({
  test: {
    projects: [
      {
        ...workspaceSource,
        plugins: [decorators],
        test: {
          name: 'unit',
          // Pure tests share their worker's modules: half the CPU of a fresh module graph per file.
          isolate: false,
          // What the fuzz tests need on a loaded two-core machine, as in the integration projects they came from.
          testTimeout: 30_000,
          include: ['{apps,packages}/*/src/**/*.test.ts', '{bench,demo}/src/**/*.test.ts'],
          // The dashboard's unit tests need its SvelteKit aliases: its own project.
          exclude: ['apps/dashboard/**', '**/node_modules/**'],
        },
      },
      'apps/dashboard',
      ...integration,
      'test/e2e',
      'test/browser',
    ],
  },
});
