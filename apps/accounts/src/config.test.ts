import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@byline/config';
import { describe, expect, it } from 'vitest';
import { loadAccountsConfig } from './config.js';

const SECRET = 'accounts-config-test-secret-of-32-chars';

describe('the accounts configuration', () => {
  it('maps the defaults to its camelCase shape', () => {
    expect(loadAccountsConfig({ INTERNAL_SECRET: SECRET })).toEqual({
      host: '127.0.0.1',
      port: 4003,
      bodyLimitBytes: 64 * 1024,
      postgres: { url: undefined, dataDir: '.data', port: 54320 },
      dbPoolSize: 5,
      sessionTtlMs: 12 * 60 * 60 * 1000,
      internalSecret: SECRET,
      logLevel: 'info',
    });
    expect(loadAccountsConfig({ INTERNAL_SECRET: SECRET, SESSION_TTL_HOURS: '3' }).sessionTtlMs).toBe(3 * 3_600_000);
  });

  it('maps every variable given to its field', () => {
    const env = {
      DATABASE_URL: 'postgres://db.example/content',
      BYLINE_DATA_DIR: '/var/lib/byline',
      BYLINE_PG_PORT: '15432',
      ACCOUNTS_HOST: '0.0.0.0',
      ACCOUNTS_PORT: '14003',
      DB_POOL_SIZE: '3',
      BODY_LIMIT_BYTES: '1000',
      SESSION_TTL_HOURS: '3',
      INTERNAL_SECRET: SECRET,
      LOG_LEVEL: 'warn',
    };
    expect(loadAccountsConfig(env)).toEqual({
      host: env.ACCOUNTS_HOST,
      port: Number(env.ACCOUNTS_PORT),
      bodyLimitBytes: Number(env.BODY_LIMIT_BYTES),
      postgres: { url: env.DATABASE_URL, dataDir: env.BYLINE_DATA_DIR, port: Number(env.BYLINE_PG_PORT) },
      dbPoolSize: Number(env.DB_POOL_SIZE),
      sessionTtlMs: Number(env.SESSION_TTL_HOURS) * 60 * 60 * 1000,
      internalSecret: SECRET,
      logLevel: env.LOG_LEVEL,
    });
  });

  it('names the variable that is wrong', () => {
    const load = (env: NodeJS.ProcessEnv) => () => loadAccountsConfig({ INTERNAL_SECRET: SECRET, ...env });
    expect(load({ SESSION_TTL_HOURS: '0' })).toThrow(ConfigError);
    expect(load({ SESSION_TTL_HOURS: '0' })).toThrow(/^accounts: invalid configuration\n {2}- SESSION_TTL_HOURS: /);
    expect(load({ ACCOUNTS_PORT: 'http' })).toThrow(/- ACCOUNTS_PORT: /);
    expect(load({ INTERNAL_SECRET: 'short' })).toThrow(/- INTERNAL_SECRET: must be at least 32 characters/);
  });

  it('refuses to start in production without INTERNAL_SECRET, and generates one only elsewhere', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'byline-accounts-config-'));
    expect(() => loadAccountsConfig({ NODE_ENV: 'production', BYLINE_DATA_DIR: dataDir })).toThrow(
      /- INTERNAL_SECRET: required when NODE_ENV=production/,
    );
    expect(loadAccountsConfig({ NODE_ENV: 'production', INTERNAL_SECRET: SECRET }).internalSecret).toBe(SECRET);
    const generated = loadAccountsConfig({ BYLINE_DATA_DIR: dataDir }).internalSecret;
    expect(generated).toBe(readFileSync(join(dataDir, 'internal-secret'), 'utf8'));
  });
});
