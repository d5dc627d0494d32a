import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestContent, type TestContent } from './support/content.js';
import { type Catalog, type FixtureArticle, insertArticles, insertCatalog } from './support/fixtures.js';

let content: TestContent;
let catalog: Catalog;
const saved = new Map<string, FixtureArticle>();

function article(
  key: string,
  edition: string,
  title: string,
  body: string[],
  lead = '',
): Omit<FixtureArticle, 'id'> & { key: string } {
  return {
    key,
    edition,
    slug: key,
    status: 'published',
    title,
    lead,
    body,
    sectionId: catalog.sectionIds[0] as string,
    authorIds: [catalog.authorIds[0] as string],
    tagIds: [],
    publishedAt: new Date(Date.UTC(2025, 5, 1)),
    storyId: randomUUID(),
  };
}

beforeAll(async () => {
  content = await startTestContent();
  catalog = await insertCatalog(content.db);
  const fixtures = [
    article('en-talks-title', 'en', 'Negotiations resume in Geneva', ['Diplomats met on Monday.']),
    article('en-talks-body', 'en', 'A quiet week in Geneva', [
      'The negotiators were running late: costs < 5 & rising <script>alert(1)</script>.',
    ]),
    article('en-other', 'en', 'Football league results', ['The champions won again.']),
    article('ru-elections', 'ru', 'Парламент назначил выборы', ['Депутаты обсуждали выборы в регионах страны.']),
    article('ru-other', 'ru', 'Футбольный клуб выиграл кубок', ['Болельщики праздновали победу.']),
    article('az-park', 'az', 'Bakıda yeni park açıldı', ['Sakinlər park haqqında danışdılar.']),
    ...Array.from({ length: 25 }, (_, i) => article(`en-budget-${i}`, 'en', `Budget report ${i}`, ['Budget figures.'])),
  ];
  const rows = await insertArticles(
    content.db,
    fixtures.map(({ key: _key, ...rest }) => rest),
  );
  for (const [i, row] of rows.entries()) saved.set(fixtures[i]?.key as string, row);
});
afterAll(() => content.close());

const SEARCH = `
  query($query: String!, $edition: String!, $first: Int, $after: String) {
    search(query: $query, edition: $edition, first: $first, after: $after) {
      totalCount
      edges { cursor rank snippet node { id slug } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

interface SearchResult {
  search: {
    totalCount: number;
    edges: { cursor: string; rank: number; snippet: string; node: { id: string; slug: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

async function slugs(query: string, edition: string): Promise<string[]> {
  const result = await content.run<SearchResult>(SEARCH, { query, edition });
  expect(result.errors).toBeUndefined();
  return result.data?.search.edges.map((edge) => edge.node.slug) ?? [];
}

describe('full-text search', () => {
  it('finds English articles by an inflected form, title matches first', async () => {
    expect(await slugs('negotiation', 'en')).toEqual(['en-talks-title', 'en-talks-body']);
    expect(await slugs('runs', 'en')).toEqual(['en-talks-body']);
  });

  it('finds Russian articles by an inflected form', async () => {
    expect(await slugs('выборах', 'ru')).toEqual(['ru-elections']);
    expect(await slugs('парламента', 'ru')).toEqual(['ru-elections']);
  });

  it('matches Azerbaijani words exactly (simple configuration, no stemming)', async () => {
    expect(await slugs('park', 'az')).toEqual(['az-park']);
    expect(await slugs('parkı', 'az')).toEqual([]);
  });

  it('searches one edition only', async () => {
    expect(await slugs('negotiation', 'ru')).toEqual([]);
  });

  it('highlights matches in an HTML-escaped snippet', async () => {
    const result = await content.run<SearchResult>(SEARCH, { query: 'negotiators', edition: 'en' });
    const hit = result.data?.search.edges.find((edge) => edge.node.slug === 'en-talks-body');
    expect(hit?.snippet).toContain('<mark>negotiators</mark>');
    expect(hit?.snippet).toContain('costs &lt; 5 &amp; rising');
    expect(hit?.snippet).not.toContain('<script>');
  });

  it('pages through results without duplicates and counts them all', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result = await content.run<SearchResult>(SEARCH, { query: 'budget', edition: 'en', first: 10, after });
      const search = result.data?.search as SearchResult['search'];
      expect(search.totalCount).toBe(25);
      seen.push(...search.edges.map((edge) => edge.node.id));
      if (!search.pageInfo.hasNextPage) break;
      after = search.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it('treats hostile text as words, never as SQL or query syntax', async () => {
    for (const query of ["'; DROP TABLE articles; --", 'a & | ! ( ) :* <->', '"unclosed', '\\']) {
      const result = await content.run<SearchResult>(SEARCH, { query, edition: 'en' });
      expect(result.errors).toBeUndefined();
    }
    expect(await slugs('budget', 'en')).toHaveLength(20);
  });

  it.each([
    ['an empty query', { query: '   ', edition: 'en' }, 'query'],
    ['an overlong query', { query: 'x'.repeat(201), edition: 'en' }, 'query'],
    ['an unknown edition', { query: 'budget', edition: 'xx' }, 'edition'],
    ['a page too large', { query: 'budget', edition: 'en', first: 101 }, 'first'],
    [
      'a forged cursor',
      { query: 'budget', edition: 'en', after: Buffer.from('["search",-3]').toString('base64url') },
      'after',
    ],
  ])('rejects %s', async (_name, variables, field) => {
    expect(firstError(await content.run(SEARCH, variables))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
