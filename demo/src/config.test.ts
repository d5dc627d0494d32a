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
