import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestContent, type TestContent } from './support/content.js';
import { type Catalog, insertCatalog } from './support/fixtures.js';

let content: TestContent;
let catalog: Catalog;

beforeAll(async () => {
  content = await startTestContent();
  catalog = await insertCatalog(content.db);
});
afterAll(() => content.close());

const FIELDS =
  'id slug edition status title source lead body publishedAt readingMinutes coverImage { url caption } section { id } authors { id } tags { id } translations { id edition }';
const CREATE = `mutation($edition: String!, $input: ArticleInput!, $translationOf: ID) {
  createArticle(edition: $edition, input: $input, translationOf: $translationOf) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: ArticleInput!) { updateArticle(id: $id, input: $input) { ${FIELDS} } }`;
const PUBLISH = `mutation($id: ID!, $at: DateTimeISO) { publishArticle(id: $id, at: $at) { ${FIELDS} } }`;
const UNPUBLISH = `mutation($id: ID!) { unpublishArticle(id: $id) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveArticle(id: $id) { ${FIELDS} } }`;

interface Saved {
  id: string;
  slug: string;
  status: string;
  publishedAt: string | null;
  readingMinutes: number;
  authors: { id: string }[];
  tags: { id: string }[];
  translations: { id: string; edition: string }[];
  coverImage: { url: string; caption: string | null } | null;
}

let counter = 0;
function validInput(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    slug: `story-${counter}`,
    title: 'Reuters: Talks resume',
    source: 'Reuters',
    lead: 'Diplomats returned to the table.',
    body: Array.from({ length: 4 }, () => 'word '.repeat(100).trim()),
    sectionId: catalog.sectionIds[0],
    authorIds: [catalog.authorIds[1], catalog.authorIds[0]],
    tagIds: [catalog.tagIds[0], catalog.tagIds[2]],
    coverUrl: 'https://cdn.example.com/cover.jpg',
    coverCaption: 'Delegates arrive',
    ...overrides,
  };
}

async function create(input = validInput(), edition = 'en', translationOf?: string): Promise<Saved> {
  const result = await content.run<{ createArticle: Saved }>(CREATE, { edition, input, translationOf });
  expect(result.errors).toBeUndefined();
  return result.data?.createArticle as Saved;
}

/** Rows in every table a mutation writes, to prove a refused one wrote nothing. */
async function rowCounts() {
  const [row] = await content.db.query(`SELECT
    (SELECT count(*) FROM articles) AS articles,
    (SELECT count(*) FROM article_authors) AS authors,
    (SELECT count(*) FROM article_tags) AS tags,
    (SELECT max(updated_at) FROM articles) AS updated`);
  return row;
}

describe('creating and editing articles', () => {
  it('creates a draft with its byline in order, tags, cover and reading time', async () => {
    const input = validInput();
    const saved = await create(input);
    expect(saved).toMatchObject({ slug: input.slug, status: 'DRAFT', publishedAt: null, edition: 'en' });
    expect(saved.authors.map((a) => a.id)).toEqual(input.authorIds);
    expect(saved.tags.map((t) => t.id).sort()).toEqual([...input.tagIds].sort());
    expect(saved.coverImage).toEqual({ url: input.coverUrl, caption: input.coverCaption });
    // 400 words of body plus title and lead at 200 words a minute.
    const words =
      400 + input.title.split(/\W+/).filter(Boolean).length + input.lead.split(/\W+/).filter(Boolean).length;
    expect(saved.readingMinutes).toBe(Math.round(words / 200));
  });

  it('updates content and replaces byline and tags', async () => {
    const saved = await create();
    const input = validInput({ slug: `${saved.slug}-edited`, authorIds: [catalog.authorIds[3]], tagIds: [] });
    const result = await content.run<{ updateArticle: Saved }>(UPDATE, { id: saved.id, input });
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateArticle).toMatchObject({
      slug: input.slug,
      authors: [{ id: catalog.authorIds[3] }],
      tags: [],
    });
  });

  it('publishes, unpublishes and archives', async () => {
    const saved = await create();
    const at = '2025-03-01T09:30:00.000Z';
    const published = await content.run<{ publishArticle: Saved }>(PUBLISH, { id: saved.id, at });
    expect(published.data?.publishArticle).toMatchObject({ status: 'PUBLISHED', publishedAt: at });
    const feed = await content.run<{ articles: { edges: { node: { id: string } }[] } }>(
      '{ articles(first: 100) { edges { node { id } } } }',
    );
    expect(feed.data?.articles.edges.map((e) => e.node.id)).toContain(saved.id);

    const archived = await content.run<{ archiveArticle: Saved }>(ARCHIVE, { id: saved.id });
    expect(archived.data?.archiveArticle).toMatchObject({ status: 'ARCHIVED', publishedAt: at });

    const unpublished = await content.run<{ unpublishArticle: Saved }>(UNPUBLISH, { id: saved.id });
    expect(unpublished.data?.unpublishArticle).toMatchObject({ status: 'DRAFT', publishedAt: null });
    const republished = await content.run<{ publishArticle: Saved }>(PUBLISH, { id: saved.id });
    expect(Date.now() - Date.parse(republished.data?.publishArticle.publishedAt as string)).toBeLessThan(60_000);
  });

  it('links a translation into the story of the original', async () => {
    const original = await create();
    const russian = await create(validInput(), 'ru', original.id);
    expect(russian.translations).toEqual([{ id: original.id, edition: 'en' }]);
  });
});

