import { join } from 'node:path';
import { internalSecret, serviceHeaders } from '@byline/auth';
import type { ClickHouse } from '@byline/clickhouse';
import { createLogger, identityOf, type RunningService, startGraphQLService } from '@byline/http';
import { createAnalyticsApollo } from './apollo.js';
import { openAnalyticsStore } from './clickhouse/open.js';
import type { AnalyticsConfig } from './config.js';
import type { Context } from './context.js';
import { type ArticleLookup, createArticleLookup } from './ingest/articles.js';
import { collectRoute, readerOf } from './ingest/collect.route.js';
import { createGeoLookup } from './ingest/enrich/geo.js';
import { createVisitorIds } from './ingest/enrich/visitor.js';
import { createIngest } from './ingest/ingest.js';
import { createPipeline } from './ingest/pipeline.js';
import { createPastAnswers } from './readership/past-answers.js';

export type AnalyticsService = RunningService & { store: ClickHouse; flush(): Promise<void> };

/** Seams for tests: a fixed article catalogue, a clock they control, faults around the writer's ClickHouse client. */
export interface AnalyticsOverrides {
  articles?: ArticleLookup;
  now?: () => Date;
  /** Wraps the client the spool writer inserts with (the service's own queries use the real one). */
  wrapClickHouse?: (client: ClickHouse['client']) => ClickHouse['client'];
}

/**
 * Starts the analytics subgraph and collector: ClickHouse (embedded chDB when
 * CLICKHOUSE_URL is unset), the spool and its writer (replaying what a
 * previous run left), then the HTTP server.
 */
export async function startAnalyticsService(
  config: AnalyticsConfig,
  overrides: AnalyticsOverrides = {},
): Promise<AnalyticsService> {
  const now = overrides.now ?? (() => new Date());
  const log = createLogger(config.LOG_LEVEL);
  const secret = internalSecret(config.INTERNAL_SECRET, config.BYLINE_DATA_DIR);
  const contentHeaders = () => serviceHeaders('analytics', secret, 'content');
  const store = await openAnalyticsStore(config, (line) => log.info(line));
  const pipeline = await createPipeline({
    dir: join(config.BYLINE_DATA_DIR, 'spool'),
    client: overrides.wrapClickHouse?.(store.client) ?? store.client,
    maxBytes: config.SPOOL_MAX_BYTES,
    flushIntervalMs: config.FLUSH_INTERVAL_MS,
    flushMaxRows: config.FLUSH_MAX_ROWS,
    log,
  });
  try {
    const visitors = createVisitorIds({ file: join(config.BYLINE_DATA_DIR, 'visitor-salts.json'), now });
    const ingest = createIngest({
      pipeline,
      articles: overrides.articles ?? createArticleLookup(config.CONTENT_URL, contentHeaders),
      geo: await createGeoLookup(),
      visitorId: (ip, userAgent, at) => visitors.visitorId(ip, userAgent, at),
      siteHosts: config.SITE_HOSTS,
      now,
    });
    const past = createPastAnswers(config.PAST_DAYS_CACHE_MS);
    const headers = { trustedProxyHeader: config.TRUSTED_PROXY_HEADER, cdnCountryHeader: config.CDN_COUNTRY_HEADER };
    const service = await startGraphQLService<Context>({
      name: 'analytics',
      host: config.ANALYTICS_HOST,
      port: config.ANALYTICS_PORT,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      internalSecret: secret,
      apollo: await createAnalyticsApollo(log),
      context: async (request) => ({
        clickhouse: store.client,
        now: now(),
        timeZone: config.BYLINE_TIMEZONE,
        ingest,
        past,
        batchers: new Map(),
        client: readerOf(request, headers),
        identity: identityOf(request),
      }),
      readiness: async () => {
        const ping = await store.client.ping();
        const spool = pipeline.isFull() ? 'full' : 'ok';
        return {
          ready: ping.success && spool === 'ok',
          checks: { clickhouse: ping.success ? 'ok' : 'unreachable', spool },
        };
      },
      routes: (app) =>
        collectRoute(app, {
          ingest,
          ...headers,
          ratePerMinute: config.RATE_LIMIT_PER_MINUTE,
          sitePerMinute: config.RATE_LIMIT_PER_SITE_PER_MINUTE,
          siteHosts: config.SITE_HOSTS,
          corsOrigins: config.COLLECT_CORS_ORIGINS,
          metricsToken: config.METRICS_TOKEN,
        }),
      log,
      onClose: async () => {
        await pipeline.close();
        await store.close();
      },
    });
    return { ...service, store, flush: () => pipeline.flush() };
  } catch (error) {
    await pipeline.close();
    await store.close();
    throw error;
  }
}
