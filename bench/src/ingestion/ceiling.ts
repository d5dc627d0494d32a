import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AnalyticsService } from '@byline/analytics';
import type { CapturedRows } from './collector.js';

/** Rows per insert: the spool's largest segment (FLUSH_MAX_ROWS), the writer's best case. */
const ROWS_PER_INSERT = 50_000;

/**
 * Inserts the captured rows again, straight through @clickhouse/client, as the
 * writer does (JSONEachRow, same settings, the rollup views attached), and
 * answers rows per second. Each insert has its own deduplication token, so
 * none is dropped as a repeat.
 */
export async function bulkInsert(client: AnalyticsService['store']['client'], rows: CapturedRows): Promise<number> {
  let total = 0;
  const started = performance.now();
  for (const [table, values] of rows) {
    for (let at = 0; at < values.length; at += ROWS_PER_INSERT) {
      const chunk = values.slice(at, at + ROWS_PER_INSERT);
      await client.insert({
        table,
        values: chunk,
        format: 'JSONEachRow',
        clickhouse_settings: {
          insert_deduplication_token: `bench-ceiling-${randomUUID()}`,
          deduplicate_blocks_in_dependent_materialized_views: 1,
          async_insert: 0,
        },
      });
      total += chunk.length;
    }
  }
  return total / ((performance.now() - started) / 1000);
}