describe('invalid mutations are refused and write nothing', () => {
  const longBody = Array.from({ length: 201 }, () => 'x');
  it.each([
    ['a blank title', () => ({ input: validInput({ title: '   ' }) }), 'input.title'],
    ['an overlong title', () => ({ input: validInput({ title: 'x'.repeat(301) }) }), 'input.title'],
    ['a slug with spaces', () => ({ input: validInput({ slug: 'Not A Slug' }) }), 'input.slug'],
    ['a slug with SQL', () => ({ input: validInput({ slug: "x'; DROP TABLE articles;--" }) }), 'input.slug'],
    ['an empty body', () => ({ input: validInput({ body: [] }) }), 'input.body'],
    ['a blank paragraph', () => ({ input: validInput({ body: ['ok', ' '] }) }), 'input.body'],
    ['too many paragraphs', () => ({ input: validInput({ body: longBody }) }), 'input.body'],
    ['no author', () => ({ input: validInput({ authorIds: [] }) }), 'input.authorIds'],
    [
      'the same author twice',
      () => ({ input: validInput({ authorIds: [catalog.authorIds[0], catalog.authorIds[0]] }) }),
      'input.authorIds',
    ],
    ['an unknown author', () => ({ input: validInput({ authorIds: ['999999'] }) }), 'input.authorIds'],
    ['a malformed author id', () => ({ input: validInput({ authorIds: ['1 OR 1=1'] }) }), 'input.authorIds'],
    ['an unknown section', () => ({ input: validInput({ sectionId: '424242' }) }), 'input.sectionId'],
    ['an unknown tag', () => ({ input: validInput({ tagIds: [catalog.tagIds[0], '777777'] }) }), 'input.tagIds'],
    ['a cover that is not a URL', () => ({ input: validInput({ coverUrl: 'javascript:alert(1)' }) }), 'input.coverUrl'],
    ['an unknown edition', () => ({ edition: 'xx', input: validInput() }), 'edition'],
    ['a translation of a missing article', () => ({ input: validInput(), translationOf: '999999' }), 'translationOf'],
  ])('refuses %s', async (_name, make, field) => {
    const before = await rowCounts();
    const { edition = 'en', ...variables } = make() as { edition?: string };
    const result = await content.run(CREATE, { edition, ...variables });
    expect(result.data ?? null).toBeNull();
    expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(firstError(result)?.message).toContain(field);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a slug already used in the edition, but allows it in another edition', async () => {
    const first = await create();
    const before = await rowCounts();
    const duplicate = await content.run(CREATE, { edition: 'en', input: validInput({ slug: first.slug }) });
    expect(firstError(duplicate)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });
    expect(await rowCounts()).toEqual(before);
    await create(validInput({ slug: first.slug }), 'az');
  });

  it('refuses a second translation into the same edition', async () => {
    const original = await create();
    await create(validInput(), 'ru', original.id);
    const before = await rowCounts();
    const again = await content.run(CREATE, { edition: 'ru', input: validInput(), translationOf: original.id });
    expect(firstError(again)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'translationOf' });
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses an update that breaks a rule and leaves the article as it was', async () => {
    const saved = await create();
    const before = await rowCounts();
    const result = await content.run(UPDATE, { id: saved.id, input: validInput({ authorIds: ['999999'] }) });
    expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.authorIds' });
    expect(await rowCounts()).toEqual(before);
    const [row] = await content.db.query('SELECT slug FROM articles WHERE id = $1', [saved.id]);
    expect(row.slug).toBe(saved.slug);
  });

  it('refuses to archive a draft and to touch a missing article', async () => {
    const draft = await create();
    expect(firstError(await content.run(ARCHIVE, { id: draft.id }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    expect(firstError(await content.run(PUBLISH, { id: '999999' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    expect(firstError(await content.run(PUBLISH, { id: 'x' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
