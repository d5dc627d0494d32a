import { join } from 'node:path';
import { internalSecret } from '@byline/auth';
import type { ClickHouseOptions } from '@byline/clickhouse';
import { loadConfig, vars, z } from '@byline/config';
import type { LogLevel } from '@byline/http';

/** A lower-case host name as URLs carry it (punycode for IDNs), without a port or a trailing dot. */
function isHostName(host: string): boolean {
  return URL.canParse(`http://${host}/`) && new URL(`http://${host}/`).hostname === host && !host.endsWith('.');
}

function isOrigin(origin: string): boolean {
  return URL.canParse(origin) && new URL(origin).origin === origin && /^https?:/.test(origin);
}

/** The variables, as the environment spells them; demo/ reads its ClickHouse ones alike. */
export function analyticsConfigSchema(env: NodeJS.ProcessEnv) {
  return z.object({
    /** A ClickHouse server; unset: embedded chDB under BYLINE_DATA_DIR/clickhouse. */
    CLICKHOUSE_URL: z.url().optional(),
    CLICKHOUSE_USER: z.string().default('default'),
    CLICKHOUSE_PASSWORD: z.string().default(''),
    CLICKHOUSE_DATABASE: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a plain identifier')
      .default('byline'),
    BYLINE_DATA_DIR: z.string().default('.data'),
    ANALYTICS_HOST: vars.host(),
    ANALYTICS_PORT: vars.port(4002),
    /** The content subgraph, asked for an article's section, edition and authors at ingest. */
    CONTENT_URL: z.url().default('http://127.0.0.1:4001/graphql'),
    BYLINE_TIMEZONE: vars.timeZone('Asia/Baku'),
    /**
     * The publisher's own hosts: `/collect` takes events only for pages on them or their
     * subdomains, and referrers from them count as `internal`.
     */
    SITE_HOSTS: vars
      .list('localhost,byline.example')
      .transform((hosts) => hosts.map((host) => host.toLowerCase()))
      .refine((hosts) => hosts.length > 0 && hosts.every(isHostName), {
        message: 'comma-separated host names such as news.example (no scheme, port or path; punycode for IDNs)',
      }),
    /** Header set by our own proxy with the client IP (e.g. x-forwarded-for); empty: the socket address. */
    TRUSTED_PROXY_HEADER: z.string().toLowerCase().default(''),
    /** Header a CDN sets with the visitor's country (e.g. cf-ipcountry); empty: look the IP up. */
    CDN_COUNTRY_HEADER: z.string().toLowerCase().default(''),
    SPOOL_MAX_BYTES: vars.positiveInt(512 * 1024 * 1024),
    FLUSH_INTERVAL_MS: vars.positiveInt(1000),
    FLUSH_MAX_ROWS: vars.positiveInt(50_000),
    /** Beacons a minute from one client IP. */
    RATE_LIMIT_PER_MINUTE: vars.positiveInt(600),
    /**
     * Events a minute for one site (one entry of SITE_HOSTS), per collector process. A national
     * news site with 20 million page views a day sends about 5 events per view (view, engagement
     * heartbeats, shares): 70,000 events a minute on average, 210,000 in a minute three times busier.
     */
    RATE_LIMIT_PER_SITE_PER_MINUTE: vars.positiveInt(300_000),
    /** Browser origins `/collect` answers CORS for; empty: http(s) pages of SITE_HOSTS; `*`: any. */
    COLLECT_CORS_ORIGINS: vars.list('').refine((origins) => origins.every((o) => o === '*' || isOrigin(o)), {
      message: 'comma-separated origins such as https://news.example, or *',
    }),
    /** Bearer token `/metrics` asks for; unset: `/metrics` answers loopback clients only. */
    METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
    BODY_LIMIT_BYTES: vars.positiveInt(256 * 1024),
    /** How long section figures of days that are over are kept before they are read again (late events show then); 0: never kept. */
    PAST_DAYS_CACHE_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    /** Verifies the identity the gateway signs, and signs calls to content; unset outside production: the one generated in BYLINE_DATA_DIR. */
    INTERNAL_SECRET: vars.internalSecret(env),
    LOG_LEVEL: vars.logLevel(),
  });
}

export interface AnalyticsConfig {
  host: string;
  /** 0 picks a free port. */
  port: number;
  bodyLimitBytes: number;
  /** A ClickHouse server, or (url undefined) embedded chDB in `clickhouse.dataDir`. */
  clickhouse: ClickHouseOptions;
  /** The spool and the visitor-id salts live here. */
  dataDir: string;
  /** The content subgraph, asked for an article's section, edition and authors at ingest. */
  contentUrl: string;
  /** The newsroom's IANA time zone. */
  timeZone: string;
  /** The publisher's own hosts, lower-case. */
  siteHosts: string[];
  trustedProxyHeader: string;
  cdnCountryHeader: string;
  spoolMaxBytes: number;
  flushIntervalMs: number;
  flushMaxRows: number;
  ratePerMinute: number;
  sitePerMinute: number;
  collectCorsOrigins: string[];
  metricsToken: string | undefined;
  pastDaysCacheMs: number;
  internalSecret: string;
  logLevel: LogLevel;
}

export function loadAnalyticsConfig(env: NodeJS.ProcessEnv = process.env): AnalyticsConfig {
  const raw = loadConfig('analytics', analyticsConfigSchema(env), env);
  return {
    host: raw.ANALYTICS_HOST,
    port: raw.ANALYTICS_PORT,
    bodyLimitBytes: raw.BODY_LIMIT_BYTES,
    clickhouse: clickhouseOf(raw),
    dataDir: raw.BYLINE_DATA_DIR,
    contentUrl: raw.CONTENT_URL,
    timeZone: raw.BYLINE_TIMEZONE,
    siteHosts: raw.SITE_HOSTS,
    trustedProxyHeader: raw.TRUSTED_PROXY_HEADER,
    cdnCountryHeader: raw.CDN_COUNTRY_HEADER,
    spoolMaxBytes: raw.SPOOL_MAX_BYTES,
    flushIntervalMs: raw.FLUSH_INTERVAL_MS,
    flushMaxRows: raw.FLUSH_MAX_ROWS,
    ratePerMinute: raw.RATE_LIMIT_PER_MINUTE,
    sitePerMinute: raw.RATE_LIMIT_PER_SITE_PER_MINUTE,
    collectCorsOrigins: raw.COLLECT_CORS_ORIGINS,
    metricsToken: raw.METRICS_TOKEN,
    pastDaysCacheMs: raw.PAST_DAYS_CACHE_MS,
    internalSecret: internalSecret(raw.INTERNAL_SECRET, raw.BYLINE_DATA_DIR),
    logLevel: raw.LOG_LEVEL,
  };
}

/** ClickHouse's variables as the client takes them: demo/ maps its own with this too. */
export function clickhouseOf(raw: {
  CLICKHOUSE_URL?: string | undefined;
  CLICKHOUSE_USER: string;
  CLICKHOUSE_PASSWORD: string;
  CLICKHOUSE_DATABASE: string;
  BYLINE_DATA_DIR: string;
}): ClickHouseOptions {
  return {
    url: raw.CLICKHOUSE_URL,
    user: raw.CLICKHOUSE_USER,
    password: raw.CLICKHOUSE_PASSWORD,
    database: raw.CLICKHOUSE_DATABASE,
    dataDir: join(raw.BYLINE_DATA_DIR, 'clickhouse'),
  };
}
