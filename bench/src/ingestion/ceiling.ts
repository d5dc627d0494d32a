import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import type { AnalyticsService } from '@byline/analytics';
import type { CapturedInsert, CapturedRows } from './collector.js';

/** Rows per insert: the spool's largest segment (FLUSH_MAX_ROWS), the writer's best case. */
const ROWS_PER_INSERT = 50_000;
/** The writer's statement carries its deduplication token in its SETTINGS clause. */
const TOKEN = /(insert_deduplication_token = )'[^']*'/;

/**
 * Sends the captured rows again, straight through @clickhouse/client, exactly as
 * the writer sent them (same statement, format and settings, the rollup views
 * attached) but in inserts of ROWS_PER_INSERT rows, and answers rows per second.
 * Each insert has its own deduplication token, so none is dropped as a repeat.
 */
export async function bulkInsert(client: AnalyticsService['store']['client'], captured: CapturedRows): Promise<number> {
  const inserts = chunks(captured.inserts);
  let total = 0;
  const started = performance.now();
  for (const { params, body, rows } of inserts) {
    await client.insert({
      ...params,
      table: params.table.replace(TOKEN, `$1'bench-ceiling-${randomUUID()}'`),
      values: Readable.from([body], { objectMode: false }),
    });
    total += rows;
  }
  return total / ((performance.now() - started) / 1000);
}

/** The captured rows regrouped by table into inserts of at most ROWS_PER_INSERT rows. */
function chunks(inserts: CapturedInsert[]): (CapturedInsert & { rows: number })[] {
  const byTable = new Map<string, { params: CapturedInsert['params']; lines: string[] }>();
  for (const { params, body } of inserts) {
    if (!TOKEN.test(params.table)) throw new Error(`no deduplication token in the writer's insert: ${params.table}`);
    const name = params.table.split(' ')[0] ?? '';
    const table = byTable.get(name) ?? { params, lines: [] };
    for (const line of body.toString('utf8').split('\n').slice(0, -1)) table.lines.push(line);
    byTable.set(name, table);
  }
  return [...byTable.values()].flatMap(({ params, lines }) =>
    Array.from({ length: Math.ceil(lines.length / ROWS_PER_INSERT) }, (_, i) => {
      const chunk = lines.slice(i * ROWS_PER_INSERT, (i + 1) * ROWS_PER_INSERT);
      return { params, body: Buffer.from(`${chunk.join('\n')}\n`), rows: chunk.length };
    }),
  );
}
