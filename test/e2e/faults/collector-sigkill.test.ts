import { randomBytes, randomInt } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClickHouse, openClickHouse } from '@byline/clickhouse';
import type { ContentService } from '@byline/content';
import { createTestDatabase, type TestDatabase } from '@byline/testing';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { acknowledged, type Sent, sendBeacons } from './support/beacons.js';
import { startSeededContent } from './support/content.js';
import { type Child, startAnalyticsProcess } from './support/processes.js';
import { duplicates, viewsByPath, viewsPerArticle } from './support/readership.js';

const SECRET = 'faults-test-secret-of-at-least-32-chars';

let database: TestDatabase;
let content: ContentService;
let articleIds: string[];
let dataDir: string;
let collector: Child | undefined;
let clickhouse: ClickHouse | undefined;

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'), 'faults');
  ({ content, articleIds } = await startSeededContent(database.url, { articles: 60, secret: SECRET }));
  dataDir = await mkdtemp(join(tmpdir(), 'byline-sigkill-'));
});

afterAll(async () => {
  await collector?.kill();
  await clickhouse?.close();
  await content?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function collectorEnv(): Record<string, string> {
  return {
    BYLINE_DATA_DIR: dataDir,
    ANALYTICS_PORT: '0',
    CONTENT_URL: content.url,
    SITE_HOSTS: 'byline.example',
    // Small, frequent segments: at the kill some events are in ClickHouse, some sealed, some in the open segment.
    FLUSH_INTERVAL_MS: '100',
    FLUSH_MAX_ROWS: '200',
    RATE_LIMIT_PER_MINUTE: '100000000',
    DEMO_EVENTS: '0',
    INTERNAL_SECRET: SECRET,
    LOG_LEVEL: 'error',
  };
}

/** Waits until the collector's spool is empty: everything it held is in ClickHouse. */
async function drained(child: Child, timeoutMs: number): Promise<void> {
  const metrics = child.url.replace(/\/graphql$/, '/metrics');
  const end = Date.now() + timeoutMs;
  for (;;) {
    const snapshot = (await (await fetch(metrics)).json()) as { spooledRows: number; segmentsPending: number };
    if (snapshot.spooledRows === 0 && snapshot.segmentsPending === 0) return;
    if (Date.now() > end) throw new Error(`spool not drained in ${timeoutMs} ms: ${JSON.stringify(snapshot)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends beacons from 16 concurrent senders and SIGKILLs the collector after a random 1 to 3 s. */
async function sendUntilKilled(child: Child, prefix: string) {
  const killAfterMs = randomInt(1_000, 3_000);
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    void child.kill();
  }, killAfterMs);
  const sent = await sendBeacons({
    collectUrl: child.url.replace(/\/graphql$/, '/collect'),
    articleIds,
    prefix,
    senders: 16,
    done: () => killed,
  });
  clearTimeout(timer);
  await child.kill();
  return { sent, killAfterMs };
}

it('keeps every acknowledged event exactly once when the collector is SIGKILLed mid-stream and restarted', async () => {
  const prefix = `/sigkill/${randomBytes(4).toString('hex')}`;
  // Each restart replays what the last one left while new beacons arrive, and is killed in turn. A kill can
  // fall where every answer was already on its way back: go on until one caught requests in flight.
  const sent: Sent[] = [];
  const kills: string[] = [];
  for (let cycle = 0; cycle < 6 && (cycle < 2 || !sent.some((beacon) => beacon.status === 0)); cycle++) {
    collector = await startAnalyticsProcess(collectorEnv());
    const round = await sendUntilKilled(collector, `${prefix}/${cycle}`);
    sent.push(...round.sent);
    kills.push(`${round.killAfterMs} ms`);
  }

  const acked = acknowledged(sent);
  const unanswered = sent.filter((beacon) => beacon.status === 0);
  expect(acked.size).toBeGreaterThan(100);
  expect(unanswered.length).toBeGreaterThan(0);
  expect(sent.filter((beacon) => beacon.status !== 202 && beacon.status !== 0)).toEqual([]);

  collector = await startAnalyticsProcess(collectorEnv());
  await drained(collector, 30_000);
  await collector.stop();
  collector = undefined;
  expect((await readdir(join(dataDir, 'spool'))).filter((name) => name.endsWith('.bad'))).toEqual([]);

  // The collector has exited: its embedded ClickHouse files can be opened here.
  clickhouse = await openClickHouse({ database: 'byline', dataDir: join(dataDir, 'clickhouse') });
  const counts = await viewsByPath(clickhouse.client, prefix);
  const sentPaths = new Set(sent.map((beacon) => beacon.path));
  expect(duplicates(counts)).toEqual([]);
  expect([...acked].filter((path) => counts.get(path) !== 1)).toEqual([]);
  expect([...counts.keys()].filter((path) => !sentPaths.has(path))).toEqual([]);
  const perArticle = await viewsPerArticle(clickhouse.client);
  expect(perArticle.byMinute).toBe(perArticle.raw);
  expect(perArticle.byHour).toBe(perArticle.raw);

  const landedUnanswered = unanswered.filter((beacon) => counts.has(beacon.path)).length;
  console.info(
    `SIGKILL ${kills.length} times (after ${kills.join(', ')}): ${sent.length} beacons sent, ` +
      `${acked.size} acknowledged (all stored once), ${unanswered.length} unanswered ` +
      `(${landedUnanswered} of them stored once, the rest not at all)`,
  );
}, 120_000);
