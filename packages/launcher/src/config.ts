import { join, resolve } from 'node:path';
import { loadConfig, vars, z } from '@byline/config';

export interface LauncherConfig {
  /** Absolute: every service is started with it. */
  dataDir: string;
  /** A PostgreSQL server; undefined: the launcher starts the embedded one. */
  databaseUrl: string | undefined;
  /** A ClickHouse server; undefined: analytics opens embedded chDB. */
  clickhouseUrl: string | undefined;
}

export function loadLauncherConfig(repoRoot: string, env: NodeJS.ProcessEnv = process.env): LauncherConfig {
  const raw = loadConfig(
    'launcher',
    z.object({
      DATABASE_URL: vars.postgresUrl().optional(),
      CLICKHOUSE_URL: vars.url().optional(),
      BYLINE_DATA_DIR: z.string().default(join(repoRoot, '.data')),
    }),
    env,
  );
  return { dataDir: resolve(raw.BYLINE_DATA_DIR), databaseUrl: raw.DATABASE_URL, clickhouseUrl: raw.CLICKHOUSE_URL };
}
