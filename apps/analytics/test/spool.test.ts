import { randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRecord } from '../src/ingest/events.js';
import { CorruptSegmentError, openSpool, type Spool, SpoolFullError, type SpoolOptions } from '../src/ingest/spool.js';
import { COLUMNS, encodeLine, type TableRows } from '../src/ingest/spool-lines.js';

let dir: string;
const spools: Spool[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'byline-spool-'));
});

afterEach(async () => {
  await Promise.all(spools.splice(0).map((spool) => spool.close().catch(() => undefined)));
  await rm(dir, { recursive: true, force: true });
});

async function spool(options: Partial<SpoolOptions> = {}): Promise<Spool> {
  const opened = await openSpool({
    dir,
    maxBytes: 1024 * 1024,
    flushIntervalMs: 60_000,
    flushMaxRows: 100_000,
    log: { warn: () => undefined },
    ...options,
  });
  spools.push(opened);
  return opened;
}

function share(article = 1): EventRecord {
  return {
    table: 'shares',
    row: {
      event_id: randomUUID(),
      time: Date.now(),
      article_id: String(article),
      section_id: '2',
      edition: 'en',
      author_ids: ['3'],
      visitor_id: '42',
      country: 'AZ',
      region: '',
      network: 'telegram',
    },
  };
}

async function files(extension: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith(extension)).sort();
}

async function lines(file: string): Promise<string[]> {
  return (await readFile(join(dir, file), 'utf8')).split('\n').slice(0, -1);
}

/** A spool line back as the record it was written from. */
function decode(line: string): EventRecord {
  const tab = line.indexOf('\t');
  const table = line.slice(0, tab) as EventRecord['table'];
  const values = JSON.parse(line.slice(tab + 1)) as unknown[];
  const row = Object.fromEntries(COLUMNS[table].map((column, i) => [column, values[i]]));
  return { table, row } as unknown as EventRecord;
}

