import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations, type ClickHouse, openClickHouse, readMigrations } from '@byline/clickhouse';
import { withInsertFaults } from '@byline/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventRecord } from '../src/ingest/events.js';
import { createPipeline, type Pipeline, SpoolFullError } from '../src/ingest/pipeline.js';

type Client = ClickHouse['client'];

const MIGRATIONS = fileURLToPath(new URL('../src/clickhouse/migrations', import.meta.url));
const TABLES = [
  'views',
  'shares',
  'engagement',
  'views_by_minute',
  'article_views_by_hour',
  'section_days',
  'section_hours',
  'shares_by_minute',
];

let root: string;
let clickhouse: ClickHouse;
let spoolDir: string;
let logged: { level: string; message: string }[];
const pipelines: Pipeline[] = [];

async function pipeline(client: Client, options: { maxBytes?: number; flushMaxRows?: number } = {}) {
  const opened = await createPipeline({
    dir: spoolDir,
    client,
    maxBytes: options.maxBytes ?? 64 * 1024 * 1024,
    flushIntervalMs: 50,
    flushMaxRows: options.flushMaxRows ?? 1_000,
    log: {
      info: (message) => logged.push({ level: 'info', message }),
      warn: (message) => logged.push({ level: 'warn', message }),
      error: (message) => logged.push({ level: 'error', message }),
    },
  });
  pipelines.push(opened);
  return opened;
}

const MINUTE = 60_000;
const BASE = Date.UTC(2026, 2, 14, 9, 0, 0);

function facts(i: number) {
  return {
    event_id: randomUUID(),
    time: BASE + (i % 7) * MINUTE + i,
    article_id: String(1_000 + (i % 5)),
    section_id: String(1 + (i % 3)),
    edition: i % 2 ? 'en' : 'az',
    author_ids: [String(1 + (i % 4))],
    visitor_id: String(10_000 + (i % 37)),
    country: i % 3 ? 'AZ' : 'GE',
    region: '',
  };
}

function view(i: number): EventRecord {
  return {
    table: 'views',
    row: {
      ...facts(i),
      device: 'mobile',
      browser: 'Chrome',
      os: 'Android',
      referrer_host: 'www.google.com',
      channel: 'search',
      channel_source: 'google',
      utm_source: '',
      utm_medium: '',
      utm_campaign: '',
      path: `/news/${i}`,
    },
  };
}

function share(i: number): EventRecord {
  return { table: 'shares', row: { ...facts(i), network: i % 2 ? 'telegram' : 'whatsapp' } };
}

function engagement(i: number): EventRecord {
  return {
    table: 'engagement',
    row: { ...facts(i), view_id: randomUUID(), engaged_seconds: 15, previous_seconds: 0, scroll_depth: 60 },
  };
}

/** `views` views, `shares` shares and `engagements` heartbeats, interleaved. */
function events(views: number, shares: number, engagements: number): EventRecord[] {
  return [
    ...Array.from({ length: views }, (_, i) => view(i)),
    ...Array.from({ length: shares }, (_, i) => share(i)),
    ...Array.from({ length: engagements }, (_, i) => engagement(i)),
  ].sort(() => Math.random() - 0.5);
}

/** Accepts the records in batches of 1 to 20, concurrently, as many requests would. */
async function acceptAll(target: Pipeline, records: EventRecord[]): Promise<void> {
  const batches: EventRecord[][] = [];
  for (let at = 0; at < records.length; ) {
    const size = 1 + (at % 20);
    batches.push(records.slice(at, at + size));
    at += size;
  }
  await Promise.all(batches.map((batch) => target.accept(batch)));
}

async function rows<T>(query: string): Promise<T[]> {
  return (await clickhouse.client.query({ query, format: 'JSONEachRow' })).json<T>();
}

async function count(query: string): Promise<number> {
  const [row] = await rows<{ n: string }>(query);
  return Number(row?.n);
}

/** What ClickHouse holds: raw counts, distinct event ids and the rollups' sums. */
async function stored() {
  return {
    views: await count('SELECT count() AS n FROM views'),
    distinctViews: await count('SELECT uniqExact(event_id) AS n FROM views'),
    shares: await count('SELECT count() AS n FROM shares'),
    distinctShares: await count('SELECT uniqExact(event_id) AS n FROM shares'),
    engagement: await count('SELECT count() AS n FROM engagement'),
    distinctEngagement: await count('SELECT uniqExact(event_id) AS n FROM engagement'),
    viewsByMinute: await count('SELECT sum(views) AS n FROM views_by_minute'),
    viewsBySectionDay: await count('SELECT sum(views) AS n FROM section_days'),
    sharesBySectionHour: await count('SELECT sum(shares) AS n FROM section_hours'),
    sharesByMinute: await count('SELECT sum(shares) AS n FROM shares_by_minute'),
  };
}

