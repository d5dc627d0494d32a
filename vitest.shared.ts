import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * Workspace packages export their TypeScript source under this condition (package.json "exports"), so tests
 * that resolve with it run against src/ and need no build. A name of our own: Node passes vitest's conditions to
 * every dependency it loads, and a plain `source` would pick up third-party files that are not shipped.
 */
const SOURCE_CONDITION = '@byline/source';

export const workspaceSource = {
  resolve: { conditions: [SOURCE_CONDITION, 'module', 'node', 'development|production'] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, 'node', 'development|production'] } },
} satisfies ViteUserConfig;

// type-graphql reads decorator metadata, which esbuild does not emit: compile with SWC.
export const decorators = swc.vite({ module: { type: 'es6' } });

/** Starts the throwaway PostgreSQL the integration, e2e and browser tiers share. */
export const postgresSetup = fileURLToPath(new URL('./packages/testing/src/global-setup.ts', import.meta.url));

/** The e2e and browser tiers: the whole stack, built (`pnpm build`) and started in-process on a real PostgreSQL. */
export function stackTier(name: 'e2e' | 'browser') {
  return defineConfig({
    test: { name, include: ['**/*.test.ts'], globalSetup: [postgresSetup], testTimeout: 60_000, hookTimeout: 120_000 },
  });
}
