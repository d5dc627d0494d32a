import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnalyticsService, loadAnalyticsConfig, startAnalyticsService } from '@byline/analytics';
import { type ContentService, loadContentConfig, seedDemoData, startContentService } from '@byline/content';
import { loadGatewayConfig, startGateway } from '@byline/gateway';
import type { RunningService } from '@byline/http';
import { createTestDatabase, type TestDatabase } from '@byline/testing';
import { inject } from 'vitest';

export interface Stack {
  content: ContentService;
  analytics: AnalyticsService;
  gateway: RunningService;
  database: TestDatabase;
  /** POSTs a GraphQL operation to the gateway; returns the HTTP status and JSON body. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{
    status: number;
    body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  }>;
  close(): Promise<void>;
}

/** The internal signing secret every service of the test stack shares. */
export const STACK_SECRET = 'stack-test-secret-at-least-32-characters';

export const DEMO_END = new Date('2026-01-01T00:00:00Z');

/**
 * The whole stack on free ports: the content subgraph on its own fresh
 * database seeded by the demo generator, the analytics subgraph on its own
 * embedded ClickHouse, and the gateway in front of both.
 */
export async function startStack(options: {
  articles: number;
  supergraphPath?: string;
  extraUrls?: Record<string, string>;
  /** More analytics variables, e.g. TRUSTED_PROXY_HEADER to give beacons readers from many countries. */
  analyticsEnv?: Record<string, string>;
}): Promise<Stack> {
  const database = await createTestDatabase(inject('pgAdminUrl'), 'e2e');
  const contentConfig = loadContentConfig({
    DATABASE_URL: database.url,
    CONTENT_PORT: '0',
    LOG_LEVEL: 'warn',
    INTERNAL_SECRET: STACK_SECRET,
  });
  const content = await startContentService(contentConfig);
  await seedDemoData(content.db, {
    articles: options.articles,
    endAt: DEMO_END,
    timeZone: contentConfig.BYLINE_TIMEZONE,
    editions: contentConfig.BYLINE_EDITIONS,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'byline-e2e-'));
  const analytics = await startAnalyticsService(
    loadAnalyticsConfig({
      BYLINE_DATA_DIR: dataDir,
      ANALYTICS_PORT: '0',
      CONTENT_URL: content.url,
      FLUSH_INTERVAL_MS: '200',
      LOG_LEVEL: 'warn',
      DEMO_EVENTS: '0',
      INTERNAL_SECRET: STACK_SECRET,
      ...options.analyticsEnv,
    }),
  );
  const gatewayConfig = loadGatewayConfig({
    GATEWAY_PORT: '0',
    CONTENT_URL: content.url,
    ANALYTICS_URL: analytics.url,
    LOG_LEVEL: 'warn',
    INTERNAL_SECRET: STACK_SECRET,
  });
  if (options.supergraphPath) gatewayConfig.supergraphPath = options.supergraphPath;
  Object.assign(gatewayConfig.subgraphUrls, options.extraUrls);
  const gateway = await startGateway(gatewayConfig);
  return {
    content,
    analytics,
    gateway,
    database,
    query: async (query, variables) => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
    close: async () => {
      await gateway.close();
      await analytics.close();
      await content.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
