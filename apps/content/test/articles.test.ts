import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { firstError, startTestContent, type TestContent } from './support/content.js';
import {
  type Catalog,
  type FixtureArticle,
  insertArticles,
  insertCatalog,
  randomArticles,
} from './support/fixtures.js';

let content: TestContent;
let catalog: Catalog;
let articles: FixtureArticle[];

beforeAll(async () => {
  content = await startTestContent();
  catalog = await insertCatalog(content.db);
  const drafted = randomArticles(catalog, 120, 11);
  // Make the first three one story in three editions.
  const storyId = drafted[0]?.storyId as string;
  for (const [i, edition] of ['en', 'ru', 'az'].entries()) {
    Object.assign(drafted[i] as object, {
      edition,
      storyId,
      status: 'published',
      publishedAt: new Date(Date.UTC(2025, 1, 1)),
    });
  }
  articles = await insertArticles(content.db, drafted);
});
afterAll(() => content.close());

const ARTICLE = `
  query One($id: ID, $slug: String, $edition: String) {
    article(id: $id, slug: $slug, edition: $edition) {
      id slug edition title status publishedAt body
      section { id slug name(edition: "ru") names { edition name } }
      authors { id slug name }
      tags { id slug }
      translations { id edition }
    }
  }`;

const byId = (id: string) => articles.find((a) => a.id === id) as FixtureArticle;

