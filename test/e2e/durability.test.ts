import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDENTITY_HEADER, signIdentity } from '@byline/auth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STACK_SECRET, type Stack, startStack } from '../support/stack.js';
import { type Child, startAnalyticsProcess } from './faults/support/processes.js';

let stack: Stack;
let dataDir: string;
let child: Child | undefined;

beforeAll(async () => {
  stack = await startStack({ articles: 200 });
  dataDir = await mkdtemp(join(tmpdir(), 'byline-durability-'));
});
afterAll(async () => {
  await child?.kill();
  await stack?.close();
  await rm(dataDir, { recursive: true, force: true });
});

it('keeps every acknowledged event when the collector is killed with SIGKILL, and counts each once', async () => {
  const env = {
    BYLINE_DATA_DIR: dataDir,
    ANALYTICS_PORT: '0',
    CONTENT_URL: stack.content.url,
    SITE_HOSTS: 'byline.example',
    INTERNAL_SECRET: STACK_SECRET,
    LOG_LEVEL: 'warn',
  };
  // A long flush interval keeps acknowledged events in the spool only, when the kill comes.
  const first = await startAnalyticsProcess({ ...env, FLUSH_INTERVAL_MS: '600000', FLUSH_MAX_ROWS: '1000000' });
  child = first;
  const ids: string[] = (
    await stack.content.db.query(`SELECT id::text AS id FROM articles WHERE status = 'published' ORDER BY id LIMIT 20`)
  ).map((row: { id: string }) => row.id);
  const collect = first.url.replace(/\/graphql$/, '/collect');
  let acknowledged = 0;
  await Promise.all(
    Array.from({ length: 300 }, async (_, i) => {
      const response = await fetch(collect, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'user-agent': `Mozilla/5.0 Firefox/125.${i % 7}` },
        body: JSON.stringify({ type: 'view', articleId: ids[i % ids.length], url: `https://byline.example/a/${i}` }),
      });
      if (response.status === 202) acknowledged += 1;
    }),
  );
  expect(acknowledged).toBe(300);
  await child.kill();

  const second = await startAnalyticsProcess({ ...env, FLUSH_INTERVAL_MS: '200' });
  child = second;
  // Readership is for the newsroom: ask as an analyst, signed as the gateway would.
  const headers = {
    'content-type': 'application/json',
    [IDENTITY_HEADER]: signIdentity({ sub: 'user:durability', role: 'analyst' }, STACK_SECRET, 'analytics'),
  };
  const range = `{ from: "${new Date(Date.now() - 3_600_000).toISOString()}", to: "${new Date(Date.now() + 3_600_000).toISOString()}" }`;
  const COUNT = `{ readership(by: [], range: ${range}) { views } }`;
  let views = 0;
  for (let attempt = 0; attempt < 100 && views < acknowledged; attempt++) {
    const response = await fetch(second.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: COUNT }),
    });
    const body = (await response.json()) as { data?: { readership: { views: number }[] } };
    views = body.data?.readership[0]?.views ?? 0;
    if (views < acknowledged) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(views).toBe(acknowledged);
  // Replays are deduplicated: nothing more arrives later.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const again = await fetch(second.url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: COUNT }),
  });
  expect(((await again.json()) as { data: { readership: { views: number }[] } }).data.readership[0]?.views).toBe(
    acknowledged,
  );
});
