import { analyticsConfigSchema, clickhouseOf } from '@byline/analytics';
import { internalSecret } from '@byline/auth';
import type { ClickHouseOptions } from '@byline/clickhouse';
import { loadConfig, vars, z } from '@byline/config';
import { contentConfigSchema } from '@byline/content';
import type { PostgresLocation } from '@byline/embedded-pg';
import type { LogLevel } from '@byline/http';

/** Simulated traffic is made up: it may only ever go to this machine. */
const loopbackUrl = (fallback: string) =>
  z
    .url()
    .default(fallback)
    .refine((value) => !URL.canParse(value) || ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(value).hostname), {
      message: 'must point to this machine (127.0.0.1, localhost or [::1])',
    });

/**
 * What the demo's commands read: where content's PostgreSQL and analytics'
 * ClickHouse are (as the services read them), and how much to make.
 */
function demoConfigSchema(env: NodeJS.ProcessEnv) {
  return z.object({
    ...contentConfigSchema(env).pick({
      DATABASE_URL: true,
      BYLINE_DATA_DIR: true,
      BYLINE_PG_PORT: true,
      BYLINE_EDITIONS: true,
      BYLINE_TIMEZONE: true,
    }).shape,
    ...analyticsConfigSchema(env).pick({
      CLICKHOUSE_URL: true,
      CLICKHOUSE_USER: true,
      CLICKHOUSE_PASSWORD: true,
      CLICKHOUSE_DATABASE: true,
      CONTENT_URL: true,
      INTERNAL_SECRET: true,
      LOG_LEVEL: true,
    }).shape,
    DEMO_ARTICLES: vars.positiveInt(20_000),
    DEMO_EVENTS: z.coerce.number().int().min(0).max(1_000_000_000).default(2_000_000),
    GATEWAY_URL: loopbackUrl('http://127.0.0.1:4000/graphql'),
    COLLECT_URL: loopbackUrl('http://127.0.0.1:4002/collect'),
  });
}

export interface DemoConfig {
  /** Content's (and accounts') PostgreSQL: a server, or the embedded one in `dataDir`. */
  postgres: PostgresLocation;
  /** The data folder the services share; the demo users' passwords are kept in it. */
  dataDir: string;
  /** Edition code → PostgreSQL text-search configuration. */
  editions: Map<string, string>;
  /** The newsroom's IANA time zone. */
  timeZone: string;
  /** Analytics' ClickHouse: a server, or embedded chDB (only while the analytics service is not running). */
  clickhouse: ClickHouseOptions;
  /** The content subgraph, asked for the articles readership is made up for. */
  contentUrl: string;
  internalSecret: string;
  logLevel: LogLevel;
  /** Articles `db:seed` generates when no `--articles` is given. */
  articles: number;
  /** Readership rows `seed-readership` writes when no `--events` is given; 0: none. */
  events: number;
  /** Where `simulate` lists recent articles (public content, like any front end). */
  gatewayUrl: string;
  /** Where `simulate` sends its beacons. */
  collectUrl: string;
}

export function loadDemoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  const raw = loadConfig('demo', demoConfigSchema(env), env);
  return {
    postgres: { url: raw.DATABASE_URL, dataDir: raw.BYLINE_DATA_DIR, port: raw.BYLINE_PG_PORT },
    dataDir: raw.BYLINE_DATA_DIR,
    editions: raw.BYLINE_EDITIONS,
    timeZone: raw.BYLINE_TIMEZONE,
    clickhouse: clickhouseOf(raw),
    contentUrl: raw.CONTENT_URL,
    internalSecret: internalSecret(raw.INTERNAL_SECRET, raw.BYLINE_DATA_DIR),
    logLevel: raw.LOG_LEVEL,
    articles: raw.DEMO_ARTICLES,
    events: raw.DEMO_EVENTS,
    gatewayUrl: raw.GATEWAY_URL,
    collectUrl: raw.COLLECT_URL,
  };
}
