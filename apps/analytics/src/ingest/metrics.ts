import type { EventRecord } from './events.js';

export type Table = EventRecord['table'];

/** What the spool holds right now; read at snapshot time. */
export interface SpoolGauges {
  readonly rows: number;
  readonly bytes: number;
  readonly segments: number;
  /** When the oldest record not yet in ClickHouse was spooled (epoch ms), or undefined when empty. */
  readonly oldestAt: number | undefined;
}

export interface MetricsSnapshot {
  accepted: Record<Table, number>;
  rejected: Record<string, number>;
  inserted: Record<Table, number>;
  spooledRows: number;
  spooledBytes: number;
  segmentsPending: number;
  /** Age of the oldest event not yet in ClickHouse. */
  lagMs: number;
  insertFailures: number;
}

/** Counters of the ingest pipeline for the `/metrics` JSON endpoint; accepted and inserted count events. */
export class Metrics {
  private readonly accepted = byTable();
  private readonly inserted = byTable();
  private readonly rejected: Record<string, number> = {};
  private failures = 0;

  constructor(private readonly spool: SpoolGauges) {}

  accept(records: readonly EventRecord[]): void {
    for (const record of records) this.accepted[record.table] += 1;
  }

  /** Called by the HTTP and GraphQL layers, once per refusal. */
  reject(reason: string, count = 1): void {
    this.rejected[reason] = (this.rejected[reason] ?? 0) + count;
  }

  insert(table: Table, rows: number): void {
    this.inserted[table] += rows;
  }

  insertFailure(): void {
    this.failures += 1;
  }

  snapshot(): MetricsSnapshot {
    const oldestAt = this.spool.oldestAt;
    return {
      accepted: { ...this.accepted },
      rejected: { ...this.rejected },
      inserted: { ...this.inserted },
      spooledRows: this.spool.rows,
      spooledBytes: this.spool.bytes,
      segmentsPending: this.spool.segments,
      lagMs: oldestAt === undefined ? 0 : Math.max(0, Date.now() - oldestAt),
      insertFailures: this.failures,
    };
  }
}

function byTable(): Record<Table, number> {
  return { views: 0, shares: 0, engagement: 0 };
}
