import type { Operation } from '../gateway/graphql.js';

/** Realistic search-box input per edition: words, a phrase, an exclusion. */
export const SEARCHES: Record<string, string[]> = {
  en: ['central bank', '"security council"', 'sanctions -oil'],
  ru: ['Центробанк', 'правительство бюджет', 'парламент -выборы'],
  az: ['parlament', 'vergi islahatı', 'hökumət'],
};

const CARD = 'id slug title lead publishedAt section { slug name } authors { slug name }';

export const feedPage = (edition: string, section: string | undefined, first: number, after?: string): Operation => ({
  query: `query Feed($first: Int!, $after: String, $filter: ArticleFilter) {
  articles(first: $first, after: $after, filter: $filter) {
    edges { node { ${CARD} } }
    pageInfo { endCursor hasNextPage }
  }
}`,
  variables: { first, after, filter: { edition, ...(section ? { section } : {}) } },
});

export const search = (edition: string, query: string): Operation => ({
  query: `query Search($query: String!, $edition: String!) {
  search(query: $query, edition: $edition, first: 20) { totalCount edges { rank snippet node { ${CARD} } } }
}`,
  variables: { query, edition },
});

/** What an article page asks for. */
export const articlePage = (slug: string, edition: string): Operation => ({
  query: `query Article($slug: String!, $edition: String!) {
  article(slug: $slug, edition: $edition) {
    ${CARD} body readingMinutes updatedAt tags { slug name } translations { slug edition }
  }
}`,
  variables: { slug, edition },
});
