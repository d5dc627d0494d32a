import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@byline/http';
import type { EventRecord } from './events.js';
import { GroupCommit } from './group-commit.js';
import type { SpoolGauges } from './metrics.js';
import { BadLineError, encodeLine, rowsByTable, type TableRows } from './spool-lines.js';

export class SpoolFullError extends Error {
  constructor(bytes: number, maxBytes: number) {
    super(`event spool is full (${bytes} of ${maxBytes} bytes on disk)`);
    this.name = 'SpoolFullError';
  }
}

/** A segment whose content cannot be parsed: retrying will not help. */
export class CorruptSegmentError extends Error {
  constructor(segment: string, line: number) {
    super(`spool segment ${segment} is corrupt at line ${line}`);
    this.name = 'CorruptSegmentError';
  }
}

export interface SpoolOptions {
  dir: string;
  maxBytes: number;
  /** Seal the open segment this long after its first record... */
  flushIntervalMs: number;
  /** ...or once it holds this many records. */
  flushMaxRows: number;
  log: Pick<Logger, 'warn'>;
  /** Called after a segment is sealed (the writer wakes up). */
  onSeal?: () => void;
  /** How appended data is made durable; a seam for tests to count fsyncs. */
  datasync?: (file: FileHandle) => Promise<void>;
}

/** A sealed segment: complete, immutable, waiting to be inserted. */
export interface Segment {
  /** File name without extension, `NNNNNNNNNN-<random hex>`: unique across restarts and hosts, so a safe dedup key. */
  name: string;
  seq: number;
  rows: number;
  bytes: number;
  /** When its first record was spooled (epoch ms; the file's mtime for segments found at start). */
  firstAt: number;
}

interface OpenSegment extends Segment {
  file: FileHandle;
  timer: NodeJS.Timeout | undefined;
}

interface Batch {
  data: string;
  rows: number;
}

/** Lines split between two turns of the event loop when reading a segment. */
const READ_SLICE = 10_000;
const FILE = /^(\d{10})-[0-9a-f]{16}\.(open|seg)$/;

/**
 * Opens the spool folder. A `.open` segment left by a crash is sealed, minus a
 * torn last line: appends are acknowledged only after complete lines are
 * fsynced, so a partial line was never acknowledged.
 */
