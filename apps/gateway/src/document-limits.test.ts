import { readFileSync } from 'node:fs';
import { buildSchema, Lexer, Source, TokenKind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkDocument } from './document-limits.js';
import type { GraphQLLimits } from './limits.js';

// The cost rule has tests of its own (cost-limit.ts): here the cost limit is out of reach.
const generous: GraphQLLimits = {
  maxDepth: 100,
  maxAliases: 100,
  maxDirectives: 100,
  maxTokens: 100_000,
  maxCost: Number.MAX_SAFE_INTEGER,
  maxCharacters: 100_000,
  exposeLimits: true,
  fieldSuggestions: true,
};

const schema = buildSchema(readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8'));

const query = '{ articles(first: 20, filter: { section: "world" }) { edges { node { id title } } } }';

/** Tokens as graphql-js lexes them, the ground truth for the token limit. */
function tokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

function check(text: string, limits: Partial<GraphQLLimits>) {
  return checkDocument(schema, text, {}, { ...generous, ...limits });
}

describe('checkDocument', () => {
  it('admits a document at exactly its length and refuses it one character shorter', () => {
    expect(check(query, { maxCharacters: query.length })).toBeUndefined();
    expect(check(query, { maxCharacters: query.length - 1 })).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: `Document length limit of ${query.length - 1} characters exceeded, found ${query.length}.`,
    });
  });

  it('admits a document at exactly its token count and refuses it one token lower', () => {
    const count = tokens(query);
    expect(count).toBeGreaterThan(10);
    expect(check(query, { maxTokens: count })).toBeUndefined();
    expect(check(query, { maxTokens: count - 1 })).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: `Token limit of ${count - 1} exceeded.`,
    });
  });

  it('says which limit, without numbers, unless limits are exposed', () => {
    const hidden = { exposeLimits: false };
    expect(check(query, { ...hidden, maxCharacters: 10 })?.message).toBe('Document length limit exceeded.');
    expect(check(query, { ...hidden, maxTokens: 10 })?.message).toBe('Document token limit exceeded.');
  });

  it('leaves a syntax error under the token limit to Apollo, and refuses one over it', () => {
    const broken = '{ articles(first: 20 { id }';
    expect(check(broken, {})).toBeUndefined();
    expect(check(broken, { maxTokens: 3 })?.message).toBe('Token limit of 3 exceeded.');
  });

  it('checks the length before lexing anything', () => {
    const huge = `{ ${'a '.repeat(50_000)}}`;
    expect(check(huge, { maxCharacters: 1_000, maxTokens: 10 })?.message).toBe(
      `Document length limit of 1000 characters exceeded, found ${huge.length}.`,
    );
  });
});
