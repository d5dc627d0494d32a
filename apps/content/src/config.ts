import { internalSecret } from '@byline/auth';
import { loadConfig, vars, z } from '@byline/config';
import type { PostgresLocation } from '@byline/embedded-pg';
import type { LogLevel } from '@byline/http';

/** `en:english,ru:russian` → edition code to PostgreSQL text-search configuration. */
const editions = z
  .string()
  .default('en:english,ru:russian,az:simple')
  .transform((value, ctx) => {
    const map = new Map<string, string>();
    for (const entry of value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)) {
      const [code, searchConfig] = entry.split(':');
      if (!code || !/^[a-z]{2,3}$/.test(code) || !searchConfig || !/^[a-z_]+$/.test(searchConfig)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${entry}" is not "<edition>:<text search config>", e.g. "en:english"`,
        });
        return z.NEVER;
      }
      map.set(code, searchConfig);
    }
    if (map.size === 0) {
      ctx.addIssue({ code: 'custom', message: 'at least one edition is required' });
      return z.NEVER;
    }
    return map;
  });

/** The variables, as the environment spells them; demo/ reads its database ones alike. */
export function contentConfigSchema(env: NodeJS.ProcessEnv) {
  return z.object({
    /** A PostgreSQL server; unset: an embedded one under BYLINE_DATA_DIR. */
    DATABASE_URL: vars.postgresUrl().optional(),
    BYLINE_DATA_DIR: z.string().default('.data'),
    BYLINE_PG_PORT: vars.port(54320),
    CONTENT_HOST: vars.host(),
    CONTENT_PORT: vars.port(4001),
    BYLINE_EDITIONS: editions,
    BYLINE_TIMEZONE: vars.timeZone('Asia/Baku'),
    DB_POOL_SIZE: vars.positiveInt(10),
    BODY_LIMIT_BYTES: vars.positiveInt(2 * 1024 * 1024),
    /** Verifies the identity the gateway signs; unset outside production: the one generated in BYLINE_DATA_DIR. */
    INTERNAL_SECRET: vars.internalSecret(env),
    LOG_LEVEL: vars.logLevel(),
  });
}

export interface ContentConfig {
  host: string;
  /** 0 picks a free port. */
  port: number;
  bodyLimitBytes: number;
  /** A server's URL, or (undefined) an embedded PostgreSQL in `dataDir` on loopback `port`. */
  postgres: PostgresLocation;
  dbPoolSize: number;
  /** Edition code → PostgreSQL text-search configuration. */
  editions: Map<string, string>;
  /** The newsroom's IANA time zone. */
  timeZone: string;
  internalSecret: string;
  logLevel: LogLevel;
}

export function loadContentConfig(env: NodeJS.ProcessEnv = process.env): ContentConfig {
  const raw = loadConfig('content', contentConfigSchema(env), env);
  return {
    host: raw.CONTENT_HOST,
    port: raw.CONTENT_PORT,
    bodyLimitBytes: raw.BODY_LIMIT_BYTES,
    postgres: { url: raw.DATABASE_URL, dataDir: raw.BYLINE_DATA_DIR, port: raw.BYLINE_PG_PORT },
    dbPoolSize: raw.DB_POOL_SIZE,
    editions: raw.BYLINE_EDITIONS,
    timeZone: raw.BYLINE_TIMEZONE,
    internalSecret: internalSecret(raw.INTERNAL_SECRET, raw.BYLINE_DATA_DIR),
    logLevel: raw.LOG_LEVEL,
  };
}
