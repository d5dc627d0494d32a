import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@byline/config';
import { describe, expect, it } from 'vitest';
import { loadDemoConfig } from './config.js';

const SECRET = 'demo-config-test-secret-of-32-characters';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadDemoConfig({ INTERNAL_SECRET: SECRET, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the demo configuration', () => {
  it('defaults to pnpm start amounts and this machine', () => {
    const config = loadDemoConfig({ INTERNAL_SECRET: SECRET });
    expect([config.articles, config.events]).toEqual([20_000, 2_000_000]);
    expect([config.gatewayUrl, config.collectUrl]).toEqual([
      'http://127.0.0.1:4000/graphql',
      'http://127.0.0.1:4002/collect',
    ]);
  });

  it("maps the services' defaults to its camelCase shape", () => {
    expect(loadDemoConfig({ INTERNAL_SECRET: SECRET })).toEqual({
      postgres: { url: undefined, dataDir: '.data', port: 54320 },
      dataDir: '.data',
      editions: new Map([
        ['en', 'english'],
        ['ru', 'russian'],
        ['az', 'simple'],
      ]),
      timeZone: 'Asia/Baku',
      clickhouse: {
        url: undefined,
        user: 'default',
        password: '',
        database: 'byline',
        dataDir: join('.data', 'clickhouse'),
      },
      contentUrl: 'http://127.0.0.1:4001/graphql',
      internalSecret: SECRET,
      logLevel: 'info',
      articles: 20_000,
      events: 2_000_000,
      gatewayUrl: 'http://127.0.0.1:4000/graphql',
      collectUrl: 'http://127.0.0.1:4002/collect',
    });
  });

  it('maps every variable given to its field', () => {
    const env = {
      DATABASE_URL: 'postgres://db.example/content',
      BYLINE_DATA_DIR: '/var/lib/byline',
      BYLINE_PG_PORT: '15432',
      BYLINE_EDITIONS: 'de:german',
      BYLINE_TIMEZONE: 'Europe/Berlin',
      CLICKHOUSE_URL: 'http://clickhouse.example:8123/',
      CLICKHOUSE_USER: 'writer',
      CLICKHOUSE_PASSWORD: 'pw',
      CLICKHOUSE_DATABASE: 'news',
      CONTENT_URL: 'http://content.example/graphql',
      INTERNAL_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      DEMO_ARTICLES: '11',
      DEMO_EVENTS: '12',
      GATEWAY_URL: 'http://localhost:14000/graphql',
      COLLECT_URL: 'http://localhost:14002/collect',
    };
    expect(loadDemoConfig(env)).toEqual({
      postgres: { url: env.DATABASE_URL, dataDir: env.BYLINE_DATA_DIR, port: Number(env.BYLINE_PG_PORT) },
      dataDir: env.BYLINE_DATA_DIR,
      editions: new Map([['de', 'german']]),
      timeZone: env.BYLINE_TIMEZONE,
      clickhouse: {
        url: env.CLICKHOUSE_URL,
        user: env.CLICKHOUSE_USER,
        password: env.CLICKHOUSE_PASSWORD,
        database: env.CLICKHOUSE_DATABASE,
        dataDir: join(env.BYLINE_DATA_DIR, 'clickhouse'),
      },
      contentUrl: env.CONTENT_URL,
      internalSecret: SECRET,
      logLevel: env.LOG_LEVEL,
      articles: Number(env.DEMO_ARTICLES),
      events: Number(env.DEMO_EVENTS),
      gatewayUrl: env.GATEWAY_URL,
      collectUrl: env.COLLECT_URL,
    });
  });

  it('refuses production without INTERNAL_SECRET, and generates one only elsewhere', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'byline-demo-config-'));
    expect(problemsOf({ NODE_ENV: 'production', INTERNAL_SECRET: '', BYLINE_DATA_DIR: dataDir })).toEqual([
      'INTERNAL_SECRET: required when NODE_ENV=production',
    ]);
    const generated = loadDemoConfig({ BYLINE_DATA_DIR: dataDir }).internalSecret;
    expect(generated).toBe(readFileSync(join(dataDir, 'internal-secret'), 'utf8'));
  });

  it('sends made-up traffic only to this machine, and names what is wrong', () => {
    expect(loadDemoConfig({ COLLECT_URL: 'http://localhost:14102/collect', INTERNAL_SECRET: SECRET }).collectUrl).toBe(
      'http://localhost:14102/collect',
    );
    expect(problemsOf({ COLLECT_URL: 'https://news.example/collect' })).toEqual([
      'COLLECT_URL: must point to this machine (127.0.0.1, localhost or [::1])',
    ]);
    expect(problemsOf({ GATEWAY_URL: 'garbage' })).toEqual(['GATEWAY_URL: Invalid URL']);
    expect(problemsOf({ DEMO_EVENTS: '-1' })[0]).toMatch(/^DEMO_EVENTS: /);
  });
});
