import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests of the framework-free modules (formatting, filters, data shaping): no Svelte plugin needed.
export default defineConfig({
  resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
  test: {
    name: 'dashboard',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
