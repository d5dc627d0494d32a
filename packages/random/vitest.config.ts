import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'random', include: ['test/**/*.test.ts'] },
});
