import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentService } from '@byline/content';
import { loadGatewayConfig, startGateway } from '@byline/gateway';
import type { RunningService } from '@byline/http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSeededContent } from './support/content.js';
import { type Child, freePort, startPostgresProcess } from './support/processes.js';

const SECRET = 'faults-test-secret-of-at-least-32-chars';
const SUBGRAPH_TIMEOUT_MS = 3_000;
const RECOVERY_BOUND_MS = 20_000;

// A PostgreSQL of this file's own, on a fixed port and folder: stopping it touches no other test.
let pgDir: string;
let pgPort: number;
let postgres: Child | undefined;
let content: ContentService;
let gateway: RunningService;
let articleId: string;

beforeAll(async () => {
  pgDir = await mkdtemp(join(tmpdir(), 'byline-pg-restart-'));
  // Run as root, PostgreSQL runs as its own user, which must be able to reach the cluster below.
  await chmod(pgDir, 0o755);
  pgPort = await freePort();
  postgres = await startPostgresProcess(pgDir, pgPort);
  const seeded = await startSeededContent(postgres.url, { articles: 40, secret: SECRET });
  content = seeded.content;
  articleId = seeded.articleIds[0] ?? '';
  gateway = await startGateway(
    loadGatewayConfig({
      GATEWAY_PORT: '0',
      CONTENT_URL: content.url,
      SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS),
      INTERNAL_SECRET: SECRET,
      LOG_LEVEL: 'silent',
      // Every service shares this process's event loop: the gateway's load shedding would measure theirs.
      SHED_LOAD_DELAY_MS: '0',
    }),
  );
}, 180_000);

afterAll(async () => {
  await gateway?.close();
  await content?.close();
  await postgres?.stop();
  if (pgDir) await rm(pgDir, { recursive: true, force: true });
});

/** Public content queries a front end makes, each read from PostgreSQL. */
const queries = () => ({
  feed: '{ articles(first: 5) { edges { node { id title section { name } authors { name } } } } }',
  article: `{ article(id: "${articleId}") { id title body } }`,
  sections: '{ sections { slug name } }',
});

interface Answer {
  status: number;
  ms: number;
  text: string;
  body: { data?: unknown; errors?: { message: string }[] };
}

async function ask(query: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(SUBGRAPH_TIMEOUT_MS * 3),
  });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, text, body: JSON.parse(text) };
}

async function askAll(): Promise<Record<string, Answer>> {
  const entries = await Promise.all(Object.entries(queries()).map(async ([name, query]) => [name, await ask(query)]));
  return Object.fromEntries(entries);
}

interface Readiness {
  status: number;
  text: string;
  checks: Record<string, string>;
}

async function ready(url: string): Promise<Readiness> {
  const response = await fetch(url.replace(/\/graphql$/, '/readyz'), { signal: AbortSignal.timeout(5_000) });
  const text = await response.text();
  return { status: response.status, text, checks: (JSON.parse(text) as { checks: Record<string, string> }).checks };
}

/** What a client must never see: stack frames, SQL, driver errors, addresses of internal services. */
function leaks(text: string): string[] {
  const patterns = [
    /\bat \S+ \(?\S+:\d+:\d+\)?/,
    /\b(SELECT|INSERT|UPDATE|DELETE)\b[\s\S]*\b(FROM|INTO|SET|WHERE)\b/i,
    /ECONN\w+|EHOSTUNREACH|ETIMEDOUT|terminating connection|Connection terminated/i,
    /127\.0\.0\.1|localhost|::1/,
    new RegExp(`:(${pgPort}|${content.port})\\b`),
  ];
  return patterns.filter((pattern) => pattern.test(text)).map(String);
}

it('answers with clean errors while PostgreSQL is down and recovers by itself once it is back', async () => {
  const before = await askAll();
  for (const [name, answer] of Object.entries(before)) {
    expect(answer.status, `${name}: ${answer.text}`).toBe(200);
    expect(answer.body.errors, name).toBeUndefined();
  }
  // The gateway's readiness covers every subgraph of the supergraph; only content runs here.
  expect.soft((await ready(gateway.url)).checks.content).toBe('ok');

  await postgres?.stop();

  // Down: every query gets an error, promptly, saying nothing about the inside.
  for (let round = 0; round < 3; round++) {
    for (const [name, answer] of Object.entries(await askAll())) {
      expect.soft(answer.status, name).toBeLessThan(500);
      expect(answer.body.errors?.length, name).toBeGreaterThan(0);
      expect(leaks(answer.text), `${name}: ${answer.text}`).toEqual([]);
      expect(answer.ms, name).toBeLessThan(SUBGRAPH_TIMEOUT_MS + 1_000);
    }
  }
  const contentReady = await ready(content.url);
  // Readiness is checked softly: every gap shows in one run.
  expect.soft(contentReady.status).toBe(503);
  expect.soft(contentReady.checks).toHaveProperty('postgres');
  expect.soft(contentReady.checks.postgres).not.toBe('ok');
  expect.soft(leaks(contentReady.text)).toEqual([]);
  const gatewayReady = await ready(gateway.url);
  expect.soft(gatewayReady.status).toBe(503);
  expect.soft(gatewayReady.checks.content).not.toBe('ok');
  expect.soft(leaks(gatewayReady.text)).toEqual([]);

  // Back on the same port and files; no service is restarted.
  const restartedAt = performance.now();
  postgres = await startPostgresProcess(pgDir, pgPort);
  let recovered: Record<string, Answer> | undefined;
  while (!recovered && performance.now() - restartedAt < RECOVERY_BOUND_MS) {
    const answers = await askAll();
    if (Object.values(answers).every((answer) => answer.status === 200 && !answer.body.errors)) recovered = answers;
    else await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const recoveryMs = performance.now() - restartedAt;
  expect(recovered, `not recovered within ${RECOVERY_BOUND_MS} ms`).toBeDefined();
  for (const [name, answer] of Object.entries(recovered ?? {})) {
    expect(answer.body.data, name).toEqual(before[name]?.body.data);
  }
  expect.soft((await ready(content.url)).status).toBe(200);
  expect.soft((await ready(gateway.url)).checks.content).toBe('ok');
  console.info(
    `PostgreSQL restart: the same queries answered again ${recoveryMs.toFixed(0)} ms after its restart began`,
  );
}, 120_000);
