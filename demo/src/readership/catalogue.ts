import type { ArticleFacts } from '@byline/analytics';

/** An article readers of the demo read: its facts as events carry them, and when it was published (epoch ms). */
export interface DemoArticle extends ArticleFacts {
  published_at: number;
}

const QUERY = `query DemoCatalogue($after: String, $publishedAfter: DateTimeISO) {
  articles(first: 100, after: $after, filter: { publishedAfter: $publishedAfter }) {
    edges { node { id edition publishedAt section { id } authors { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  edges: {
    node: {
      id: string;
      edition: string;
      publishedAt: string | null;
      section: { id: string };
      authors: { id: string }[];
    };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface CatalogueOptions {
  /** Only articles published at or after this instant. */
  publishedAfter: Date;
  /** Extra request headers: a service's signed identity when asking the content subgraph directly. */
  headers?: Record<string, string>;
  /** Stop after this many articles (newest first). */
  limit?: number;
  signal?: AbortSignal;
}

/**
 * Published articles from the content subgraph (or the gateway), newest first,
 * paged 100 at a time.
 */
export async function loadDemoCatalogue(url: string, options: CatalogueOptions): Promise<DemoArticle[]> {
  const articles: DemoArticle[] = [];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let after: string | null = null;
  do {
    const page: Page = await fetchPage(url, after, options);
    for (const { node } of page.edges) {
      if (!node.publishedAt) continue;
      articles.push({
        article_id: node.id,
        section_id: node.section.id,
        edition: node.edition,
        author_ids: node.authors.map((author) => author.id),
        published_at: Date.parse(node.publishedAt),
      });
    }
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null && articles.length < limit);
  return articles.slice(0, limit);
}

async function fetchPage(url: string, after: string | null, options: CatalogueOptions): Promise<Page> {
  const signal = options.signal
    ? AbortSignal.any([options.signal, AbortSignal.timeout(15_000)])
    : AbortSignal.timeout(15_000);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify({ query: QUERY, variables: { after, publishedAfter: options.publishedAfter.toISOString() } }),
    signal,
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const body = (await response.json()) as { data?: { articles: Page }; errors?: { message: string }[] };
  if (!body.data) throw new Error(`${url}: ${body.errors?.[0]?.message ?? 'no data'}`);
  return body.data.articles;
}
