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