describe('one article', () => {
  it('is found by id with its section, byline, tags and translations', async () => {
    const story = articles.slice(0, 3);
    const first = story[0] as FixtureArticle;
    const result = await content.run<{ article: Record<string, never> }>(ARTICLE, { id: first.id });
    expect(result.errors).toBeUndefined();
    const article = result.data?.article as unknown as {
      id: string;
      slug: string;
      section: { id: string; name: string; names: unknown[] };
      authors: { id: string }[];
      tags: { id: string }[];
      translations: { id: string; edition: string }[];
      body: string[];
    };
    expect(article.slug).toBe(first.slug);
    expect(article.body).toEqual(first.body);
    expect(article.section.id).toBe(first.sectionId);
    expect(article.section.name).toBe(`Раздел ${catalog.sectionIds.indexOf(first.sectionId) + 1}`);
    expect(article.section.names).toHaveLength(3);
    expect(article.authors.map((a) => a.id)).toEqual(first.authorIds);
    expect(article.tags.map((t) => t.id).sort()).toEqual([...first.tagIds].sort());
    expect(article.translations.map((t) => t.id).sort()).toEqual(
      story
        .slice(1)
        .map((a) => a.id)
        .sort(),
    );
  });

  it('is found by slug and edition', async () => {
    const wanted = articles.find((a) => a.status === 'published' && a.edition === 'ru') as FixtureArticle;
    const result = await content.run<{ article: { id: string } }>(ARTICLE, { slug: wanted.slug, edition: 'ru' });
    expect(result.data?.article.id).toBe(wanted.id);
    const otherEdition = await content.run<{ article: null }>(ARTICLE, { slug: wanted.slug, edition: 'en' });
    expect(otherEdition.data?.article ?? null).toBeNull();
  });

  it('is null for an unknown id, and a malformed id or missing key is refused', async () => {
    expect((await content.run<{ article: null }>(ARTICLE, { id: '999999' })).data?.article).toBeNull();
    expect(firstError(await content.run(ARTICLE, { id: 'abc' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    expect(firstError(await content.run(ARTICLE, { slug: 'x' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'slug',
    });
  });

  it('offers related articles of the same edition that share tags, most shared first', async () => {
    const article = articles.find((a) => a.status === 'published' && a.tagIds.length >= 2) as FixtureArticle;
    const result = await content.run<{ article: { relatedArticles: { id: string; edition: string }[] } }>(
      `query($id: ID) { article(id: $id) { relatedArticles(first: 10) { id edition } } }`,
      { id: article.id },
    );
    const related = result.data?.article.relatedArticles ?? [];
    const shared = (other: FixtureArticle) => other.tagIds.filter((tag) => article.tagIds.includes(tag)).length;
    const candidates = articles.filter(
      (other) =>
        other.id !== article.id &&
        other.status === 'published' &&
        other.edition === article.edition &&
        shared(other) > 0,
    );
    expect(related).toHaveLength(Math.min(10, candidates.length));
    const counts = related.map((r) => shared(byId(r.id)));
    expect(counts.every((count) => count > 0)).toBe(true);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(related.every((r) => r.edition === article.edition)).toBe(true);
  });
});

describe('lists', () => {
  it('lists sections in navigation order, authors and tags by name, and the editions', async () => {
    const result = await content.run<{
      sections: { slug: string; position: number }[];
      authors: { slug: string }[];
      tags: { slug: string }[];
      editions: string[];
    }>('{ sections { slug position } authors { slug } tags { slug } editions }');
    expect(result.data?.sections.map((s) => s.slug)).toEqual([...catalog.sectionSlugs.values()]);
    expect(result.data?.authors).toHaveLength(catalog.authorIds.length);
    expect(result.data?.tags).toHaveLength(catalog.tagIds.length);
    expect(result.data?.editions).toEqual(['en', 'ru', 'az']);
  });

  it('counts articles published in a window per section and per author, in one query each', async () => {
    const from = new Date(Date.UTC(2025, 0, 5));
    const to = new Date(Date.UTC(2025, 0, 30));
    const query = vi.spyOn(content.db, 'query');
    const result = await content.run<{
      sections: { id: string; articlesPublished: number; ru: number }[];
      authors: { id: string; articlesPublished: number }[];
    }>(
      `query($from: DateTimeISO, $to: DateTimeISO) {
        sections { id articlesPublished(from: $from, to: $to) ru: articlesPublished(from: $from, to: $to, edition: "ru") }
        authors { id articlesPublished(from: $from, to: $to) }
      }`,
      { from: from.toISOString(), to: to.toISOString() },
    );
    const sql = query.mock.calls.length;
    query.mockRestore();
    const inWindow = (a: FixtureArticle) =>
      a.status !== 'draft' && (a.publishedAt as Date) >= from && (a.publishedAt as Date) < to;
    expect(result.errors).toBeUndefined();
    expect(articles.some(inWindow)).toBe(true);
    expect(result.data?.sections).toHaveLength(catalog.sectionIds.length);
    expect(result.data?.authors).toHaveLength(catalog.authorIds.length);
    for (const section of result.data?.sections ?? []) {
      const mine = articles.filter((a) => inWindow(a) && a.sectionId === section.id);
      expect(section.articlesPublished).toBe(mine.length);
      expect(section.ru).toBe(mine.filter((a) => a.edition === 'ru').length);
    }
    for (const author of result.data?.authors ?? []) {
      expect(author.articlesPublished).toBe(
        articles.filter((a) => inWindow(a) && a.authorIds.includes(author.id)).length,
      );
    }
    // sections, authors, then one count per distinct window argument set.
    expect(sql).toBe(5);
  });

  it('finds a section, an author and a tag by slug', async () => {
    const [sectionId, sectionSlug] = [...catalog.sectionSlugs][1] as [string, string];
    const result = await content.run<{ section: { id: string }; author: { id: string } | null; tag: { id: string } }>(
      `query($s: String!, $t: String!) { section(slug: $s) { id } author(slug: "nobody") { id } tag(slug: $t) { id } }`,
      { s: sectionSlug, t: catalog.tagSlugs.get(catalog.tagIds[0] as string) },
    );
    expect(result.data?.section.id).toBe(sectionId);
    expect(result.data?.author).toBeNull();
    expect(result.data?.tag.id).toBe(catalog.tagIds[0]);
  });
});

describe('federation', () => {
  const ENTITIES = `
    query($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Article { id title section { slug } }
        ... on Section { id slug }
        ... on Author { id name }
        ... on Tag { id slug }
      }
    }`;

  it('resolves 50 article keys with one SQL query, and each entity type with one more', async () => {
    const published = articles.filter((a) => a.status === 'published').slice(0, 50);
    expect(published).toHaveLength(50);
    const query = vi.spyOn(content.db, 'query');
    const representations = [
      ...published.map((a) => ({ __typename: 'Article', id: a.id })),
      ...catalog.authorIds.map((id) => ({ __typename: 'Author', id })),
      ...catalog.tagIds.map((id) => ({ __typename: 'Tag', id })),
    ];
    const result = await content.run<{ _entities: { id: string }[] }>(ENTITIES, { representations });
    const sql = query.mock.calls.map(([text]) => String(text));
    query.mockRestore();
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((e) => e.id)).toEqual(representations.map((r) => r.id));
    const touching = (table: string) => sql.filter((text) => new RegExp(`FROM ${table}\\b`).test(text));
    expect(touching('articles')).toHaveLength(1);
    expect(touching('authors')).toHaveLength(1);
    expect(touching('tags')).toHaveLength(1);
    // The articles' sections: one more query, for all 50.
    expect(touching('sections')).toHaveLength(1);
    expect(sql).toHaveLength(4);
  });

  it('resolves a draft as null for the public and an unknown key as null', async () => {
    const result = await content.run<{ _entities: unknown[] }>(ENTITIES, {
      representations: [
        { __typename: 'Article', id: '987654' },
        { __typename: 'Section', id: 'oops' },
      ],
    });
    expect(result.data?._entities).toEqual([null, null]);
  });

  it('serves its SDL with the entity keys', async () => {
    const result = await content.run<{ _service: { sdl: string } }>('{ _service { sdl } }');
    for (const type of ['Article', 'Section', 'Author', 'Tag']) {
      expect(result.data?._service.sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
    }
  });
});
