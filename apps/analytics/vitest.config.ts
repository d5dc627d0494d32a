import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
// type-graphql reads decorator metadata, which esbuild does not emit: compile with SWC.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    name: 'analytics',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
