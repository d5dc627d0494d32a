import { join } from 'node:path';
import { serviceHeaders } from '@byline/auth';
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
import { createPastAnswers } from './readership/shared/past-answers.js';

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
  const log = createLogger(config.logLevel);
  const contentHeaders = () => serviceHeaders('analytics', config.internalSecret, 'content');
  const store = await openAnalyticsStore(config.clickhouse, (line) => log.info(line));
  const pipeline = await createPipeline({
    dir: join(config.dataDir, 'spool'),
    client: overrides.wrapClickHouse?.(store.client) ?? store.client,
    maxBytes: config.spoolMaxBytes,
    flushIntervalMs: config.flushIntervalMs,
    flushMaxRows: config.flushMaxRows,
    log,
  });
  try {
    const visitors = createVisitorIds({ file: join(config.dataDir, 'visitor-salts.json'), now });
    const ingest = createIngest({
      pipeline,
      articles: overrides.articles ?? createArticleLookup(config.contentUrl, contentHeaders),
      geo: await createGeoLookup(),
      visitorId: (ip, userAgent, at) => visitors.visitorId(ip, userAgent, at),
      siteHosts: config.siteHosts,
      now,
    });
    const past = createPastAnswers(config.pastDaysCacheMs);
    const headers = { trustedProxyHeader: config.trustedProxyHeader, cdnCountryHeader: config.cdnCountryHeader };
    const service = await startGraphQLService<Context>({
      name: 'analytics',
      host: config.host,
      port: config.port,
      bodyLimitBytes: config.bodyLimitBytes,
      internalSecret: config.internalSecret,
      apollo: await createAnalyticsApollo(log),
      context: async (request) => ({
        clickhouse: store.client,
        now: now(),
        timeZone: config.timeZone,
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
          ratePerMinute: config.ratePerMinute,
          sitePerMinute: config.sitePerMinute,
          siteHosts: config.siteHosts,
          corsOrigins: config.collectCorsOrigins,
          metricsToken: config.metricsToken,
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
