import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildASTSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { type GraphQLLimits, limitRules } from './limits.js';

const supergraph = readFileSync(fileURLToPath(new URL('../../../schema/supergraph.graphql', import.meta.url)), 'utf8');
const schema = buildASTSchema(parse(supergraph), { assumeValidSDL: true });

const generous: GraphQLLimits = {
  maxDepth: 100,
  maxAliases: 100,
  maxDirectives: 100,
  maxTokens: 100_000,
  maxCost: 100_000_000,
  maxCharacters: 100_000,
  exposeLimits: true,
  fieldSuggestions: true,
};

function errors(query: string, limits: Partial<GraphQLLimits>): string[] {
  return validate(schema, parse(query), limitRules({ ...generous, ...limits })).map((error) => error.message);
}

/** `article { relatedArticles { … { title } } }`: `depth` levels of fields, counted here as they are written. */
function nested(depth: number): string {
  let selection = 'title';
  for (let level = 2; level < depth; level++) selection = `relatedArticles(first: 1) { ${selection} }`;
  return `{ article(id: "1") { ${selection} } }`;
}

/** `count` aliased fields at the top of the query. */
function aliased(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: editions`).join(' ')} }`;
}

/** `count` directives, one @include on each field. */
function directed(count: number): string {
  return `{ ${Array.from({ length: count }, () => 'editions @include(if: true)').join(' ')} }`;
}

describe('limitRules', () => {
  it.each([3, 5, 8])('admits depth %i at a limit of %i and refuses it one below', (depth) => {
    expect(errors(nested(depth), { maxDepth: depth })).toEqual([]);
    expect(errors(nested(depth), { maxDepth: depth - 1 })).toEqual([
      `Syntax Error: Query depth limit of ${depth - 1} exceeded, found ${depth}.`,
    ]);
  });

  it('counts the fields a response nests, not the fragment spreads on the way', () => {
    const viaFragments = `
      query { article(id: "1") { ...Outer } }
      fragment Outer on Article { relatedArticles(first: 1) { ...Inner } }
      fragment Inner on Article { title }`;
    expect(errors(viaFragments, { maxDepth: 3 })).toEqual([]);
    expect(errors(viaFragments, { maxDepth: 2 })).toHaveLength(1);
  });

  it.each([1, 6, 12])('admits %i aliases at a limit of %i and refuses them one below', (count) => {
    expect(errors(aliased(count), { maxAliases: count })).toEqual([]);
    expect(errors(aliased(count), { maxAliases: count - 1 })).toEqual([
      `Syntax Error: Aliases limit of ${count - 1} exceeded, found ${count}.`,
    ]);
  });

  it.each([1, 10])('admits %i directives at a limit of %i and refuses them one below', (count) => {
    expect(errors(directed(count), { maxDirectives: count })).toEqual([]);
    expect(errors(directed(count), { maxDirectives: count - 1 })).toEqual([
      `Syntax Error: Directives limit of ${count - 1} exceeded, found ${count}.`,
    ]);
  });

  it('names only the limit, without counts, unless limits are exposed', () => {
    const hidden = { exposeLimits: false };
    expect(errors(nested(4), { ...hidden, maxDepth: 3 })).toEqual(['Syntax Error: Query depth limit exceeded.']);
    expect(errors(aliased(3), { ...hidden, maxAliases: 2 })).toEqual(['Syntax Error: Query alias limit exceeded.']);
    expect(errors(directed(3), { ...hidden, maxDirectives: 2 })).toEqual([
      'Syntax Error: Query directive limit exceeded.',
    ]);
  });
});
