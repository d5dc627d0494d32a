import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, type ClickHouse, openClickHouse, readMigrations } from '@byline/clickhouse';
import { withInsertFaults } from '@byline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../src/clickhouse/open.js';
import type { EventRecord, ShareNetwork } from '../src/ingest/events.js';
import { createPipeline } from '../src/ingest/pipeline.js';

const TOTALS = '004-article-totals.sql';
const NETWORKS: ShareNetwork[] = ['facebook', 'x', 'telegram', 'whatsapp'];
const BASE = Date.UTC(2026, 4, 20, 8, 0, 0);

let root: string;
let clickhouse: ClickHouse;
/** What the test wrote, per article: views, and shares per network. */
const truth = new Map<string, { views: number; shares: Record<string, number> }>();

function facts(i: number, article: string) {
  return {
    event_id: randomUUID(),
    time: BASE + i * 1_000,
    article_id: article,
    section_id: '1',
    edition: 'en',
    author_ids: ['1'],
    visitor_id: String(5_000 + (i % 11)),
    country: 'AZ',
    region: '',
  };
}

function truthOf(article: string) {
  const counts = truth.get(article) ?? { views: 0, shares: {} };
  truth.set(article, counts);
  return counts;
}

/** A view of `article`, counted in the ground truth. */
function view(i: number, article: string): EventRecord {
  truthOf(article).views += 1;
  const row = {
    ...facts(i, article),
    device: 'desktop' as const,
    browser: 'Firefox',
    os: 'Linux',
    referrer_host: '',
    channel: 'direct' as const,
    channel_source: '',
    utm_source: '',
    utm_medium: '',
    utm_campaign: '',
    path: `/a/${article}`,
  };
  return { table: 'views', row };
}

/** A share of `article`, counted in the ground truth. */
function share(i: number, article: string): EventRecord {
  const network = NETWORKS[i % NETWORKS.length] as ShareNetwork;
  const { shares } = truthOf(article);
  shares[network] = (shares[network] ?? 0) + 1;
  return { table: 'shares', row: { ...facts(i, article), network } };
}

function mixed(from: number, count: number): EventRecord[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const article = String(100 + (i % 7));
    return i % 3 === 0 ? share(i, article) : view(i, article);
  });
}

async function rows<T>(query: string): Promise<T[]> {
  return (await clickhouse.client.query({ query, format: 'JSONEachRow' })).json<T>();
}

/** The totals table, merged per article, in the ground truth's shape. */
async function totals() {
  const merged = await rows<{ id: string; views: string; shares: Record<string, string> }>(
    'SELECT toString(article_id) AS id, sum(views) AS views, sumMap(shares) AS shares FROM article_totals GROUP BY article_id',
  );
  return new Map(
    merged.map((row) => [
      row.id,
      {
        views: Number(row.views),
        shares: Object.fromEntries(Object.entries(row.shares).map(([network, n]) => [network, Number(n)])),
      },
    ]),
  );
}

/** The same figures counted from the raw tables. */
async function raw() {
  const counted = new Map<string, { views: number; shares: Record<string, number> }>();
  const entry = (id: string) => {
    const counts = counted.get(id) ?? { views: 0, shares: {} };
    counted.set(id, counts);
    return counts;
  };
  const viewRows = await rows<{ id: string; n: string }>(
    'SELECT toString(article_id) AS id, count() AS n FROM views GROUP BY article_id',
  );
  for (const row of viewRows) entry(row.id).views = Number(row.n);
  const shareRows = await rows<{ id: string; network: string; n: string }>(
    'SELECT toString(article_id) AS id, network, count() AS n FROM shares GROUP BY article_id, network',
  );
  for (const row of shareRows) entry(row.id).shares[row.network] = Number(row.n);
  return counted;
}

async function pipeline(client: ClickHouse['client']) {
  return createPipeline({
    dir: await mkdtemp(join(root, 'spool-')),
    client,
    maxBytes: 64 * 1024 * 1024,
    flushIntervalMs: 50,
    flushMaxRows: 1_000,
    log: { info: () => {}, warn: () => {}, error: () => {} },
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'byline-totals-'));
  clickhouse = await openClickHouse({ database: 'byline', dataDir: join(root, 'clickhouse') });
  const migrations = await readMigrations(MIGRATIONS_DIR);
  await applyMigrations(
    clickhouse.client,
    migrations.filter((migration) => migration.name < TOTALS),
  );
  // Events stored before the totals existed: the migration must backfill them.
  const before = await pipeline(clickhouse.client);
  await before.accept(mixed(0, 600));
  await before.close();
  await applyMigrations(clickhouse.client, migrations);
}, 60_000);

afterAll(async () => {
  await clickhouse?.close();
  await rm(root, { recursive: true, force: true });
});

describe('article totals (migration 004)', () => {
  it('backfills the events stored before the migration', async () => {
    expect(await totals()).toEqual(truth);
    expect(await raw()).toEqual(truth);
  });

  it('backfills nothing twice when the migration runs again after an interruption', async () => {
    const [migration] = (await readMigrations(MIGRATIONS_DIR)).filter((m) => m.name === TOTALS);
    for (const statement of migration?.statements ?? []) await clickhouse.client.command({ query: statement });
    expect(await totals()).toEqual(truth);
  });

  it('follows new events, counting a retried insert once', async () => {
    const { client, faults } = withInsertFaults(clickhouse.client);
    faults.ackLost = true;
    const opened = await pipeline(client);
    await opened.accept(mixed(600, 900));
    while (opened.metrics.snapshot().insertFailures < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    faults.ackLost = false;
    await opened.flush();
    await opened.close();
    expect(await raw()).toEqual(truth);
    expect(await totals()).toEqual(truth);
  });

  it('counts separate inserts with the same figures separately', async () => {
    const opened = await pipeline(clickhouse.client);
    for (const i of [2_000, 2_001]) {
      await opened.accept([view(i, '100'), share(4 * i, '100')]);
      await opened.flush();
    }
    await opened.close();
    expect(await totals()).toEqual(truth);
  });
});
