import { readFileSync } from 'node:fs';
import { LIST_SIZES } from '@byline/graphql/list-sizes';
import { buildSchema, getNullableType, isListType, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costRefusal } from './cost-limit.js';

const schema = buildSchema(readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8'));
const options = {
  maxCost: 200_000,
  flattenFragments: true,
  exposeLimits: true,
  errorMessage: 'Query cost limit exceeded.',
};

/** Armor's cost of `levels` nested `relatedArticles { id }` under one article, `size` rows each. */
function nestedCost(levels: number, size: number): number {
  let cost = 1; // id
  for (let level = 0; level < levels; level += 1) cost = (2 + 1.5 * cost) * size;
  return cost;
}

const related = (levels: number, first = '') =>
  `${`relatedArticles${first} { `.repeat(levels)}id${' }'.repeat(levels)}`;

/** The cost Armor reports for a document, read back from its message (exposeLimits), or 0 when under `max`. */
function found(query: string, variables: Record<string, unknown> = {}, maxCost = 1): number {
  const message = costRefusal(schema, parse(query), variables, { ...options, maxCost });
  return Number(/found (\d+(?:\.\d+)?)/.exec(message ?? '')?.[1] ?? 0);
}

describe('costRefusal', () => {
  it("counts a list without `first` at the schema's default page size", () => {
    // relatedArticles(first: Int! = 5): the resolver returns five, so the rule must count five.
    const expected = 2 + 1.5 * nestedCost(4, 5);
    expect(found(`{ article(id: "1") { ${related(4)} } }`)).toBe(expected);
    expect(found(`{ article(id: "1") { ${related(4, '(first: 5)')} } }`)).toBe(expected);
  });

  it('refuses the anonymous 149-character probe: articles, then relatedArticles four deep, no first', () => {
    const probe = `{ articles { edges { node { ${related(4)} } } } }`;
    // articles(first: Int! = 20) → 20 edges, each with 5^4 nested rows: 12,500 ids.
    const expected = 20 * (2 + 1.5 * (2 + 1.5 * (2 + 1.5 * nestedCost(4, 5))));
    expect(found(probe)).toBe(expected);
    expect(expected).toBeGreaterThan(options.maxCost);
    expect(costRefusal(schema, parse(probe), {}, options)).toBe(
      `Syntax Error: Query Cost limit of 200000 exceeded, found ${expected}.`,
    );
  });

  it("counts `first: $n` at the variable's value, else its default, else the schema's default", () => {
    const query = `query($n: Int) { article(id: "1") { relatedArticles(first: $n) { id } } }`;
    expect(found(query, { n: 20 })).toBe(2 + 1.5 * nestedCost(1, 20));
    expect(found(query, {})).toBe(2 + 1.5 * nestedCost(1, 5));
    expect(found(query.replace('$n: Int', '$n: Int = 12'), {})).toBe(2 + 1.5 * nestedCost(1, 12));
    expect(found(query, { n: 'twenty' })).toBe(2 + 1.5 * nestedCost(1, 5));
  });

  it('counts defaults inside fragments spread under aliases', () => {
    const spread = (first: string) =>
      found(`{ a: article(id: "1") { ...R } b: article(id: "2") { ...R } }
        fragment R on Article { ${related(2, first)} }`);
    expect(spread('')).toBe(spread('(first: 5)'));
    expect(spread('')).toBeGreaterThan(spread('(first: 1)'));
  });

  it('lets what the dashboard needs through', () => {
    expect(costRefusal(schema, parse('{ tags { id } authors { id } sections { id } }'), {}, options)).toBeUndefined();
  });

  it('counts a list without a page argument at its maximum from LIST_SIZES', () => {
    const authors = LIST_SIZES['Article.authors'];
    const tags = LIST_SIZES['Article.tags'];
    // article: 2 + 1.5 × (authors × (2 + 1.5 × 1) + tags × (2 + 1.5 × 1))
    expect(found('{ article(id: "1") { authors { name } tags { name } } }')).toBe(
      2 + 1.5 * (authors * 3.5 + tags * 3.5),
    );
    // Under a page of 20 articles, every article's translations count at their maximum.
    const translations = LIST_SIZES['Article.translations'];
    expect(found('{ articles(first: 20) { edges { node { translations { id } } } } }')).toBe(
      20 * (2 + 1.5 * (2 + 1.5 * (2 + 1.5 * translations * (2 + 1.5)))),
    );
  });

  it('has a maximum for every list field without a page argument, and only for those', () => {
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        const key = `${type.name}.${field.name}`;
        const paged = field.args.some((arg) => arg.name === 'first');
        // A connection's edges are its page: the connection's own `first` counts them.
        const edges = field.name === 'edges' && type.name.endsWith('Connection');
        if (key in LIST_SIZES) expect(paged || edges, key).toBe(false);
        else if (!paged && !edges) unbounded.push(key);
      }
    }
    expect(unbounded).toEqual([]);
    for (const key of Object.keys(LIST_SIZES)) {
      const [type, field] = key.split('.');
      const owner = schema.getType(type ?? '');
      expect(isObjectType(owner) && owner.getFields()[field ?? ''], key).toBeTruthy();
    }
  });
});
