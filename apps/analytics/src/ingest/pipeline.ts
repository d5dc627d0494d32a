import type { ClickHouse } from '@byline/clickhouse';
import type { Logger } from '@byline/http';
import type { EventRecord } from './events.js';
import { Metrics } from './metrics.js';
import { openSpool } from './spool.js';
import { Writer } from './writer.js';

export { SpoolFullError } from './spool.js';

export interface PipelineOptions {
  /** The spool folder, e.g. `<BYLINE_DATA_DIR>/spool`. */
  dir: string;
  client: ClickHouse['client'];
  /** Past this many bytes on disk, `accept` refuses with `SpoolFullError`. */
  maxBytes: number;
  flushIntervalMs: number;
  flushMaxRows: number;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export interface Pipeline {
  /** Resolves once the records are fsynced in the spool; throws `SpoolFullError` when it is full. */
  accept(records: EventRecord[]): Promise<void>;
  isFull(): boolean;
  /** Seals the spool now and waits until everything spooled so far is in ClickHouse. */
  flush(): Promise<void>;
  readonly metrics: Metrics;
  /** Seals the spool and inserts what it can within `timeoutMs`; the rest stays on disk for the next start. */
  close(timeoutMs?: number): Promise<void>;
}

/**
 * Accepted events go to the on-disk spool first and into ClickHouse in the
 * background, so every accepted event is in one of the two, even while
 * ClickHouse is down or across a crash, and a replay is never counted twice.
 */
export async function createPipeline(options: PipelineOptions): Promise<Pipeline> {
  const { log } = options;
  let onSeal = () => {};
  const spool = await openSpool({ ...options, onSeal: () => onSeal() });
  const metrics = new Metrics(spool);
  const writer = new Writer({ spool, client: options.client, metrics, log });
  onSeal = () => writer.wake();
  if (spool.segments > 0) log.info(`replaying ${spool.rows} spooled events in ${spool.segments} segments`);
  writer.start();
  let closed = false;

  const drain = async () => {
    await spool.seal();
    const last = spool.newest();
    writer.retryNow();
    if (last) await writer.settled(last.seq);
  };

  return {
    metrics,
    isFull: () => spool.isFull(),
    async accept(records) {
      await spool.append(records);
      metrics.accept(records);
    },
    async flush() {
      if (closed) throw new Error('event pipeline is closed');
      await drain();
    },
    async close(timeoutMs = 5_000) {
      if (closed) return;
      closed = true;
      let timer: NodeJS.Timeout | undefined;
      try {
        await spool.close();
        const deadline = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        });
        await Promise.race([drain(), deadline]);
      } finally {
        clearTimeout(timer);
        await writer.stop();
      }
      if (spool.rows > 0) log.warn(`${spool.rows} events stay in the spool for the next start`);
    },
  };
}
