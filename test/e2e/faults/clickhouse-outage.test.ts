import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnalyticsService, loadAnalyticsConfig, startAnalyticsService } from '@byline/analytics';
import type { ContentService } from '@byline/content';
import { createTestDatabase, type InsertFaults, type TestDatabase, withInsertFaults } from '@byline/testing';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { acknowledged, type Sent, sendBeacons } from './support/beacons.js';
import { startSeededContent } from './support/content.js';
import { duplicates, viewsByPath, viewsPerArticle } from './support/readership.js';

const SECRET = 'faults-test-secret-of-at-least-32-chars';
const BEFORE_MS = 2_500;
const OUTAGE_MS = 10_000;
const AFTER_MS = 4_500;

let database: TestDatabase;
let content: ContentService;
let articleIds: string[];
let analytics: AnalyticsService;
let dataDir: string;
let faults: InsertFaults;

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'), 'faults');
  ({ content, articleIds } = await startSeededContent(database.url, { articles: 60, secret: SECRET }));
  dataDir = await mkdtemp(join(tmpdir(), 'byline-ch-outage-'));
  analytics = await startAnalyticsService(
    loadAnalyticsConfig({
      BYLINE_DATA_DIR: dataDir,
      ANALYTICS_PORT: '0',
      CONTENT_URL: content.url,
      SITE_HOSTS: 'byline.example',
      FLUSH_INTERVAL_MS: '200',
      RATE_LIMIT_PER_MINUTE: '100000000',
      DEMO_EVENTS: '0',
      INTERNAL_SECRET: SECRET,
      // The writer logs the outage once at error level: expected here.
      LOG_LEVEL: 'silent',
    }),
    {
      wrapClickHouse: (client) => {
        const wrapped = withInsertFaults(client);
        faults = wrapped.faults;
        return wrapped.client;
      },
    },
  );
});

afterAll(async () => {
  await analytics?.close();
  await content?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function storedViews(): Promise<number> {
  const result = await analytics.store.client.query({ query: 'SELECT count() AS n FROM views', format: 'JSONEachRow' });
  const [row] = await result.json<{ n: string }>();
  return Number(row?.n);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

it('acknowledges beacons from its spool while ClickHouse is down for 10 s, then stores each exactly once', async () => {
  const base = analytics.url.replace(/\/graphql$/, '');
  const prefix = `/ch-outage/${randomBytes(4).toString('hex')}`;
  let sending = true;
  const load = sendBeacons({
    collectUrl: `${base}/collect`,
    articleIds,
    prefix,
    senders: 8,
    done: () => !sending,
  });

  await sleep(BEFORE_MS);
  faults.down = true;
  const downAt = performance.now();
  // An insert already past the switch may still land: read the count once it has.
  await sleep(500);
  const storedAtOutageStart = await storedViews();
  const failuresBefore = faults.inserts;
  await sleep(OUTAGE_MS - 600);
  const storedAtOutageEnd = await storedViews();
  const insertAttemptsDuringOutage = faults.inserts - failuresBefore;
  faults.down = false;
  const upAt = performance.now();
  await sleep(AFTER_MS);
  sending = false;
  const sent: Sent[] = await load;
  await analytics.flush();

  // The outage was real: the writer kept trying, and nothing reached ClickHouse meanwhile.
  expect(insertAttemptsDuringOutage).toBeGreaterThan(0);
  expect(storedAtOutageEnd).toBe(storedAtOutageStart);

  // The collector answered every beacon, and 202 (fsynced in its spool) during the outage too.
  const during = sent.filter((beacon) => beacon.at >= downAt && beacon.at + beacon.ms <= upAt);
  expect(sent.filter((beacon) => beacon.status !== 202)).toEqual([]);
  expect(during.length).toBeGreaterThan(100);
  const latencies = sent.map((beacon) => beacon.ms);
  const maxAckMs = Math.max(...latencies);
  expect(maxAckMs).toBeLessThan(5_000);

  // Every acknowledged event is in the raw table exactly once, and the rollups agree with it.
  const counts = await viewsByPath(analytics.store.client, prefix);
  const acked = acknowledged(sent);
  expect(duplicates(counts)).toEqual([]);
  expect([...acked].filter((path) => counts.get(path) !== 1)).toEqual([]);
  expect(counts.size).toBe(acked.size);
  const perArticle = await viewsPerArticle(analytics.store.client);
  expect(perArticle.byMinute).toBe(perArticle.raw);
  expect(perArticle.byHour).toBe(perArticle.raw);

  console.info(
    `ClickHouse outage: ${acked.size} beacons acknowledged (${during.length} during the ${OUTAGE_MS / 1000} s outage), ` +
      `ack latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
      `max ${maxAckMs.toFixed(1)} ms; ${insertAttemptsDuringOutage} insert attempts refused meanwhile`,
  );
}, 90_000);
