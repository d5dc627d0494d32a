import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIPPED = new Set(['node_modules', 'dist', 'build', '.svelte-kit', '.data', '.git']);

function testFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : testFiles(root, join(dir, entry.name));
    return entry.name.endsWith('.test.ts') ? [relative(root, join(dir, entry.name))] : [];
  });
}

/**
 * Refuses to run when a test file lies outside every tier's folders: vitest would skip it without a word
 * (a test dropped in test/ instead of test/e2e/, or in a workspace with no integration project).
 */
export function assertEveryTestInATier(root: string, tiers: RegExp[]): void {
  const orphans = testFiles(root).filter((file) => !tiers.some((tier) => tier.test(file)));
  if (orphans.length > 0) {
    throw new Error(`Test files outside every test tier (see CONTRIBUTING.md): ${orphans.join(', ')}`);
  }
}
