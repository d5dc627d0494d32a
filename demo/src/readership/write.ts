import { Readable } from 'node:stream';
import { COLUMNS, insertTarget, ROW_FORMAT } from '@byline/analytics';
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
 * fill the rollups) the way the collector's writer does: one JSON array a row
 * in its column order, settings in the statement itself (chDB parses a body
 * behind SET statements as SQL, several times slower). Each insert carries a
 * token made of the seed, the table and the batch number, so running the same
 * seed again adds nothing. chDB inserts in a thread of its own, so the next
 * batch is generated while the last one is written.
 */
export async function writeDemoEvents(
  client: ClickHouse['client'],
  batches: Iterable<DemoBatch>,
  options: WriteOptions,
): Promise<DemoCounts> {
  const counts: DemoCounts = { views: 0, shares: 0, engagement: 0 };
  let writing: Promise<void> = Promise.resolve();
  for (const batch of batches) {
    options.signal?.throwIfAborted();
    if (batch.rows.length === 0) continue;
    const body = bodyOf(batch);
    await writing;
    writing = client
      .insert({
        table: insertTarget(batch.table, `byline-demo:${options.seed}:${batch.table}:${batch.index}`),
        values: Readable.from([body], { objectMode: false }),
        format: ROW_FORMAT,
        abort_signal: options.signal,
      })
      .then(() => {
        counts[batch.table] += batch.rows.length;
        options.onBatch?.(counts);
      });
    // Handled by the next await; this only keeps a failure during generation from counting as unhandled.
    writing.catch(() => {});
  }
  await writing;
  return counts;
}

function bodyOf(batch: DemoBatch): string {
  const columns = COLUMNS[batch.table];
  const lines = (batch.rows as object[] as Record<string, unknown>[]).map((row) =>
    JSON.stringify(columns.map((column) => row[column])),
  );
  return `${lines.join('\n')}\n`;
}

export function totalOf(counts: DemoCounts): number {
  return counts.views + counts.shares + counts.engagement;
}