function exactly(views: number, shares: number, engagements: number) {
  return {
    views,
    distinctViews: views,
    shares,
    distinctShares: shares,
    engagement: engagements,
    distinctEngagement: engagements,
    viewsByMinute: views,
    viewsBySectionDay: views,
    sharesBySectionHour: shares,
    sharesByMinute: shares,
  };
}

async function spoolFiles(): Promise<string[]> {
  return (await readdir(spoolDir)).sort();
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'byline-pipeline-'));
  clickhouse = await openClickHouse({ database: 'byline', dataDir: join(root, 'clickhouse') });
  await applyMigrations(clickhouse.client, await readMigrations(MIGRATIONS));
});

afterAll(async () => {
  await clickhouse?.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  logged = [];
  spoolDir = await mkdtemp(join(root, 'spool-'));
  for (const table of TABLES) await clickhouse.client.command({ query: `TRUNCATE TABLE ${table}` });
});

afterEach(async () => {
  await Promise.all(pipelines.splice(0).map((opened) => opened.close(100)));
});

describe('ingest pipeline on embedded ClickHouse', () => {
  it('stores every accepted event exactly once, and the rollups add up to the raw counts', async () => {
    const opened = await pipeline(clickhouse.client);
    await acceptAll(opened, events(2_500, 400, 300));
    await opened.flush();

    expect(await stored()).toEqual(exactly(2_500, 400, 300));
    const raw = await rows('SELECT article_id, count() AS views FROM views GROUP BY article_id ORDER BY article_id');
    expect(raw).toHaveLength(5);
    for (const rollup of ['views_by_minute', 'article_views_by_hour']) {
      expect(
        await rows(`SELECT article_id, sum(views) AS views FROM ${rollup} GROUP BY article_id ORDER BY article_id`),
      ).toEqual(raw);
    }
    expect(await spoolFiles()).toEqual([]);
    const metrics = opened.metrics.snapshot();
    expect(metrics).toMatchObject({
      accepted: { views: 2_500, shares: 400, engagement: 300 },
      inserted: { views: 2_500, shares: 400, engagement: 300 },
      spooledRows: 0,
      spooledBytes: 0,
      segmentsPending: 0,
      lagMs: 0,
      insertFailures: 0,
    });
  });

  it('stores every column of every table as accepted', async () => {
    // Text that JSON and ClickHouse both escape: quotes, backslashes, control characters, non-ASCII.
    const escaped = view(2) as Extract<EventRecord, { table: 'views' }>;
    escaped.row = { ...escaped.row, region: 'Bakı "old" \\ town', utm_campaign: 'a\tb\nc', path: '/ä/"x"' };
    const accepted = [view(1), escaped, share(3), engagement(4)];
    const opened = await pipeline(clickhouse.client);
    await opened.accept(accepted);
    await opened.flush();
    const facts = `toString(event_id) AS event_id, toUnixTimestamp64Milli(time) AS time, toString(article_id) AS article_id,
      toString(section_id) AS section_id, edition, arrayMap(id -> toString(id), author_ids) AS author_ids,
      toString(visitor_id) AS visitor_id, country, region`;
    const back = [
      ...(
        await rows<Record<string, unknown>>(`SELECT ${facts}, device, browser, os, referrer_host, channel,
        channel_source, utm_source, utm_medium, utm_campaign, path FROM views ORDER BY time`)
      ).map((row) => ({ table: 'views', row })),
      ...(await rows<Record<string, unknown>>(`SELECT ${facts}, network FROM shares`)).map((row) => ({
        table: 'shares',
        row,
      })),
      ...(
        await rows<Record<string, unknown>>(`SELECT ${facts}, toString(view_id) AS view_id, engaged_seconds,
        previous_seconds, scroll_depth FROM engagement`)
      ).map((row) => ({ table: 'engagement', row })),
    ].map(({ table, row }) => ({ table, row: { ...row, time: Number(row.time) } }));
    expect(back).toEqual(accepted);
  });

  it('replays a spool of the previous line format, counting once what was already inserted from it', async () => {
    const records = events(200, 30, 20);
    const name = '0000000001-0123456789abcdef';
    await writeFile(join(spoolDir, `${name}.seg`), records.map((record) => `${JSON.stringify(record)}\n`).join(''));
    // The previous writer had inserted the segment's views, then stopped before its shares and heartbeats.
    await clickhouse.client.insert({
      table: 'views',
      values: records.filter((record) => record.table === 'views').map((record) => record.row),
      format: 'JSONEachRow',
      clickhouse_settings: {
        insert_deduplication_token: `${name}:views`,
        deduplicate_blocks_in_dependent_materialized_views: 1,
        async_insert: 0,
      },
    });
    const opened = await pipeline(clickhouse.client);
    await opened.flush();
    expect(await stored()).toEqual(exactly(200, 30, 20));
    expect(await spoolFiles()).toEqual([]);
  });

  it('counts a segment once when it is inserted again after a crash before its deletion', async () => {
    const { client, faults } = withInsertFaults(clickhouse.client);
    faults.down = true;
    const first = await pipeline(client, { flushMaxRows: 200 });
    const records = events(500, 100, 100);
    for (let at = 0; at < records.length; at += 50) await first.accept(records.slice(at, at + 50));
    await until(() => first.metrics.snapshot().insertFailures > 0);
    await first.close(100);
    const segments = await spoolFiles();
    expect(segments.length).toBeGreaterThan(1);
    const saved = join(root, `saved-${randomUUID()}`);
    await mkdir(saved);
    for (const name of segments) await copyFile(join(spoolDir, name), join(saved, name));

    faults.down = false;
    const second = await pipeline(client);
    await second.flush();
    expect(await spoolFiles()).toEqual([]);
    expect(await stored()).toEqual(exactly(500, 100, 100));

    // As if the process died after the inserts, before deleting the files: the same segments come back.
    await second.close();
    for (const name of segments) await copyFile(join(saved, name), join(spoolDir, name));
    const third = await pipeline(client);
    await third.flush();
    expect(third.metrics.snapshot().inserted).toEqual({ views: 500, shares: 100, engagement: 100 });
    expect(await stored()).toEqual(exactly(500, 100, 100));
  });

  it('keeps accepting while ClickHouse is down and stores everything once it is back', async () => {
    const { client, faults } = withInsertFaults(clickhouse.client);
    faults.down = true;
    const opened = await pipeline(client, { flushMaxRows: 300 });
    const during = events(1_200, 150, 150);
    await acceptAll(opened, during.slice(0, 700));
    await until(() => opened.metrics.snapshot().insertFailures >= 3);
    await acceptAll(opened, during.slice(700));
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(await stored()).toEqual(exactly(0, 0, 0));
    const outage = opened.metrics.snapshot();
    expect(outage.spooledRows).toBe(1_500);
    expect(outage.segmentsPending).toBeGreaterThan(1);
    expect(outage.lagMs).toBeGreaterThan(0);
    expect(logged.filter((entry) => entry.level === 'error')).toHaveLength(1);

    faults.down = false;
    await opened.flush();
    expect(await stored()).toEqual(exactly(1_200, 150, 150));
    expect(opened.metrics.snapshot()).toMatchObject({ spooledRows: 0, segmentsPending: 0, lagMs: 0 });
    expect(logged.some((entry) => entry.level === 'info' && /recovered/.test(entry.message))).toBe(true);
  });

  it('counts once an insert that landed but whose answer was lost, when it is retried', async () => {
    const { client, faults } = withInsertFaults(clickhouse.client);
    faults.ackLost = true;
    const opened = await pipeline(client);
    await acceptAll(opened, events(300, 50, 50));
    await until(() => opened.metrics.snapshot().insertFailures >= 2);
    faults.ackLost = false;
    await opened.flush();
    expect(await stored()).toEqual(exactly(300, 50, 50));
  });

  it('refuses with SpoolFullError past maxBytes and accepts again once the writer drained the spool', async () => {
    const { client, faults } = withInsertFaults(clickhouse.client);
    faults.down = true;
    const opened = await pipeline(client, { maxBytes: 40_000, flushMaxRows: 20 });
    let accepted = 0;
    let refused: unknown;
    for (let i = 0; i < 10_000 && !refused; i++) {
      try {
        await opened.accept([view(i)]);
        accepted += 1;
      } catch (error) {
        refused = error;
      }
    }
    expect(refused).toBeInstanceOf(SpoolFullError);
    expect(opened.isFull()).toBe(true);
    expect(accepted).toBeGreaterThan(20);

    faults.down = false;
    await opened.flush();
    expect(opened.isFull()).toBe(false);
    await opened.accept([view(accepted)]);
    await opened.flush();
    expect(await stored()).toEqual(exactly(accepted + 1, 0, 0));
  });

  it('leaves what it could not insert on close in the spool, and the next start replays it', async () => {
    const { client, faults } = withInsertFaults(clickhouse.client);
    faults.down = true;
    const first = await pipeline(client);
    await acceptAll(first, events(400, 60, 40));
    await first.close(200);
    const left = await spoolFiles();
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((name) => name.endsWith('.seg'))).toBe(true);
    await expect(first.accept([view(0)])).rejects.toThrow();

    faults.down = false;
    const second = await pipeline(client);
    await second.flush();
    expect(await stored()).toEqual(exactly(400, 60, 40));
    expect(await spoolFiles()).toEqual([]);
  });

  it('inserts everything on close when ClickHouse is up', async () => {
    const opened = await pipeline(clickhouse.client, { flushMaxRows: 100_000 });
    await acceptAll(opened, events(300, 30, 30));
    await opened.close();
    expect(await spoolFiles()).toEqual([]);
    expect(await stored()).toEqual(exactly(300, 30, 30));
  });
});
