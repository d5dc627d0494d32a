import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;
let collectUrl: string;
/** Readership is for the newsroom: these queries sign in as the analyst. */
let analyst: { token: string };

beforeAll(async () => {
  stack = await startStack({ articles: 400 });
  collectUrl = stack.analytics.url.replace(/\/graphql$/, '/collect');
  analyst = { token: await stack.tokenFor('analyst') };
});
afterAll(() => stack?.close());

async function beacon(body: unknown) {
  const response = await fetch(collectUrl, {
    method: 'POST',
    headers: {
      'content-type': 'text/plain',
      'user-agent':
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
    },
    body: JSON.stringify(body),
  });
  return response.status;
}

describe('content and readership in one graph', () => {
  it('shows a beacon in the article view counter through the gateway within 2 seconds', async () => {
    const [row] = await stack.content.db.query(
      `SELECT id::text AS id, slug, title FROM articles WHERE edition = 'en' AND status = 'published' ORDER BY id LIMIT 1`,
    );
    const ARTICLE = `query($slug: String!) { article(slug: $slug, edition: "en") { title views shares { total } } }`;
    const before = await stack.query<{ article: { title: string; views: number; shares: { total: number } } }>(
      ARTICLE,
      { slug: row.slug },
      analyst,
    );
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data?.article).toEqual({ title: row.title, views: 0, shares: { total: 0 } });

    const sent = Date.now();
    expect(
      await beacon({ type: 'view', articleId: row.id, url: `https://byline.example/en/${row.slug}`, referrer: '' }),
    ).toBe(202);
    expect(
      await beacon({
        type: 'share',
        articleId: row.id,
        network: 'telegram',
        url: `https://byline.example/en/${row.slug}`,
      }),
    ).toBe(202);
    let seen = { views: 0, shares: { total: 0 } };
    // Views and shares are separate inserts (one per table of a spool segment): wait for both.
    const arrived = () => seen.views >= 1 && seen.shares.total >= 1;
    while (Date.now() - sent < 2000 && !arrived()) {
      const now = await stack.query<{ article: typeof seen }>(ARTICLE, { slug: row.slug }, analyst);
      seen = now.body.data?.article ?? seen;
      if (!arrived()) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seen).toMatchObject({ views: 1, shares: { total: 1 } });
    expect(Date.now() - sent).toBeLessThan(2000);
  });

  it('answers 50 articles with their views with one ClickHouse query, so one analytics request', async () => {
    const spy = vi.spyOn(stack.analytics.store.client, 'query');
    const { body } = await stack.query<{ articles: { edges: { node: { id: string; views: number } }[] } }>(
      '{ articles(first: 50) { edges { node { id title views } } } }',
      undefined,
      analyst,
    );
    const calls = spy.mock.calls.length;
    spy.mockRestore();
    expect(body.errors).toBeUndefined();
    expect(body.data?.articles.edges).toHaveLength(50);
    expect(calls).toBe(1);
  });

  it('keeps readership from anonymous callers, who still get the article itself', async () => {
    const { body } = await stack.query<{ articles: { edges: { node: { title: string; views: number | null } }[] } }>(
      '{ articles(first: 1) { edges { node { title views } } } }',
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.path).toEqual(['articles', 'edges', 0, 'node', 'views']);
  });

  it('refuses a beacon for an article the content subgraph does not know', async () => {
    const response = await fetch(collectUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'user-agent': 'Mozilla/5.0 Firefox/125.0' },
      body: JSON.stringify({ type: 'view', articleId: '987654321', url: 'https://byline.example/x' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: 'articleId' });
  });
});
