import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDENTITY_HEADER, type Identity, signIdentity } from '@byline/auth';
import { type AnalyticsService, loadAnalyticsConfig, startAnalyticsService } from '../../src/index.js';
import type { ArticleFacts } from '../../src/ingest/events.js';

export interface TestAnalytics {
  service: AnalyticsService;
  clock: { now: number };
  folder: string;
  /** `POST /collect`'s URL, for requests `collect` cannot make (other headers, methods or bodies). */
  collectUrl: string;
  /** POSTs a beacon body as a reader at `ip` with `userAgent`. */
  collect(
    body: unknown,
    reader: { ip: string; userAgent: string },
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

export const SITE_HOST = 'news.example';
export const TEST_SECRET = 'analytics-test-secret-of-32-chars-or-more';
/** Who asks the readership questions in these tests, as the gateway would sign it. */
const ANALYST: Identity = { sub: 'user:7', role: 'analyst' };

/**
 * The analytics service on a fresh embedded ClickHouse (chDB) in a temp
 * folder, with a fixed article catalogue and a clock the test moves.
 */
export async function startTestAnalytics(
  articles: ArticleFacts[],
  start: number,
  env: Record<string, string> = {},
  /** Ask the content subgraph at CONTENT_URL for article facts instead of `articles`. */
  options: { contentSubgraph?: boolean } = {},
): Promise<TestAnalytics> {
  const folder = await mkdtemp(join(tmpdir(), 'byline-analytics-'));
  const clock = { now: start };
  const catalogue = new Map(articles.map((article) => [article.article_id, article]));
  const config = loadAnalyticsConfig({
    BYLINE_DATA_DIR: folder,
    ANALYTICS_PORT: '0',
    TRUSTED_PROXY_HEADER: 'x-forwarded-for',
    SITE_HOSTS: SITE_HOST,
    FLUSH_INTERVAL_MS: '100',
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'error',
    INTERNAL_SECRET: TEST_SECRET,
    ...env,
  });
  const service = await startAnalyticsService(config, {
    ...(options.contentSubgraph ? {} : { articles: async (id: string) => catalogue.get(id) ?? null }),
    now: () => new Date(clock.now),
  });
  const base = service.url.replace(/\/graphql$/, '');
  return {
    service,
    clock,
    folder,
    collectUrl: `${base}/collect`,
    collect: async (body, reader) => {
      const response = await fetch(`${base}/collect`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-forwarded-for': reader.ip, 'user-agent': reader.userAgent },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    graphql: async (query, variables) => {
      const response = await fetch(service.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: signIdentity(ANALYST, TEST_SECRET, 'analytics'),
        },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as never;
    },
    close: async () => {
      await service.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
