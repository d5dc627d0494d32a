import { internalSecret } from '@byline/auth';
import { loadConfig, vars, z } from '@byline/config';
import type { PostgresLocation } from '@byline/embedded-pg';
import type { LogLevel } from '@byline/http';

export function accountsConfigSchema(env: NodeJS.ProcessEnv) {
  return z.object({
    /** A PostgreSQL server (the same database as content); unset: the embedded one under BYLINE_DATA_DIR. */
    DATABASE_URL: vars.postgresUrl().optional(),
    BYLINE_DATA_DIR: z.string().default('.data'),
    BYLINE_PG_PORT: vars.port(54320),
    ACCOUNTS_HOST: vars.host(),
    ACCOUNTS_PORT: vars.port(4003),
    DB_POOL_SIZE: vars.positiveInt(5),
    BODY_LIMIT_BYTES: vars.positiveInt(64 * 1024),
    /** Absolute lifetime of a login session. */
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** Verifies the identities the gateway signs; unset outside production: the one generated in BYLINE_DATA_DIR. */
    INTERNAL_SECRET: vars.internalSecret(env),
    LOG_LEVEL: vars.logLevel(),
  });
}

export interface AccountsConfig {
  host: string;
  /** 0 picks a free port. */
  port: number;
  bodyLimitBytes: number;
  /** A server's URL, or (undefined) the embedded PostgreSQL in `dataDir` on loopback `port`. */
  postgres: PostgresLocation;
  dbPoolSize: number;
  /** Absolute lifetime of a login session. */
  sessionTtlMs: number;
  internalSecret: string;
  logLevel: LogLevel;
}

export function loadAccountsConfig(env: NodeJS.ProcessEnv = process.env): AccountsConfig {
  const raw = loadConfig('accounts', accountsConfigSchema(env), env);
  return {
    host: raw.ACCOUNTS_HOST,
    port: raw.ACCOUNTS_PORT,
    bodyLimitBytes: raw.BODY_LIMIT_BYTES,
    postgres: { url: raw.DATABASE_URL, dataDir: raw.BYLINE_DATA_DIR, port: raw.BYLINE_PG_PORT },
    dbPoolSize: raw.DB_POOL_SIZE,
    sessionTtlMs: raw.SESSION_TTL_HOURS * 3_600_000,
    internalSecret: internalSecret(raw.INTERNAL_SECRET, raw.BYLINE_DATA_DIR),
    logLevel: raw.LOG_LEVEL,
  };
}
