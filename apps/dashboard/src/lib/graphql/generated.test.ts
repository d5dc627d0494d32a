import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen';
import * as documents from './generated';
import type { Manifest } from './trusted-documents';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const MANIFEST = resolve(root, '../../schema/trusted-documents/dashboard.json');

describe('codegen output', () => {
  it('is current: typed operations and the trusted documents manifest (run `pnpm --filter @byline/dashboard codegen` after a change)', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const outputs = (await generate(config, false)) as { filename: string; content: string }[];
      expect(outputs.map((output) => resolve(root, output.filename)).sort()).toEqual(
        [MANIFEST, resolve(root, 'src/lib/graphql/generated.ts')].sort(),
      );
      for (const output of outputs) {
        expect(output.content, output.filename).toBe(await readFile(resolve(root, output.filename), 'utf8'));
      }
    } finally {
      process.chdir(cwd);
    }
  }, 30_000);

  it('gives every operation the id of its manifest entry, the SHA-256 of that entry’s body', async () => {
    const manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as Manifest;
    const byId = new Map(manifest.operations.map((operation) => [operation.id, operation]));
    const operations = Object.entries(documents).filter(([name]) => name.endsWith('Document'));
    expect(operations.length).toBe(manifest.operations.length);
    for (const [name, document] of operations) {
      const meta = (document as { __meta__?: { hash?: string; operationName?: string } }).__meta__;
      const entry = byId.get(meta?.hash ?? '');
      expect(entry?.name, name).toBe(meta?.operationName);
      expect(`${entry?.name}Document`).toBe(name);
      expect(
        createHash('sha256')
          .update(entry?.body ?? '')
          .digest('hex'),
      ).toBe(meta?.hash);
    }
  });
});
