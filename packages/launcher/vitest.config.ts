import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'launcher', include: ['test/**/*.test.ts'] },
});
