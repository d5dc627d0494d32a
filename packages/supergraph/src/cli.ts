#!/usr/bin/env node
/**
 * `compose`: prints every subgraph's SDL, composes the supergraph and writes both under `schema/`.
 * `check`: does the same in memory and fails when the committed files differ.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareSchemaFiles, composeSupergraph } from './compose.js';
import { printSubgraphs } from './print.js';
import { subgraphs } from './subgraphs.js';

// Both src/ and dist/ sit two folders below the repo root.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const schemaDir = join(repoRoot, 'schema');

async function main(command: string | undefined): Promise<number> {
  if (command !== 'compose' && command !== 'check') {
    console.error('usage: cli.js compose | check');
    return 2;
  }
  const result = composeSupergraph(await printSubgraphs(subgraphs, repoRoot));
  if (!result.ok) {
    console.error(`schema: composition failed\n${result.errors.map((error) => `  - ${error}`).join('\n')}`);
    return 1;
  }

  if (command === 'compose') {
    mkdirSync(schemaDir, { recursive: true });
    for (const [file, text] of result.files) writeFileSync(join(schemaDir, file), text);
    console.log(`schema: wrote ${[...result.files.keys()].map((file) => `schema/${file}`).join(', ')}`);
    return 0;
  }

  const differences = compareSchemaFiles(result.files, (file) => {
    const path = join(schemaDir, file);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  });
  if (differences.length > 0) {
    console.error('schema: out of date (run `pnpm schema:compose` and commit the result)');
    for (const { file, hint } of differences) console.error(`  - schema/${file}: ${hint}`);
    return 1;
  }
  console.log('schema: up to date');
  return 0;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`schema: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
