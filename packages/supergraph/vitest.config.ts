import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'supergraph', include: ['test/**/*.test.ts'] },
});
