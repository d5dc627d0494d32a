import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@byline/config';
import { describe, expect, it } from 'vitest';
import { loadAnalyticsConfig } from './config.js';

const SECRET = 'analytics-config-test-secret-of-32-chars';

describe('the analytics configuration', () => {
  it('maps the defaults to its camelCase shape', () => {
    expect(loadAnalyticsConfig({ INTERNAL_SECRET: SECRET })).toEqual({
      host: '127.0.0.1',
      port: 4002,
      bodyLimitBytes: 256 * 1024,
      clickhouse: {
        url: undefined,
        user: 'default',
        password: '',
        database: 'byline',
        dataDir: join('.data', 'clickhouse'),
      },
      dataDir: '.data',
      contentUrl: 'http://127.0.0.1:4001/graphql',
      timeZone: 'Asia/Baku',
      siteHosts: ['localhost', 'byline.example'],
      trustedProxyHeader: '',
      cdnCountryHeader: '',
      spoolMaxBytes: 512 * 1024 * 1024,
      flushIntervalMs: 1000,
      flushMaxRows: 50_000,
      ratePerMinute: 600,
      sitePerMinute: 300_000,
      collectCorsOrigins: [],
      metricsToken: undefined,
      pastDaysCacheMs: 60_000,
      internalSecret: SECRET,
      logLevel: 'info',
    });
    const dataDir = join(tmpdir(), 'elsewhere');
    expect(loadAnalyticsConfig({ INTERNAL_SECRET: SECRET, BYLINE_DATA_DIR: dataDir }).clickhouse.dataDir).toBe(
      join(dataDir, 'clickhouse'),
    );
  });

  it('maps every variable given to its field', () => {
    const env = {
      CLICKHOUSE_URL: 'http://clickhouse.example:8123/',
      CLICKHOUSE_USER: 'reader',
      CLICKHOUSE_PASSWORD: 'pw',
      CLICKHOUSE_DATABASE: 'news',
      BYLINE_DATA_DIR: '/var/lib/byline',
      ANALYTICS_HOST: '0.0.0.0',
      ANALYTICS_PORT: '14002',
      CONTENT_URL: 'http://content.example/graphql',
      BYLINE_TIMEZONE: 'Europe/Berlin',
      SITE_HOSTS: 'news.example',
      TRUSTED_PROXY_HEADER: 'x-forwarded-for',
      CDN_COUNTRY_HEADER: 'cf-ipcountry',
      SPOOL_MAX_BYTES: '1001',
      FLUSH_INTERVAL_MS: '1002',
      FLUSH_MAX_ROWS: '1003',
      RATE_LIMIT_PER_MINUTE: '1004',
      RATE_LIMIT_PER_SITE_PER_MINUTE: '1005',
      COLLECT_CORS_ORIGINS: 'https://news.example',
      METRICS_TOKEN: 'm'.repeat(32),
      BODY_LIMIT_BYTES: '1006',
      PAST_DAYS_CACHE_MS: '1007',
      INTERNAL_SECRET: SECRET,
      LOG_LEVEL: 'warn',
    };
    expect(loadAnalyticsConfig(env)).toEqual({
      host: env.ANALYTICS_HOST,
      port: Number(env.ANALYTICS_PORT),
      bodyLimitBytes: Number(env.BODY_LIMIT_BYTES),
      clickhouse: {
        url: env.CLICKHOUSE_URL,
        user: env.CLICKHOUSE_USER,
        password: env.CLICKHOUSE_PASSWORD,
        database: env.CLICKHOUSE_DATABASE,
        dataDir: join(env.BYLINE_DATA_DIR, 'clickhouse'),
      },
      dataDir: env.BYLINE_DATA_DIR,
      contentUrl: env.CONTENT_URL,
      timeZone: env.BYLINE_TIMEZONE,
      siteHosts: [env.SITE_HOSTS],
      trustedProxyHeader: env.TRUSTED_PROXY_HEADER,
      cdnCountryHeader: env.CDN_COUNTRY_HEADER,
      spoolMaxBytes: Number(env.SPOOL_MAX_BYTES),
      flushIntervalMs: Number(env.FLUSH_INTERVAL_MS),
      flushMaxRows: Number(env.FLUSH_MAX_ROWS),
      ratePerMinute: Number(env.RATE_LIMIT_PER_MINUTE),
      sitePerMinute: Number(env.RATE_LIMIT_PER_SITE_PER_MINUTE),
      collectCorsOrigins: [env.COLLECT_CORS_ORIGINS],
      metricsToken: env.METRICS_TOKEN,
      pastDaysCacheMs: Number(env.PAST_DAYS_CACHE_MS),
      internalSecret: SECRET,
      logLevel: env.LOG_LEVEL,
    });
  });

  it('names the variable that is wrong', () => {
    const load = (env: NodeJS.ProcessEnv) => () => loadAnalyticsConfig({ INTERNAL_SECRET: SECRET, ...env });
    expect(load({ FLUSH_MAX_ROWS: '0' })).toThrow(ConfigError);
    expect(load({ FLUSH_MAX_ROWS: '0' })).toThrow(/^analytics: invalid configuration\n {2}- FLUSH_MAX_ROWS: /);
    expect(load({ CLICKHOUSE_DATABASE: 'by-line' })).toThrow(/- CLICKHOUSE_DATABASE: a plain identifier/);
    expect(load({ CONTENT_URL: 'content' })).toThrow(/- CONTENT_URL: /);
  });

  it('refuses to start in production without INTERNAL_SECRET, and generates one only elsewhere', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'byline-analytics-config-'));
    expect(() => loadAnalyticsConfig({ NODE_ENV: 'production', BYLINE_DATA_DIR: dataDir })).toThrow(
      /- INTERNAL_SECRET: required when NODE_ENV=production/,
    );
    expect(loadAnalyticsConfig({ NODE_ENV: 'production', INTERNAL_SECRET: SECRET }).internalSecret).toBe(SECRET);
    const generated = loadAnalyticsConfig({ BYLINE_DATA_DIR: dataDir }).internalSecret;
    expect(generated).toBe(readFileSync(join(dataDir, 'internal-secret'), 'utf8'));
  });
});
