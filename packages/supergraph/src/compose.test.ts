import { describe, expect, it } from 'vitest';
import { compareSchemaFiles, composeSupergraph, type PrintedSubgraph } from './compose.js';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

const articles: PrintedSubgraph = {
  name: 'articles',
  routingUrl: 'http://127.0.0.1:4101/graphql',
  sdl: `${link}
type Query { article(id: ID!): Article }
type Article @key(fields: "id") { id: ID! title: String! }
`,
};

const views: PrintedSubgraph = {
  name: 'views',
  routingUrl: 'http://127.0.0.1:4102/graphql',
  sdl: `${link}
type Article @key(fields: "id") { id: ID! views: Int! }
`,
};

function compose(subgraphs: PrintedSubgraph[]) {
  const result = composeSupergraph(subgraphs);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.files;
}

describe('composeSupergraph', () => {
  it('composes two subgraphs sharing an entity into one file per subgraph and the supergraph', () => {
    const files = compose([articles, views]);
    expect([...files.keys()]).toEqual(['articles.graphql', 'views.graphql', 'supergraph.graphql']);
    expect(files.get('articles.graphql')).toBe(articles.sdl);
    const supergraph = files.get('supergraph.graphql') ?? '';
    expect(supergraph).toContain('join__graph(name: "views", url: "http://127.0.0.1:4102/graphql")');
    expect(supergraph).toMatch(/type Article\s[^{]*\{[^}]*title: String![^}]*views: Int!/s);
    expect(supergraph.endsWith('\n')).toBe(true);
  });

  it('reports composition errors instead of files', () => {
    const clash: PrintedSubgraph = {
      ...views,
      sdl: `${link}
type Article @key(fields: "id") { id: ID! title: Int! }
`,
    };
    const result = composeSupergraph([articles, clash]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/Article\.title/);
  });

  it('reports an SDL that does not parse, naming the subgraph', () => {
    const result = composeSupergraph([articles, { ...views, sdl: 'type {' }]);
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/^views: SDL does not parse/)] });
  });
});

describe('compareSchemaFiles', () => {
  const files = compose([articles, views]);

  it('finds nothing when the files on disk match', () => {
    expect(compareSchemaFiles(files, (file) => files.get(file))).toEqual([]);
  });

  it('names each file that differs or is missing, with the first differing line', () => {
    const onDisk = new Map(files);
    onDisk.set('views.graphql', (files.get('views.graphql') ?? '').replace('views: Int!', 'views: Float!'));
    onDisk.delete('supergraph.graphql');
    expect(compareSchemaFiles(files, (file) => onDisk.get(file))).toEqual([
      {
        file: 'views.graphql',
        hint: expect.stringMatching(/^line 2: expected ".*views: Int!.*", found ".*views: Float!.*"$/),
      },
      { file: 'supergraph.graphql', hint: 'missing' },
    ]);
  });
});
