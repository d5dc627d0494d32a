import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../src/lib/stats.js';
import { suites } from '../src/suites.js';

const isSummary = (cell: unknown): cell is Summary => typeof cell === 'object' && cell !== null && 'median' in cell;

describe.each(suites.map((suite) => [suite.name, suite] as const))('bench suite %s at smoke scale', (_, suite) => {
  it('runs and reports finite numbers in every table', async () => {
    const workDir = await mkdtemp(join(tmpdir(), `bench-smoke-${suite.name}-`));
    try {
      const report = await suite.run({ scale: 'smoke', runs: 1, seconds: 1, workDir, log: () => {} });
      expect(report.suite).toBe(suite.name);
      expect(report.tables.length).toBeGreaterThan(0);
      for (const table of report.tables) {
        expect(table.rows.length, table.title).toBeGreaterThan(0);
        const numbers = table.rows.flat().filter((cell) => typeof cell !== 'string');
        expect(numbers.length, table.title).toBeGreaterThan(0);
        for (const cell of numbers) {
          const value = isSummary(cell) ? cell.median : cell;
          expect(Number.isFinite(value), `${table.title}: ${JSON.stringify(cell)}`).toBe(true);
        }
      }
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 180_000);
});
