import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGatewayConfig, startGateway } from '@byline/gateway';
import type { RunningService } from '@byline/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardOperations } from '../fixtures/dashboard-operations.js';
import { type HostileRequest, hostileRequests } from '../fixtures/hostile-operations.js';
import { STACK_SECRET, type Stack, startStack } from '../support/stack.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
    error?: string;
    code?: string;
  };
}

let stack: Stack;
let production: RunningService;
let required: RunningService;
let anonymous: RunningService;
let dir: string;
let articlePage: string;
/** A content-only listed operation: it runs without a role. */
const articleTitle =
  'query ArticleTitle($slug: String!, $edition: String!) { article(slug: $slug, edition: $edition) { id title } }';
let article: { id: string; slug: string; title: string };

/** A gateway over the stack's subgraphs with more variables. */
function gatewayWith(env: Record<string, string>) {
  return startGateway(
    loadGatewayConfig({
      GATEWAY_PORT: '0',
      CONTENT_URL: stack.content.url,
      ANALYTICS_URL: stack.analytics.url,
      ACCOUNTS_URL: stack.accounts.url,
      LOG_LEVEL: 'silent',
      INTERNAL_SECRET: STACK_SECRET,
      // Every service shares this process's event loop: the gateway's load shedding would measure theirs.
      SHED_LOAD_DELAY_MS: '0',
      ...env,
    }),
  );
}

beforeAll(async () => {
  stack = await startStack({ articles: 60 });
  dir = await mkdtemp(join(tmpdir(), 'byline-hardening-'));
  articlePage = await readFile(new URL('../fixtures/article-page.graphql', import.meta.url), 'utf8');
  const manifest = join(dir, 'site.json');
  await writeFile(
    manifest,
    JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [articlePage, articleTitle].map((body) => ({
        id: sha256(body),
        name: /query (\w+)/.exec(body)?.[1],
        type: 'query',
        body,
      })),
    }),
  );
  production = await gatewayWith({ NODE_ENV: 'production' });
  required = await gatewayWith({ TRUSTED_DOCUMENTS: 'required', TRUSTED_DOCUMENTS_PATHS: manifest });
  anonymous = await gatewayWith({ TRUSTED_DOCUMENTS: 'anonymous', TRUSTED_DOCUMENTS_PATHS: manifest });
  [article] = await stack.content.db.query(
    `SELECT id::text AS id, slug, title FROM articles WHERE edition = 'en' AND status = 'published' ORDER BY id LIMIT 1`,
  );
});

