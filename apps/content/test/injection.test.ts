import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResult, startTestContent, type TestContent } from './support/content.js';
import { type Catalog, insertCatalog } from './support/fixtures.js';

/** Strings that break SQL built by concatenation, or its quoting, in PostgreSQL and elsewhere. */
const HOSTILE = [
  "'; DROP TABLE articles; --",
  "' OR '1'='1",
  '" OR ""="',
  "\\'; SELECT pg_sleep(5); --",
  '$1) OR (1=1',
  '$$; DELETE FROM articles; $$',
  '1; UPDATE articles SET title = $q$pwned$q$',
  "Robert'); DROP TABLE authors;--",
  "admin'--",
  '%_%\\%',
  '\u2019 OR 1=1 --',
  'title\u0000with NUL',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '{{7*7}} ${7*7} <script>alert(1)</script>',
  'a:* & !b | (c <-> d)',
];

/** What an error may never show: SQL, driver messages, stack frames, file paths. */
const LEAKS =
  /\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE)\b.*\b(FROM|WHERE|SET|INTO)\b|syntax error|QueryFailedError|relation "|column "|pg_|\bat .+\.(js|ts):\d+|node_modules/i;

/** Messages may quote what the client sent (`"…"`); everything else in them is checked. */
function withoutQuotedInput(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

function expectNoLeak(result: GraphQLResult): void {
  for (const error of result.errors ?? []) {
    expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(withoutQuotedInput(error.message)).not.toMatch(LEAKS);
    expect(withoutQuotedInput(JSON.stringify(error.extensions ?? {}))).not.toMatch(LEAKS);
  }
}

let content: TestContent;
let catalog: Catalog;
let counter = 0;

beforeAll(async () => {
  content = await startTestContent();
  catalog = await insertCatalog(content.db);
});
afterAll(() => content.close());

async function tableCounts() {
  const [row] = await content.db.query(
    'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM authors) AS authors, (SELECT count(*) FROM sections) AS sections',
  );
  return row;
}

describe('SQL-injection strings in every string argument', () => {
  it('are stored and read back verbatim in every free-text field of an article (NUL aside, which is refused)', async () => {
    for (const text of HOSTILE) {
      counter += 1;
      const input = {
        slug: `hostile-${counter}`,
        title: text,
        source: text,
        lead: text,
        body: [text, `${text} again`],
        sectionId: catalog.sectionIds[0],
        authorIds: [catalog.authorIds[0]],
        tagIds: [],
        coverUrl: 'https://cdn.example.com/cover.jpg',
        coverCaption: text,
      };
      const result = await content.run<{ createArticle: Record<string, unknown> }>(
        `mutation($input: ArticleInput!) { createArticle(edition: "en", input: $input) {
          id title source lead body coverImage { caption } } }`,
        { input },
      );
      expectNoLeak(result);
      if (text.includes('\u0000')) {
        // PostgreSQL text cannot hold NUL: refused as bad input naming a field, nothing written.
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0]?.extensions?.field).toMatch(/^input\./);
        continue;
      }
      expect(result.errors).toBeUndefined();
      const saved = result.data?.createArticle;
      expect(saved).toMatchObject({ title: text, source: text, lead: text, body: [text, `${text} again`] });
      const [row] = await content.db.query('SELECT title, lead, body FROM articles WHERE id = $1', [saved?.id]);
      expect(row).toEqual({ title: text, lead: text, body: [text, `${text} again`] });
    }
  });

  it('are refused or found missing as lookups and filters, with no SQL in any error', async () => {
    const before = await tableCounts();
    for (const text of HOSTILE) {
      const lookups: [string, Record<string, unknown>][] = [
        ['query($s: String!, $e: String!) { article(slug: $s, edition: $e) { id } }', { s: text, e: 'en' }],
        ['query($e: String!) { article(slug: "x", edition: $e) { id } }', { e: text }],
        ['query($id: ID!) { article(id: $id) { id } }', { id: text }],
        ['query($s: String!) { section(slug: $s) { id } }', { s: text }],
        ['query($s: String!) { author(slug: $s) { id } }', { s: text }],
        ['query($s: String!) { tag(slug: $s) { id } }', { s: text }],
        ['query($s: String!) { articles(filter: { section: $s }) { edges { node { id } } } }', { s: text }],
        ['query($s: String!) { articles(filter: { author: $s }) { edges { node { id } } } }', { s: text }],
        ['query($s: String!) { articles(filter: { tag: $s }) { edges { node { id } } } }', { s: text }],
        ['query($s: String!) { articles(filter: { edition: $s }) { edges { node { id } } } }', { s: text }],
        ['query($s: String!) { articles(after: $s) { edges { node { id } } } }', { s: text }],
        ['query($e: String!) { sections { name(edition: $e) } }', { e: text }],
        ['query($e: String!) { search(query: "talks", edition: $e) { edges { node { id } } } }', { e: text }],
      ];
      for (const [query, variables] of lookups) {
        const result = await content.run<Record<string, unknown>>(query, variables);
        expectNoLeak(result);
        const code = result.errors?.[0]?.extensions?.code;
        // Either a clean refusal naming what was wrong, or nothing found.
        if (result.errors) expect(code, `${query} ${JSON.stringify(variables)}`).toBe('BAD_USER_INPUT');
        else expect(JSON.stringify(result.data)).not.toContain('"id":"');
      }
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('search for the hostile text itself finds the article that holds it, and nothing breaks', async () => {
    counter += 1;
    const marker = `zebracorn${counter}`;
    const title = `${marker} '; DROP TABLE articles; -- ' OR '1'='1`;
    const created = await content.run<{ createArticle: { id: string } }>(
      `mutation($input: ArticleInput!) { createArticle(edition: "en", input: $input) { id } }`,
      {
        input: {
          slug: `search-hostile-${counter}`,
          title,
          lead: '',
          body: ['text'],
          sectionId: catalog.sectionIds[0],
          authorIds: [catalog.authorIds[0]],
          tagIds: [],
        },
      },
    );
    const id = created.data?.createArticle.id;
    await content.run('mutation($id: ID!) { publishArticle(id: $id) { id } }', { id });
    for (const text of [...HOSTILE, title]) {
      const result = await content.run<{ search: { edges: { node: { id: string } }[] } }>(
        'query($q: String!) { search(query: $q, edition: "en") { edges { node { id } snippet } } }',
        { q: text },
      );
      expectNoLeak(result);
      if (result.errors) expect(result.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const found = await content.run<{ search: { edges: { node: { id: string } }[] } }>(
      'query($q: String!) { search(query: $q, edition: "en") { edges { node { id } } } }',
      { q: title },
    );
    expect(found.data?.search.edges.map((edge) => edge.node.id)).toEqual([id]);
  });
});
