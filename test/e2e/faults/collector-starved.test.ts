import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClickHouse, openClickHouse } from '@byline/clickhouse';
import type { ContentService } from '@byline/content';
import { createTestDatabase, type TestDatabase } from '@byline/testing';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { acknowledged, sendBeacons } from './support/beacons.js';
import { startSeededContent } from './support/content.js';
import { type Child, startAnalyticsProcess } from './support/processes.js';
import { duplicates, viewsByPath } from './support/readership.js';

/**
 * The collector on a starved CPU: it, the content subgraph it asks for article facts
 * (in this process) and two busy-loop neighbours share one core (`taskset`; where it is
 * missing, the neighbours still compete for every core). A bounded number of beacons
 * for articles it has not seen yet, so each needs a lookup: none may get a 5xx other
 * than 503, and every 202 must be in ClickHouse exactly once.
 */

const SECRET = 'faults-test-secret-of-at-least-32-chars';
const ARTICLES = 300;
const BEACONS = 600;
const NEIGHBOURS = 2;

let database: TestDatabase;
let content: ContentService;
let articleIds: string[];
let dataDir: string;
let collector: Child | undefined;
let clickhouse: ClickHouse | undefined;
const neighbours: ChildProcess[] = [];

/** Pins `pid` to `cpus` (`0`, `0-1`); false where taskset is missing. */
function pin(pid: number, cpus: string): boolean {
  try {
    execFileSync('taskset', ['-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function stopNeighbours() {
  for (const neighbour of neighbours.splice(0)) {
    if (neighbour.exitCode !== null || neighbour.signalCode !== null) continue;
    const exited = once(neighbour, 'exit');
    neighbour.kill('SIGKILL');
    await exited;
  }
}

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'), 'starved');
  ({ content, articleIds } = await startSeededContent(database.url, { articles: ARTICLES, secret: SECRET }));
  dataDir = await mkdtemp(join(tmpdir(), 'byline-starved-'));
});

afterAll(async () => {
  await stopNeighbours();
  pin(process.pid, '0-1023');
  await collector?.kill();
  await clickhouse?.close();
  await content?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it(`answers ${BEACONS} beacons on a starved CPU with 2xx or 503, never another 5xx, each 202 stored once`, async () => {
  collector = await startAnalyticsProcess({
    BYLINE_DATA_DIR: dataDir,
    ANALYTICS_PORT: '0',
    CONTENT_URL: content.url,
    SITE_HOSTS: 'byline.example',
    RATE_LIMIT_PER_MINUTE: '100000000',
    DEMO_EVENTS: '0',
    INTERNAL_SECRET: SECRET,
    LOG_LEVEL: 'error',
  });
  const child = collector;
  const pinned = [child.process.pid as number, process.pid].every((pid) => pin(pid, '0'));
  for (let i = 0; i < NEIGHBOURS; i++) {
    const busy = pinned
      ? spawn('taskset', ['-c', '0', process.execPath, '-e', 'for(;;){}'], { stdio: 'ignore' })
      : spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
    neighbours.push(busy);
  }
  const prefix = `/starved/${randomBytes(4).toString('hex')}`;
  const started = performance.now();
  let next = 0;
  const sent = await sendBeacons({
    collectUrl: child.url.replace(/\/graphql$/, '/collect'),
    articleIds,
    prefix,
    senders: 20,
    done: () => next++ >= BEACONS,
  });
  const elapsed = performance.now() - started;
  await stopNeighbours();
  pin(process.pid, '0-1023');

  const statuses = new Map<number, number>();
  for (const beacon of sent) statuses.set(beacon.status, (statuses.get(beacon.status) ?? 0) + 1);
  const summary = Object.fromEntries([...statuses].sort(([a], [b]) => a - b));
  expect(sent).toHaveLength(BEACONS);
  expect(
    sent.filter((beacon) => beacon.status >= 500 && beacon.status !== 503),
    JSON.stringify(summary),
  ).toEqual([]);
  expect(statuses.get(0) ?? 0, JSON.stringify(summary)).toBe(0);

  const acked = acknowledged(sent);
  const metrics = child.url.replace(/\/graphql$/, '/metrics');
  for (const end = Date.now() + 30_000; ; ) {
    const snapshot = (await (await fetch(metrics)).json()) as { spooledRows: number; segmentsPending: number };
    if (snapshot.spooledRows === 0 && snapshot.segmentsPending === 0) break;
    if (Date.now() > end) throw new Error(`spool not drained: ${JSON.stringify(snapshot)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await child.stop();
  collector = undefined;
  clickhouse = await openClickHouse({ database: 'byline', dataDir: join(dataDir, 'clickhouse') });
  const counts = await viewsByPath(clickhouse.client, prefix);
  expect(duplicates(counts)).toEqual([]);
  expect([...acked].filter((path) => counts.get(path) !== 1)).toEqual([]);
  // A 503 refuses the whole beacon: nothing of it is stored.
  expect([...counts.keys()].filter((path) => !acked.has(path))).toEqual([]);
  console.info(
    `starved collector (${pinned ? 'one core with' : 'unpinned,'} ${NEIGHBOURS} busy neighbours): ` +
      `${sent.length} beacons in ${(elapsed / 1000).toFixed(1)} s, statuses ${JSON.stringify(summary)}, ` +
      `p99 ${percentile(
        sent.map((beacon) => beacon.ms),
        0.99,
      ).toFixed(0)} ms`,
  );
}, 180_000);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}