afterAll(async () => {
  await production?.close();
  await required?.close();
  await anonymous?.close();
  await stack?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function send(request: Omit<HostileRequest, 'name' | 'status' | 'message' | 'code'>): Promise<Answer> {
  const gateway = { development: stack.gateway, production, required, anonymous }[request.gateway ?? 'development'];
  const url = new URL(gateway.url);
  for (const [key, value] of Object.entries(request.search ?? {})) url.searchParams.set(key, value);
  const response = await fetch(url, {
    method: request.method ?? 'POST',
    headers: request.headers ?? { 'content-type': 'application/json' },
    body:
      request.method === 'GET'
        ? undefined
        : typeof request.body === 'string'
          ? request.body
          : JSON.stringify(request.body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** How many requests each subgraph's /graphql has received. */
function subgraphCalls() {
  return { content: stack.content.graphqlRequests(), analytics: stack.analytics.graphqlRequests() };
}

describe('hostile operations at the gateway', () => {
  it('has at least 30 of them', () => {
    expect(hostileRequests.length).toBeGreaterThanOrEqual(30);
  });

  it.each(hostileRequests.map((request) => [request.name, request] as const))(
    'refuses %s before any subgraph sees it',
    async (_name, request) => {
      const before = subgraphCalls();
      const { status, body } = await send(request);
      const message = body.errors?.[0]?.message ?? body.error;
      const code = body.errors?.[0]?.extensions?.code ?? body.code;
      expect({ status, message, code }).toMatchObject({
        status: request.status,
        message: expect.stringMatching(request.message),
        ...(request.code ? { code: request.code } : {}),
      });
      expect(body.data ?? undefined).toBeUndefined();
      expect(JSON.stringify(body)).not.toMatch(/stacktrace|\n\s+at /);
      expect(subgraphCalls()).toEqual(before);
    },
  );
});

/** A misspelling in each place graphql-js would suggest a name for. */
const misspellings: [string, { query: string; variables?: Record<string, unknown> }][] = [
  ['a field', { query: '{ edtions }' }],
  ['an argument', { query: '{ articles(frist: 1) { edges { cursor } } }' }],
  ['an input field in a literal', { query: '{ articles(filter: { sectoin: "world" }) { edges { cursor } } }' }],
  [
    'an input field in a variable',
    {
      query: 'query($range: RangeInput) { readership(by: [SECTION], range: $range) { views } }',
      variables: { range: { prest: 'LAST_7_DAYS' } },
    },
  ],
  ['an enum value in a literal', { query: '{ readership(by: [SECTOIN]) { views } }' }],
  [
    'an enum value in a variable',
    { query: 'query($by: [Dimension!]!) { readership(by: $by) { views } }', variables: { by: ['SECTOIN'] } },
  ],
  ['a type name in a fragment', { query: '{ article(id: "1") { ... on Artcle { id } } }' }],
];

describe('misspellings', () => {
  it.each(misspellings)('in %s get no suggestion in production', async (_where, body) => {
    const answer = await send({ gateway: 'production', body });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(answer.body)).not.toMatch(/Did you mean/);
  });

  it.each(misspellings)('in %s are suggested a name in development', async (_where, body) => {
    const answer = await send({ body });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/Did you mean/);
  });
});

describe('failures behind the gateway', () => {
  const internals = /127\.0\.0\.1|localhost|:\d{4,5}\/|"response"|"url"|stacktrace|\n\s+at |FST_|fastify/i;

  it.each(['development', 'production'] as const)(
    'come back masked, with a code and no address or subgraph body (%s)',
    async (gateway) => {
      // A body over the accounts service's 64 KiB limit but under the gateway's 256 KiB: accounts refuses it.
      const { status, body } = await send({
        gateway,
        body: {
          query:
            'mutation($password: String!) { login(email: "nobody@byline.example", password: $password) { token } }',
          variables: { password: 'p'.repeat(100_000) },
        },
      });
      expect(status).toBeLessThan(500);
      expect(body.errors?.[0]?.extensions?.code).toMatch(/^[A-Z_]+$/);
      expect(JSON.stringify(body)).not.toMatch(internals);
    },
  );
});

/** What the gateway answers when it refuses an operation rather than running it. */
const REFUSALS = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'BAD_USER_INPUT']);

/** Ran: a 200 whose errors, if any, come from running it (readership needs a role), not from a limit. */
function expectRan({ status, body }: Answer) {
  expect(status).toBe(200);
  expect((body.errors ?? []).filter((error) => REFUSALS.has(error.extensions?.code ?? ''))).toEqual([]);
}

/** Variables that make each dashboard operation valid, by variable name. */
function dashboardVariables(sectionId: string): Record<string, unknown> {
  const range = { preset: 'LAST_7_DAYS' };
  return {
    id: article.id,
    range,
    previous: { preset: 'LAST_30_DAYS' },
    recent: range,
    interval: 'DAY',
    sectionId,
    slug: 'world',
    filter: {},
    edition: 'en',
    country: 'AZ',
    withRegions: true,
    email: 'nobody@example.com',
    password: 'not-a-password',
    from: '2025-12-01T00:00:00Z',
    to: '2026-01-01T00:00:00Z',
  };
}

describe('what real clients send passes the limits', () => {
  const operations = dashboardOperations();

  it('finds the dashboard operations', () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
  });

  it.each(operations.map((operation) => [operation.name, operation] as const))(
    'lets the dashboard operation %s through the limits',
    async (_name, operation) => {
      const [section] = await stack.content.db.query(`SELECT id::text AS id FROM sections WHERE slug = 'world'`);
      const all = dashboardVariables(section.id);
      expect(operation.variables.filter((name) => !(name in all))).toEqual([]);
      const variables = Object.fromEntries(operation.variables.map((name) => [name, all[name]]));
      expectRan(await send({ body: { query: operation.body, variables } }));
    },
  );

  it("runs every operation of the dashboard's manifest by documentId", async () => {
    const path = new URL('../../schema/trusted-documents/dashboard.json', import.meta.url);
    const manifest: { operations: { id: string; name: string; body: string }[] } = JSON.parse(
      await readFile(path, 'utf8'),
    );
    expect(manifest.operations.map((operation) => operation.name).sort()).toEqual(
      operations.map((operation) => operation.name).sort(),
    );
    const [section] = await stack.content.db.query(`SELECT id::text AS id FROM sections WHERE slug = 'world'`);
    const all = dashboardVariables(section.id);
    for (const operation of manifest.operations) {
      const names = [...operation.body.matchAll(/\$(\w+):/g)].map((match) => match[1] ?? '');
      const variables = Object.fromEntries(names.map((name) => [name, all[name]]));
      expectRan(await send({ body: { documentId: `sha256:${operation.id}`, variables } }));
    }
  });

  it('lets the front end article page query through the limits', async () => {
    const before = subgraphCalls();
    expectRan(await send({ body: { query: articlePage, variables: { slug: article.slug, edition: 'en' } } }));
    const after = subgraphCalls();
    expect(after.content).toBeGreaterThan(before.content);
  });
});

describe('trusted documents', () => {
  const variables = () => ({ slug: article.slug, edition: 'en' });
  const expected = () => ({ article: { id: article.id, title: article.title } });

  it('runs a listed documentId when documents are required', async () => {
    const { status, body } = await send({
      gateway: 'required',
      body: { documentId: `sha256:${sha256(articleTitle)}`, variables: variables(), operationName: 'ArticleTitle' },
    });
    expect(status).toBe(200);
    expect(body).toEqual({ data: expected() });
  });

  it("runs a listed document named by Apollo's persistedQuery hash", async () => {
    const { body } = await send({
      gateway: 'required',
      body: {
        variables: variables(),
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(articleTitle) } },
      },
    });
    expect(body).toEqual({ data: expected() });
  });

  it('runs a listed documentId sent by GET', async () => {
    const { body } = await send({
      gateway: 'required',
      method: 'GET',
      search: { documentId: `sha256:${sha256(articleTitle)}`, variables: JSON.stringify(variables()) },
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(body).toEqual({ data: expected() });
  });

  it('runs listed documents from anonymous callers, and any document from signed-in ones, when required from anonymous callers', async () => {
    const listed = await send({ gateway: 'anonymous', body: { query: articleTitle, variables: variables() } });
    expect(listed.body).toEqual({ data: expected() });
    const token = await stack.tokenFor('viewer');
    const unlisted = await send({
      gateway: 'anonymous',
      body: { query: '{ editions }' },
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    expect(unlisted.status).toBe(200);
    expect(unlisted.body.data).toEqual({ editions: expect.arrayContaining(['en']) });
  });

  it('runs the full text of a listed document when documents are required', async () => {
    const { body } = await send({ gateway: 'required', body: { query: articleTitle, variables: variables() } });
    expect(body).toEqual({ data: expected() });
  });

  it('lets a listed document through the limits when documents are required', async () => {
    expectRan(
      await send({
        gateway: 'required',
        body: { documentId: `sha256:${sha256(articlePage)}`, variables: variables() },
      }),
    );
  });

  it('stops start-up when a configured manifest is missing, malformed or forged, naming the variable', async () => {
    const malformed = join(dir, 'malformed.json');
    await writeFile(malformed, '{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [');
    const forged = join(dir, 'forged.json');
    await writeFile(
      forged,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha256('{ editions }'), name: 'Forged', type: 'query', body: '{ sections { id } }' }],
      }),
    );
    for (const path of [join(dir, 'missing.json'), malformed, forged]) {
      expect(() => loadGatewayConfig({ TRUSTED_DOCUMENTS_PATHS: path, INTERNAL_SECRET: STACK_SECRET })).toThrow(
        /TRUSTED_DOCUMENTS_PATHS: .*(ENOENT|JSON|not the sha256)/,
      );
    }
  });
});
