import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ articles: 600 });
});
afterAll(() => stack?.close());

interface FeedArticle {
  id: string;
  title: string;
  publishedAt: string;
  section: { slug: string; name: string };
  authors: { id: string; name: string }[];
}

describe('the gateway in front of the content subgraph', () => {
  it('answers the front page query: the latest 20 World articles with authors and section names', async () => {
    const { status, body } = await stack.query<{ articles: { edges: { node: FeedArticle }[] } }>(
      `query {
        articles(first: 20, filter: { section: "world", edition: "en" }) {
          edges { node { id title publishedAt section { slug name(edition: "en") } authors { id name } } }
        }
      }`,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const nodes = body.data?.articles.edges.map((edge) => edge.node) ?? [];

    // Ground truth straight from the tables.
    const expected: { id: string; authors: string[] }[] = await stack.content.db.query(
      `SELECT a.id::text AS id,
              array(SELECT au.id::text FROM article_authors aa JOIN authors au ON au.id = aa.author_id
                     WHERE aa.article_id = a.id ORDER BY aa.position) AS authors
         FROM articles a JOIN sections s ON s.id = a.section_id
        WHERE s.slug = 'world' AND a.edition = 'en' AND a.status = 'published'
        ORDER BY a.published_at DESC, a.id DESC LIMIT 20`,
    );
    expect(expected).toHaveLength(20);
    expect(nodes.map((node) => node.id)).toEqual(expected.map((row) => row.id));
    expect(nodes.map((node) => node.authors.map((author) => author.id))).toEqual(expected.map((row) => row.authors));
    expect(new Set(nodes.map((node) => node.section.name))).toEqual(new Set(['World']));
  });

  it('finds an article by slug and edition through the gateway', async () => {
    const [row] = await stack.content.db.query(
      `SELECT id::text AS id, slug, title FROM articles WHERE edition = 'ru' AND status = 'published' ORDER BY id LIMIT 1`,
    );
    const { body } = await stack.query<{ article: { id: string; title: string } }>(
      'query($slug: String!) { article(slug: $slug, edition: "ru") { id title } }',
      { slug: row.slug },
    );
    expect(body.data?.article).toEqual({ id: row.id, title: row.title });
  });

  it('passes a subgraph BAD_USER_INPUT through with the field named', async () => {
    const { body } = await stack.query('{ articles(first: 1000) { edges { cursor } } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses malformed GraphQL with a 400 and a JSON reason', async () => {
    const { status, body } = await stack.query('{ articles(first: ');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a body over the limit with a 413 and a JSON reason', async () => {
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ editions } #${'x'.repeat(300 * 1024)}` }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toHaveProperty('error');
  });

  it('reports alive and ready, naming each subgraph', async () => {
    const base = stack.gateway.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const report = JSON.stringify(await ready.json());
    for (const subgraph of ['content', 'analytics', 'accounts']) expect(report).toContain(subgraph);
  });
});

describe('who is asking', () => {
  const ME = '{ me { email role } }';

  it('is anonymous without a credential', async () => {
    const { status, body } = await stack.query<{ me: null }>(ME);
    expect(status).toBe(200);
    expect(body.data?.me).toBeNull();
  });

  it('is the signed-in user with a bearer session token, or with the dashboard’s session cookie', async () => {
    const token = await stack.tokenFor('marketing');
    const bearer = await stack.query<{ me: { email: string; role: string } }>(ME, {}, { token });
    expect(bearer.body.data?.me).toEqual({ email: stack.users.marketing.email, role: 'MARKETING' });
    const cookie = await stack.query<{ me: { email: string } }>(
      ME,
      {},
      { headers: { cookie: `byline_session=${token}` } },
    );
    expect(cookie.body.data?.me.email).toBe(stack.users.marketing.email);
  });

  it('refuses an unknown or malformed credential with a 401', async () => {
    for (const token of ['bys_not-a-session', 'byt_not-a-token', 'x'.repeat(600)]) {
      const { status, body } = await stack.query(ME, {}, { token });
      expect({ status, code: body.errors?.[0]?.extensions?.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    }
  });
});

describe('recording through the gateway', () => {
  it('counts a view recorded without `reader` once, as the caller the gateway saw', async () => {
    const [row] = await stack.content.db.query(
      `SELECT id::text AS id, slug FROM articles WHERE edition = 'en' AND status = 'published' ORDER BY id DESC LIMIT 1`,
    );
    const stored = async () => {
      await stack.analytics.flush();
      const result = await stack.analytics.store.client.query({
        query: 'SELECT count() AS n FROM views WHERE article_id = {id:UInt64}',
        query_params: { id: row.id },
        format: 'JSONEachRow',
      });
      const [counted] = await result.json<{ n: string }>();
      return Number(counted?.n ?? 0);
    };
    const before = await stored();
    const { body } = await stack.query<{ recordView: { accepted: number; dropped: number } }>(
      'mutation($input: RecordViewInput!) { recordView(input: $input) { accepted dropped } }',
      { input: { articleId: row.id, url: `https://byline.example/en/${row.slug}` } },
      {
        token: await stack.tokenFor('viewer'),
        headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0' },
      },
    );
    expect(body).toEqual({ data: { recordView: { accepted: 1, dropped: 0 } } });
    expect((await stored()) - before).toBe(1);
  });
});

describe('when the content subgraph goes away', () => {
  it('reports not ready and answers queries with a clean error', async () => {
    await stack.content.close();
    const base = stack.gateway.url.replace(/\/graphql$/, '');
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    const { status, body } = await stack.query('{ editions }');
    expect(status).toBeLessThan(500);
    expect(body.errors?.[0]?.message).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/at .+\.js:\d+/);
  });
});
