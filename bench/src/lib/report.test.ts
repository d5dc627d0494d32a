import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from './report.js';
import { latencies, percentile, repeat, summarize } from './stats.js';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles and medians with min and max', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(
      percentile(
        [...values].sort((a, b) => a - b),
        99,
      ),
    ).toBe(99);
    expect(latencies(values)).toEqual({ p50: 50, p95: 95, p99: 99 });
    expect(summarize([5, 1, 3, 2, 4])).toEqual({ runs: 5, median: 3, min: 1, max: 5 });
  });

  it('warms up once, then summarises each figure over the runs', async () => {
    let call = 0;
    const result = await repeat(5, async () => {
      call += 1;
      return { rate: call * 10 };
    });
    expect(call).toBe(6);
    expect(result.rate).toEqual({ runs: 5, median: 40, min: 20, max: 60 });
  });
});

describe('reports', () => {
  it('write Markdown and JSON naming the machine and the dataset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-report-'));
    await writeReport(dir, {
      suite: 'example',
      dataset: { events: 1000 },
      tables: [{ title: 'T', columns: ['what', 'rps'], rows: [['a', summarize([1, 2, 3])]] }],
      findings: ['a is fast'],
    });
    const markdown = await readFile(join(dir, 'example.md'), 'utf8');
    expect(markdown).toMatch(/cores|×/);
    expect(markdown).toContain('| a | 2 (1–3) |');
    expect(markdown).toContain('events 1,000');
    const json = JSON.parse(await readFile(join(dir, 'example.json'), 'utf8'));
    expect(json.machine.node).toBe(process.version);
  });
});
