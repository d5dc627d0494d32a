import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import type { ArticleFacts } from './events.js';

const QUERY = `query ArticleFacts($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Article { id edition status section { id } authors { id } }
  }
}`;

interface Entity {
  id: string;
  edition: string;
  status: string;
  section: { id: string };
  authors: { id: string }[];
}

export type ArticleLookup = (articleId: string) => Promise<ArticleFacts | null>;

/** The content subgraph did not answer in time, or not properly: the collector answers 503, the client retries. */
export class ArticlesUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`article facts unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ArticlesUnavailableError';
  }
}

/**
 * Section, edition and byline of articles, asked from the content subgraph:
 * lookups made together are sent as one request, answers are cached (a
 * missing article for less time, as it may be published any moment).
 */
export function createArticleLookup(
  contentUrl: string,
  /** Signs each call: the content subgraph answers Byline services only. */
  contentHeaders: () => Record<string, string>,
  options = { ttlMs: 300_000, missingTtlMs: 30_000 },
): ArticleLookup {
  const cache = new LRUCache<string, ArticleFacts | false>({ max: 200_000, ttl: options.ttlMs });
  const loader = new DataLoader<string, ArticleFacts | null>(
    (ids) =>
      entities(ids).catch((error: unknown) => {
        throw new ArticlesUnavailableError(error);
      }),
    { cache: false, maxBatchSize: 100 },
  );

  async function entities(ids: readonly string[]): Promise<(ArticleFacts | null)[]> {
    const response = await fetch(contentUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...contentHeaders() },
      body: JSON.stringify({
        query: QUERY,
        variables: { representations: ids.map((id) => ({ __typename: 'Article', id })) },
      }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`content subgraph answered ${response.status}`);
    const body = (await response.json()) as {
      data?: { _entities: (Entity | null)[] };
      errors?: { message: string }[];
    };
    if (!body.data) throw new Error(`content subgraph: ${body.errors?.[0]?.message ?? 'no data'}`);
    return body.data._entities.map((entity) =>
      entity && entity.status !== 'DRAFT'
        ? {
            article_id: entity.id,
            section_id: entity.section.id,
            edition: entity.edition,
            author_ids: entity.authors.map((author) => author.id),
          }
        : null,
    );
  }

  return async (articleId) => {
    const cached = cache.get(articleId);
    if (cached !== undefined) return cached || null;
    const facts = await loader.load(articleId);
    cache.set(articleId, facts ?? false, facts ? {} : { ttl: options.missingTtlMs });
    return facts;
  };
}
