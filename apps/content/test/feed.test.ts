import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, type GraphQLResult, startTestContent, type TestContent } from './support/content.js';
import {
  type Catalog,
  type FixtureArticle,
  insertArticles,
  insertCatalog,
  randomArticles,
} from './support/fixtures.js';

const FEED = `
  query Feed($first: Int, $after: String, $filter: ArticleFilter, $orderBy: ArticleOrder) {
    articles(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

interface FeedPage {
  articles: {
    totalCount: number;
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

let content: TestContent;
let catalog: Catalog;
let articles: FixtureArticle[];
/** When each article sorts in the feed: its publication time, or for drafts its creation time (read back). */
const listedAt = new Map<string, number>();

beforeAll(async () => {
  content = await startTestContent();
  catalog = await insertCatalog(content.db);
  articles = await insertArticles(content.db, randomArticles(catalog, 1000));
  const created: { id: string; created_at: Date }[] = await content.db.query(
    'SELECT id::text AS id, created_at FROM articles',
  );
  const createdAt = new Map(created.map((row) => [row.id, row.created_at.getTime()]));
  for (const article of articles) {
    listedAt.set(article.id, article.publishedAt?.getTime() ?? (createdAt.get(article.id) as number));
  }
});
afterAll(() => content.close());

/** The expected feed, computed in JavaScript from the fixtures. */
function expected(keep: (a: FixtureArticle) => boolean, newestFirst = true): string[] {
  const sign = newestFirst ? -1 : 1;
  return articles
    .filter(keep)
    .sort(
      (a, b) => sign * ((listedAt.get(a.id) as number) - (listedAt.get(b.id) as number) || Number(a.id) - Number(b.id)),
    )
    .map((a) => a.id);
}

/** Follows `endCursor` until `hasNextPage` is false, checking every page's shape on the way. */
async function walk(variables: Record<string, unknown>, pageSize: number): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let page = 0; page < 2000; page++) {
    const result: GraphQLResult<FeedPage> = await content.run<FeedPage>(FEED, { ...variables, first: pageSize, after });
    expect(result.errors).toBeUndefined();
    const feed: FeedPage['articles'] = (result.data as FeedPage).articles;
    total = feed.totalCount;
    expect(feed.edges.length).toBeLessThanOrEqual(pageSize);
    expect(feed.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(feed.pageInfo.endCursor).toBe(feed.edges.at(-1)?.cursor ?? null);
    ids.push(...feed.edges.map((edge) => edge.node.id));
    if (!feed.pageInfo.hasNextPage) return { ids, total };
    expect(feed.edges).toHaveLength(pageSize);
    after = feed.pageInfo.endCursor;
  }
  throw new Error('feed did not end');
}

describe('articles feed', () => {
  it('walks 1,000 articles page by page with no duplicate, gap or reordering', async () => {
    const all = expected(() => true);
    const statuses = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];
    const { ids, total } = await walk({ filter: { status: statuses } }, 37);
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    expect(ids).toEqual(all);
    expect(total).toBe(1000);
  });

  it('shows only published articles by default, newest first', async () => {
    const { ids, total } = await walk({}, 50);
    const published = expected((a) => a.status === 'published');
    expect(ids).toEqual(published);
    expect(total).toBe(published.length);
  });

  it('walks oldest first as well', async () => {
    const { ids } = await walk({ orderBy: 'OLDEST' }, 64);
    expect(ids).toEqual(expected((a) => a.status === 'published', false));
  });

  it.each([
    ['section', (c: Catalog) => c.sectionSlugs, (a: FixtureArticle, id: string) => a.sectionId === id],
    ['author', (c: Catalog) => c.authorSlugs, (a: FixtureArticle, id: string) => a.authorIds.includes(id)],
    ['tag', (c: Catalog) => c.tagSlugs, (a: FixtureArticle, id: string) => a.tagIds.includes(id)],
  ])('filters by %s', async (field, slugs, matches) => {
    for (const [id, slug] of slugs(catalog)) {
      const { ids, total } = await walk({ filter: { [field]: slug } }, 25);
      const want = expected((a) => a.status === 'published' && matches(a, id));
      expect(want.length).toBeGreaterThan(0);
      expect(ids).toEqual(want);
      expect(total).toBe(want.length);
    }
  });

  it('filters by edition, status and publication window together', async () => {
    const after = new Date(Date.UTC(2025, 0, 10));
    const before = new Date(Date.UTC(2025, 0, 25));
    for (const edition of ['en', 'ru', 'az']) {
      const { ids } = await walk(
        {
          filter: {
            edition,
            status: ['ARCHIVED', 'PUBLISHED'],
            publishedAfter: after.toISOString(),
            publishedBefore: before.toISOString(),
          },
        },
        20,
      );
      const want = expected(
        (a) =>
          a.edition === edition &&
          a.status !== 'draft' &&
          (a.publishedAt as Date) >= after &&
          (a.publishedAt as Date) < before,
      );
      expect(want.length).toBeGreaterThan(0);
      expect(ids).toEqual(want);
    }
  });

  it('lists drafts for the newsroom', async () => {
    const { ids } = await walk({ filter: { status: ['DRAFT'] } }, 10);
    const drafts = expected((a) => a.status === 'draft');
    expect(drafts.length).toBeGreaterThan(0);
    expect(ids).toEqual(drafts);
  });
});

describe('articles feed input errors', () => {
  const otherOrderCursor = async () => {
    const result = await content.run<FeedPage>(FEED, { first: 1, orderBy: 'OLDEST' });
    return (result.data as FeedPage).articles.pageInfo.endCursor;
  };

  it.each([
    ['first above the maximum', { first: 101 }, 'first'],
    ['first of zero', { first: 0 }, 'first'],
    ['negative first', { first: -5 }, 'first'],
    ['garbage cursor', { after: 'not a cursor!' }, 'after'],
    ['base64 of other JSON', { after: Buffer.from('{"a":1}').toString('base64url') }, 'after'],
    [
      'cursor with a bad id',
      { after: Buffer.from('["feed","newest","2025-01-01T00:00:00.000000Z","x1"]').toString('base64url') },
      'after',
    ],
    [
      'cursor with an impossible date',
      { after: Buffer.from('["feed","NEWEST","2025-02-30T25:61:00.000000Z","1"]').toString('base64url') },
      'after',
    ],
    [
      'cursor with SQL in it',
      { after: Buffer.from(`["feed","newest","2025'; DROP TABLE articles;--","1"]`).toString('base64url') },
      'after',
    ],
    ['unknown section', { filter: { section: 'no-such-section' } }, 'filter.section'],
    ['unknown edition', { filter: { edition: 'xx' } }, 'filter.edition'],
    [
      'inverted window',
      { filter: { publishedAfter: '2025-02-01T00:00:00Z', publishedBefore: '2025-01-01T00:00:00Z' } },
      'filter.publishedBefore',
    ],
  ])('rejects %s with BAD_USER_INPUT naming the field', async (_name, variables, field) => {
    const result = await content.run(FEED, variables);
    expect(result.data).toBeNull();
    expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('rejects a cursor taken from a list in the other order', async () => {
    const result = await content.run(FEED, { after: await otherOrderCursor() });
    expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
