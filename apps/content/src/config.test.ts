import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@byline/config';
import { describe, expect, it } from 'vitest';
import { loadContentConfig } from './config.js';

const SECRET = 'content-config-test-secret-of-32-chars';

describe('the content configuration', () => {
  it('maps the defaults to its camelCase shape', () => {
    expect(loadContentConfig({ INTERNAL_SECRET: SECRET })).toEqual({
      host: '127.0.0.1',
      port: 4001,
      bodyLimitBytes: 2 * 1024 * 1024,
      postgres: { url: undefined, dataDir: '.data', port: 54320 },
      dbPoolSize: 10,
      editions: new Map([
        ['en', 'english'],
        ['ru', 'russian'],
        ['az', 'simple'],
      ]),
      timeZone: 'Asia/Baku',
      internalSecret: SECRET,
      logLevel: 'info',
    });
  });

  it('maps every variable given to its field', () => {
    const env = {
      DATABASE_URL: 'postgres://db.example/content',
      BYLINE_DATA_DIR: '/var/lib/byline',
      BYLINE_PG_PORT: '15432',
      CONTENT_HOST: '0.0.0.0',
      CONTENT_PORT: '14001',
      BYLINE_EDITIONS: 'de:german',
      BYLINE_TIMEZONE: 'Europe/Berlin',
      DB_POOL_SIZE: '3',
      BODY_LIMIT_BYTES: '1000',
      INTERNAL_SECRET: SECRET,
      LOG_LEVEL: 'warn',
    };
    expect(loadContentConfig(env)).toEqual({
      host: env.CONTENT_HOST,
      port: Number(env.CONTENT_PORT),
      bodyLimitBytes: Number(env.BODY_LIMIT_BYTES),
      postgres: { url: env.DATABASE_URL, dataDir: env.BYLINE_DATA_DIR, port: Number(env.BYLINE_PG_PORT) },
      dbPoolSize: Number(env.DB_POOL_SIZE),
      editions: new Map([['de', 'german']]),
      timeZone: env.BYLINE_TIMEZONE,
      internalSecret: SECRET,
      logLevel: env.LOG_LEVEL,
    });
  });

  it('names the variable that is wrong', () => {
    const load = (env: NodeJS.ProcessEnv) => () => loadContentConfig({ INTERNAL_SECRET: SECRET, ...env });
    expect(load({ CONTENT_PORT: '70000' })).toThrow(ConfigError);
    expect(load({ CONTENT_PORT: '70000' })).toThrow(/^content: invalid configuration\n {2}- CONTENT_PORT: /);
    expect(load({ BYLINE_EDITIONS: 'english' })).toThrow(/- BYLINE_EDITIONS: "english" is not/);
    expect(load({ DATABASE_URL: 'mysql://db' })).toThrow(/- DATABASE_URL: expected a postgres:\/\/ URL/);
  });

  it('refuses to start in production without INTERNAL_SECRET, and generates one only elsewhere', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'byline-content-config-'));
    expect(() => loadContentConfig({ NODE_ENV: 'production', BYLINE_DATA_DIR: dataDir })).toThrow(
      /- INTERNAL_SECRET: required when NODE_ENV=production/,
    );
    expect(loadContentConfig({ NODE_ENV: 'production', INTERNAL_SECRET: SECRET }).internalSecret).toBe(SECRET);
    const generated = loadContentConfig({ BYLINE_DATA_DIR: dataDir }).internalSecret;
    expect(generated).toBe(readFileSync(join(dataDir, 'internal-secret'), 'utf8'));
  });
});