export async function openSpool(options: SpoolOptions): Promise<Spool> {
  await mkdir(options.dir, { recursive: true });
  const files = (await readdir(options.dir))
    .map((file) => ({ file, match: FILE.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .sort((a, b) => Number(a.match[1]) - Number(b.match[1]));
  const segments: Segment[] = [];
  let lastSeq = 0;
  for (const { file, match } of files) {
    const seq = Number(match[1]);
    lastSeq = Math.max(lastSeq, seq);
    const segment = await recover(options.dir, file, seq);
    if (segment) segments.push(segment);
  }
  if (files.length > 0) await syncDir(options.dir);
  return new Spool(options, segments, lastSeq + 1);
}

async function recover(dir: string, file: string, seq: number): Promise<Segment | undefined> {
  const path = join(dir, file);
  const name = file.slice(0, file.lastIndexOf('.'));
  const data = await readFile(path);
  const end = data.lastIndexOf(0x0a) + 1;
  if (end === 0) {
    await unlink(path);
    return undefined;
  }
  if (end < data.length) {
    const handle = await open(path, 'r+');
    try {
      await handle.truncate(end);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  if (file.endsWith('.open')) await rename(path, join(dir, `${name}.seg`));
  const { mtimeMs } = await stat(join(dir, `${name}.seg`));
  return { name, seq, rows: countLines(data.subarray(0, end)), bytes: end, firstAt: mtimeMs };
}

/**
 * An append-only spool of `EventRecord`s, a line each (spool-lines.ts): one open segment takes
 * appends (group-committed: one write and one fdatasync per batch of
 * concurrent appends) and is sealed by size or age for the writer to insert.
 */
export class Spool implements SpoolGauges {
  private readonly commits = new GroupCommit<Batch>((batches) => this.exclusive(() => this.write(batches)));
  private readonly datasync: (file: FileHandle) => Promise<void>;
  private current: OpenSegment | undefined;
  private sealedBytes = 0;
  private sealedRows = 0;
  private lock: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly options: SpoolOptions,
    private readonly sealed: Segment[],
    private nextSeq: number,
  ) {
    this.datasync = options.datasync ?? ((file) => file.datasync());
    for (const segment of sealed) this.count(segment, 1);
  }

  get rows(): number {
    return this.sealedRows + (this.current?.rows ?? 0);
  }

  get bytes(): number {
    return this.sealedBytes + (this.current?.bytes ?? 0);
  }

  /** Segments holding records not yet in ClickHouse, the open one included. */
  get segments(): number {
    return this.sealed.length + (this.current?.rows ? 1 : 0);
  }

  get oldestAt(): number | undefined {
    return this.sealed[0]?.firstAt ?? (this.current?.rows ? this.current.firstAt : undefined);
  }

  isFull(): boolean {
    return this.bytes >= this.options.maxBytes;
  }

  /** Resolves once the records are on disk and fsynced. */
  async append(records: readonly EventRecord[]): Promise<void> {
    if (this.closed) throw new Error('event spool is closed');
    if (this.isFull()) throw new SpoolFullError(this.bytes, this.options.maxBytes);
    if (records.length === 0) return;
    let data = '';
    for (const record of records) data += encodeLine(record);
    await this.commits.submit({ data, rows: records.length });
  }

  /** The oldest sealed segment, next to insert. */
  oldest(): Segment | undefined {
    return this.sealed[0];
  }

  newest(): Segment | undefined {
    return this.sealed.at(-1);
  }

  /** Seals the open segment now, after the appends already submitted. */
  async seal(): Promise<void> {
    await this.commits.idle();
    await this.exclusive(() => this.sealOpen());
  }

  /** The segment's rows by table, as the writer inserts them; CorruptSegmentError when a line is not a row. */
  async read(segment: Segment): Promise<TableRows[]> {
    const data = await readFile(this.path(segment, 'seg'));
    try {
      // In slices: splitting a large segment at once would hold up acknowledgements.
      return await rowsByTable(data, READ_SLICE);
    } catch (error) {
      if (error instanceof BadLineError) throw new CorruptSegmentError(segment.name, error.line);
      throw error;
    }
  }

  /** Deletes a segment whose records are all in ClickHouse. */
  async remove(segment: Segment): Promise<void> {
    await unlink(this.path(segment, 'seg')).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    this.forget(segment);
  }

  /** Moves a corrupt segment aside (`.bad`) for an operator, out of the insert queue. */
  async quarantine(segment: Segment): Promise<void> {
    await rename(this.path(segment, 'seg'), join(this.options.dir, `${segment.name}.bad`));
    this.forget(segment);
  }

  /** Seals the open segment; appends are refused from now on. */
  async close(): Promise<void> {
    this.closed = true;
    await this.seal();
    const empty = this.current;
    if (!empty) return;
    // Only left after a failed first write: an empty file.
    this.current = undefined;
    await empty.file.close();
    await unlink(this.path(empty, 'open'));
  }

  private async write(batches: Batch[]): Promise<void> {
    const buffer = Buffer.from(batches.map((batch) => batch.data).join(''));
    const segment = this.current ?? (await this.create());
    try {
      for (let offset = 0; offset < buffer.length; ) {
        const { bytesWritten } = await segment.file.write(
          buffer,
          offset,
          buffer.length - offset,
          segment.bytes + offset,
        );
        offset += bytesWritten;
      }
      await this.datasync(segment.file);
    } catch (error) {
      // Not acknowledged: cut it off so the next batch does not follow a partial line.
      await segment.file.truncate(segment.bytes).catch(() => undefined);
      throw error;
    }
    if (segment.rows === 0) {
      segment.firstAt = Date.now();
      segment.timer = setTimeout(() => this.sealByAge(), this.options.flushIntervalMs).unref();
    }
    segment.rows += batches.reduce((sum, batch) => sum + batch.rows, 0);
    segment.bytes += buffer.length;
    const due =
      segment.rows >= this.options.flushMaxRows || Date.now() - segment.firstAt >= this.options.flushIntervalMs;
    // The batch is durable and must be acknowledged even if sealing fails; it is retried later.
    if (due) await this.sealOpen().catch((error) => this.options.log.warn(`cannot seal spool segment: ${error}`));
  }

  private sealByAge(): void {
    this.exclusive(() => this.sealOpen()).catch((error) =>
      this.options.log.warn(`cannot seal spool segment: ${error}`),
    );
  }

  private async create(): Promise<OpenSegment> {
    const name = `${String(this.nextSeq).padStart(10, '0')}-${randomBytes(8).toString('hex')}`;
    const file = await open(join(this.options.dir, `${name}.open`), 'wx');
    try {
      await syncDir(this.options.dir);
    } catch (error) {
      await file.close();
      throw error;
    }
    this.current = { name, seq: this.nextSeq++, rows: 0, bytes: 0, firstAt: Date.now(), file, timer: undefined };
    return this.current;
  }

  private async sealOpen(): Promise<void> {
    const segment = this.current;
    if (!segment || segment.rows === 0) return;
    await rename(this.path(segment, 'open'), this.path(segment, 'seg'));
    clearTimeout(segment.timer);
    this.current = undefined;
    const { name, seq, rows, bytes, firstAt } = segment;
    const sealed: Segment = { name, seq, rows, bytes, firstAt };
    this.sealed.push(sealed);
    this.count(sealed, 1);
    try {
      await segment.file.close();
      await syncDir(this.options.dir);
    } catch (error) {
      // The rename may not survive a crash: the segment is then sealed again at start, under the same name.
      this.options.log.warn(`cannot sync spool folder after sealing ${segment.name}: ${error}`);
    }
    this.options.onSeal?.();
  }

  private forget(segment: Segment): void {
    const index = this.sealed.indexOf(segment);
    if (index < 0) return;
    this.sealed.splice(index, 1);
    this.count(segment, -1);
  }

  private count(segment: Segment, sign: 1 | -1): void {
    this.sealedBytes += sign * segment.bytes;
    this.sealedRows += sign * segment.rows;
  }

  private path(segment: Segment, extension: 'open' | 'seg'): string {
    return join(this.options.dir, `${segment.name}.${extension}`);
  }

  /** File operations on the open segment run one at a time. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lock.then(task);
    this.lock = run.catch(() => undefined);
    return run;
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function countLines(data: Buffer): number {
  let lines = 0;
  for (let at = data.indexOf(0x0a); at >= 0; at = data.indexOf(0x0a, at + 1)) lines += 1;
  return lines;
}
