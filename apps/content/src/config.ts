import { loadConfig, vars, z } from '@byline/config';

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

export const contentConfigSchema = z.object({
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
  /** Verifies the identity the gateway signs; unset: the one generated in BYLINE_DATA_DIR. */
  INTERNAL_SECRET: vars.secret(),
  LOG_LEVEL: vars.logLevel(),
});

export type ContentConfig = z.infer<typeof contentConfigSchema>;

export function loadContentConfig(env: NodeJS.ProcessEnv = process.env): ContentConfig {
  return loadConfig('content', contentConfigSchema, env);
}
