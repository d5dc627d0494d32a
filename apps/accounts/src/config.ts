import { loadConfig, vars, z } from '@byline/config';

export const accountsConfigSchema = z.object({
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
  /** Verifies the identities the gateway signs; unset: the one generated in BYLINE_DATA_DIR. */
  INTERNAL_SECRET: vars.secret(),
  LOG_LEVEL: vars.logLevel(),
});

export type AccountsConfig = z.infer<typeof accountsConfigSchema>;

export function loadAccountsConfig(env: NodeJS.ProcessEnv = process.env): AccountsConfig {
  return loadConfig('accounts', accountsConfigSchema, env);
}
