import type { Operation } from './graphql.js';

const FEED_FIELDS = 'id slug title publishedAt section { slug name } authors { slug name }';

/** (a) A section's front page: 20 articles with their section and authors (content only). */
export const sectionFeed = (section: string, edition: string): Operation => ({
  query: `query SectionFeed($section: String!, $edition: String!) {
  articles(first: 20, filter: { section: $section, edition: $edition }) { edges { node { ${FEED_FIELDS} } } }
}`,
  variables: { section, edition },
});

/** (b) The same page with each article's views and shares (federated with analytics). */
export const sectionFeedWithReadership = (section: string, edition: string): Operation => ({
  query: `query SectionFeedReadership($section: String!, $edition: String!) {
  articles(first: 20, filter: { section: $section, edition: $edition }) {
    edges { node { ${FEED_FIELDS} views shares { total } } }
  }
}`,
  variables: { section, edition },
});

/** (c) One article by slug with its view count (federated). */
export const articleWithViews = (slug: string, edition: string): Operation => ({
  query: `query ArticleViews($slug: String!, $edition: String!) {
  article(slug: $slug, edition: $edition) { id slug title publishedAt views }
}`,
  variables: { slug, edition },
});

/** (c) without the analytics field, for the content subgraph alone. */
export const articleBySlug = (slug: string, edition: string): Operation => ({
  query: `query ArticleBySlug($slug: String!, $edition: String!) {
  article(slug: $slug, edition: $edition) { id slug title publishedAt }
}`,
  variables: { slug, edition },
});

/** The content part of an answer: analytics' fields removed, to compare a gateway's answer with the floor's. */
export function contentPart(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(contentPart);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'views' && key !== 'shares')
      .map(([key, inner]) => [key, contentPart(inner)]),
  );
}
