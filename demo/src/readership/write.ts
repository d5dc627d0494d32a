import type { ClickHouse } from '@byline/clickhouse';
import type { DemoBatch } from './generate.js';

export interface DemoCounts {
  views: number;
  shares: number;
  engagement: number;
}

export interface WriteOptions {
  /** The generator's seed: with the table and batch number it makes each insert's deduplication token. */
  seed: number;
  onBatch?: (counts: DemoCounts) => void;
  signal?: AbortSignal;
}

/**
 * Inserts demo batches straight into the raw tables (the materialised views
 * fill the rollups), as JSONCompactEachRow: ClickHouse parses it faster than
 * keyed rows. Each insert carries a token made of the seed, the table and the
 * batch number, so running the same seed again adds nothing.
 */
export async function writeDemoEvents(
  client: ClickHouse['client'],
  batches: Iterable<DemoBatch>,
  options: WriteOptions,
): Promise<DemoCounts> {
  const counts: DemoCounts = { views: 0, shares: 0, engagement: 0 };
  for (const batch of batches) {
    options.signal?.throwIfAborted();
    const rows = batch.rows as object[] as Record<string, unknown>[];
    const [first, ...others] = Object.keys(rows[0] ?? {});
    if (first === undefined) continue;
    const columns: [string, ...string[]] = [first, ...others];
    await client.insert({
      table: batch.table,
      columns,
      values: rows.map((row) => columns.map((column) => row[column])),
      format: 'JSONCompactEachRow',
      abort_signal: options.signal,
      clickhouse_settings: {
        insert_deduplication_token: `byline-demo:${options.seed}:${batch.table}:${batch.index}`,
        deduplicate_blocks_in_dependent_materialized_views: 1,
        async_insert: 0,
      },
    });
    counts[batch.table] += batch.rows.length;
    options.onBatch?.(counts);
  }
  return counts;
}

export function totalOf(counts: DemoCounts): number {
  return counts.views + counts.shares + counts.engagement;
}