/** What `read` answers, back as records (table by table). */
function recordsOf(tables: TableRows[]): EventRecord[] {
  return tables.flatMap(({ table, rows, body }) => {
    const list = body.toString('utf8').split('\n').slice(0, -1);
    expect(list).toHaveLength(rows);
    return list.map((values) => decode(`${table}\t${values}`));
  });
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 2_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('spool', () => {
  it('group-commits concurrent appends: all on disk when acknowledged, with far fewer fsyncs', async () => {
    let syncs = 0;
    const opened = await spool({
      datasync: (file) => {
        syncs += 1;
        return file.datasync();
      },
    });
    const records = Array.from({ length: 1_000 }, (_, i) => share(i));
    await Promise.all(records.map((record) => opened.append([record])));

    const [segment] = await files('.open');
    const onDisk = (await lines(segment as string)).map(decode);
    expect(onDisk).toHaveLength(1_000);
    expect(new Set(onDisk.map((record) => record.row.event_id))).toEqual(
      new Set(records.map((record) => record.row.event_id)),
    );
    expect(syncs).toBeGreaterThan(0);
    expect(syncs).toBeLessThanOrEqual(10);
    expect(opened.rows).toBe(1_000);
  });

  it('batches appends that arrive while an fsync is running', async () => {
    let syncs = 0;
    const opened = await spool({
      datasync: async (file) => {
        syncs += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        await file.datasync();
      },
    });
    const first = opened.append([share()]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.all([first, ...Array.from({ length: 50 }, () => opened.append([share()]))]);
    expect(opened.rows).toBe(51);
    expect(syncs).toBe(2);
  });

  it('seals the open segment when it reaches flushMaxRows', async () => {
    let seals = 0;
    const opened = await spool({ flushMaxRows: 10, onSeal: () => seals++ });
    await opened.append(Array.from({ length: 10 }, () => share()));
    await opened.append(Array.from({ length: 4 }, () => share()));

    const sealed = await files('.seg');
    expect(sealed).toHaveLength(1);
    expect(await lines(sealed[0] as string)).toHaveLength(10);
    expect(await files('.open')).toHaveLength(1);
    expect(seals).toBe(1);
    expect(opened.oldest()).toMatchObject({ rows: 10, seq: 1 });
    expect({ rows: opened.rows, segments: opened.segments }).toEqual({ rows: 14, segments: 2 });
  });

  it('seals the open segment flushIntervalMs after its first record', async () => {
    let seals = 0;
    const opened = await spool({ flushIntervalMs: 200, onSeal: () => seals++ });
    await opened.append([share()]);
    expect(await files('.seg')).toHaveLength(0);
    await until(() => seals === 1);
    expect(await files('.seg')).toHaveLength(1);
    expect(await files('.open')).toHaveLength(0);
    expect(opened.oldest()?.rows).toBe(1);
  });

  it('numbers segments monotonically across restarts, with a random part in every name', async () => {
    const first = await spool();
    await first.append([share()]);
    await first.close();
    const reopened = await spool();
    const old = reopened.oldest();
    await reopened.append([share()]);
    await reopened.seal();
    expect(reopened.newest()?.seq).toBe(2);
    if (old) await reopened.remove(old);

    const again = await spool();
    await again.append([share()]);
    await again.seal();
    expect(again.newest()?.seq).toBe(3);
    const names = await files('.seg');
    // Names stay unique even if numbering restarts in an empty folder: a random part follows the number.
    expect(names.every((name) => /^\d{10}-[0-9a-f]{16}\.seg$/.test(name))).toBe(true);
  });

  it('drops a torn last line of an open segment on reopen and seals the rest', async () => {
    const crashed = await spool();
    const records = [share(1), share(2), share(3)];
    await crashed.append(records);
    const [open] = await files('.open');
    await appendFile(join(dir, open as string), '{"table":"shares","row":{"event_id":"to');

    const reopened = await spool();
    expect(await files('.open')).toHaveLength(0);
    const segment = reopened.oldest();
    expect(segment).toMatchObject({ rows: 3, bytes: (await stat(join(dir, `${segment?.name}.seg`))).size });
    expect(recordsOf(await reopened.read(segment as NonNullable<typeof segment>))).toEqual(records);
  });

  it('reads segments written before rows were positional', async () => {
    const legacy = [share(1), share(2)];
    const lines = legacy.map((record) => `${JSON.stringify(record)}\n`).join('');
    await writeFile(join(dir, '0000000001-0123456789abcdef.seg'), lines);
    const opened = await spool();
    const segment = opened.oldest();
    if (!segment) throw new Error('segment not found');
    expect(recordsOf(await opened.read(segment))).toEqual(legacy);
  });

  it.each([
    ['not JSON', 'not json'],
    ['a record of an unknown table', '{"table":"clicks","row":{}}'],
    ['a record without a row', '{"table":"shares"}'],
  ])('refuses a segment of the legacy shape with %s', async (_name, line) => {
    await writeFile(join(dir, '0000000001-0123456789abcdef.seg'), `${JSON.stringify(share())}\n${line}\n`);
    const opened = await spool();
    const segment = opened.oldest();
    if (!segment) throw new Error('segment not found');
    await expect(opened.read(segment)).rejects.toThrow(/corrupt at line 2/);
  });

  it('deletes an open segment that holds only a torn line', async () => {
    await writeFile(join(dir, '0000000007-0123456789abcdef.open'), '{"table":"sha');
    const reopened = await spool();
    expect(await readdir(dir)).toEqual([]);
    expect(reopened.oldest()).toBeUndefined();
    await reopened.append([share()]);
    await reopened.seal();
    expect(reopened.newest()?.seq).toBe(8);
  });

  it('accounts bytes on disk, refuses appends when full and accepts again once drained', async () => {
    const opened = await spool({ maxBytes: 2_000, flushMaxRows: 3 });
    let accepted = 0;
    while (!opened.isFull()) {
      await opened.append([share()]);
      accepted += 1;
    }
    const onDisk = async () => {
      const names = await readdir(dir);
      const sizes = await Promise.all(names.map(async (name) => (await stat(join(dir, name))).size));
      return sizes.reduce((sum, size) => sum + size, 0);
    };
    expect(opened.bytes).toBeGreaterThanOrEqual(2_000);
    expect(opened.bytes).toBe(await onDisk());
    expect(opened.rows).toBe(accepted);
    await expect(opened.append([share()])).rejects.toBeInstanceOf(SpoolFullError);

    for (let segment = opened.oldest(); segment; segment = opened.oldest()) await opened.remove(segment);
    expect(opened.isFull()).toBe(false);
    expect(opened.bytes).toBe(await onDisk());
    await opened.append([share()]);
  });

  it.each([
    ['a torn row', 'shares\t["x",1'],
    ['an unknown table', 'clicks\t[1]'],
    ['a NUL byte', 'shares\t["\u0000"]'],
    ['a line of the legacy shape', JSON.stringify(share())],
  ])('refuses a segment with %s', async (_name, line) => {
    await writeFile(join(dir, '0000000001-0123456789abcdef.seg'), `${encodeLine(share())}${line}\n`);
    const opened = await spool();
    const segment = opened.oldest();
    if (!segment) throw new Error('segment not found');
    await expect(opened.read(segment)).rejects.toThrow(/corrupt at line 2/);
  });

  it('refuses to read a corrupt segment and moves it aside', async () => {
    await writeFile(join(dir, '0000000001-0123456789abcdef.seg'), `${JSON.stringify(share())}\nnot json\n`);
    const opened = await spool();
    const segment = opened.oldest();
    if (!segment) throw new Error('segment not found');
    await expect(opened.read(segment)).rejects.toBeInstanceOf(CorruptSegmentError);
    await opened.quarantine(segment);
    expect(await readdir(dir)).toEqual(['0000000001-0123456789abcdef.bad']);
    expect({ rows: opened.rows, bytes: opened.bytes, oldest: opened.oldest() }).toEqual({
      rows: 0,
      bytes: 0,
      oldest: undefined,
    });
  });
});
