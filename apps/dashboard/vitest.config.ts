import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { workspaceSource } from '../../vitest.shared.js';

// Unit tests of the framework-free modules (formatting, filters, data shaping): no Svelte plugin needed, and
// the repository's TypeScript options rather than ./tsconfig.json, which needs `svelte-kit sync` (a build step).
export default mergeConfig(
  workspaceSource,
  defineConfig({
    tsconfig: fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url)),
    resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
    test: {
      name: 'unit:dashboard',
      include: ['src/**/*.test.ts'],
      environment: 'node',
    },
  }),
);
