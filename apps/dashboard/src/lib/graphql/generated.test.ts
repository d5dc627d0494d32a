import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('typed operations', () => {
  it('are generated from the committed supergraph (run `pnpm --filter @byline/dashboard codegen` after a change)', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const [output] = await generate(config, false);
      expect(output?.content).toBe(await readFile(`${root}src/lib/graphql/generated.ts`, 'utf8'));
    } finally {
      process.chdir(cwd);
    }
  }, 30_000);
});
