import { Readable } from 'node:stream';
import type { ClickHouse } from '@byline/clickhouse';
import type { Logger } from '@byline/http';
import { insertTarget, ROW_FORMAT } from './insert-target.js';
import type { Metrics } from './metrics.js';
import { CorruptSegmentError, type Segment, type Spool } from './spool.js';
import type { TableRows } from './spool-lines.js';

const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;

export interface WriterOptions {
  spool: Spool;
  client: ClickHouse['client'];
  metrics: Metrics;
  log: Pick<Logger, 'info' | 'error'>;
}

interface Wait {
  /** A retry back-off ends only on its timer or `retryNow`; an idle wait also on new work. */
  backoff: boolean;
  resolve(): void;
}

/**
 * Moves sealed spool segments into ClickHouse, oldest first: one insert per
 * table per segment, with a deduplication token made of the segment's name and
 * the table, so a segment inserted again (after a crash, or a retry after a
 * partial failure) is counted once. A segment is deleted only when all its
 * tables are in; on failure it stays and is retried with back-off, never dropped.
 */
export class Writer {
  private running: Promise<void> | undefined;
  private stopped = false;
  private wait: Wait | undefined;
  private skipBackoff = false;
  private inflight: AbortController | undefined;
  private readonly progress = new Set<() => void>();
  /** Tokens of the current segment already inserted, so a retry sends only the rest. */
  private readonly insertedTokens = new Set<string>();
  private failures = 0;

  constructor(private readonly options: WriterOptions) {}

  start(): void {
    this.running ??= this.run();
  }

  /** New sealed segment: ends an idle wait. */
  wake(): void {
    if (this.wait && !this.wait.backoff) this.wait.resolve();
  }

  /** Retries at once, cutting short a back-off (flush, shutdown). */
  retryNow(): void {
    if (this.wait) this.wait.resolve();
    else this.skipBackoff = true;
  }

  /** Resolves once every sealed segment up to `seq` is in ClickHouse (or the writer stopped). */
  async settled(seq: number): Promise<void> {
    while (!this.stopped && (this.options.spool.oldest()?.seq ?? Number.POSITIVE_INFINITY) <= seq) {
      await new Promise<void>((resolve) => this.progress.add(resolve));
    }
  }

  /** Stops after the current insert, which is aborted; its segment stays on disk. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.inflight?.abort();
    this.wait?.resolve();
    await this.running;
    this.notify();
  }

  private async run(): Promise<void> {
    const { spool, log, metrics } = this.options;
    let backoff = MIN_BACKOFF_MS;
    while (!this.stopped) {
      const segment = spool.oldest();
      if (!segment) {
        await this.pause(false);
        continue;
      }
      try {
        await this.insert(segment);
        backoff = MIN_BACKOFF_MS;
        if (this.failures > 0) log.info(`ClickHouse inserts recovered after ${this.failures} failed attempts`);
        this.failures = 0;
      } catch (error) {
        if (this.stopped) break;
        metrics.insertFailure();
        if (this.failures++ === 0) {
          log.error('ClickHouse insert failed; events stay in the spool and are retried until it succeeds', error);
        }
        await this.pause(true, backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
      this.notify();
    }
  }

  private async insert(segment: Segment): Promise<void> {
    const { spool, client, metrics } = this.options;
    const tables = await this.read(segment);
    if (!tables) return;
    for (const { table, rows, body } of tables) {
      const token = `${segment.name}:${table}`;
      if (this.insertedTokens.has(token)) continue;
      this.inflight = new AbortController();
      await client.insert({
        table: insertTarget(table, token),
        values: Readable.from([body], { objectMode: false }),
        format: ROW_FORMAT,
        abort_signal: this.inflight.signal,
      });
      this.inflight = undefined;
      this.insertedTokens.add(token);
      metrics.insert(table, rows);
    }
    await spool.remove(segment);
    this.insertedTokens.clear();
  }

  /** The segment's rows; undefined when it could not be read as rows and was moved aside. */
  private async read(segment: Segment): Promise<TableRows[] | undefined> {
    try {
      return await this.options.spool.read(segment);
    } catch (error) {
      if (!(error instanceof CorruptSegmentError)) throw error;
      this.options.log.error(`moving corrupt spool segment ${segment.name} aside as .bad`, error);
      await this.options.spool.quarantine(segment);
      return undefined;
    }
  }

  private pause(backoff: boolean, ms?: number): Promise<void> {
    if (backoff && this.skipBackoff) {
      this.skipBackoff = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => wait.resolve(), ms);
      const wait: Wait = {
        backoff,
        resolve: () => {
          clearTimeout(timer);
          this.wait = undefined;
          resolve();
        },
      };
      this.wait = wait;
    });
  }

  private notify(): void {
    for (const resolve of this.progress) resolve();
    this.progress.clear();
  }
}
