import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations, type ClickHouse, openClickHouse, readMigrations } from '@byline/clickhouse';
import type { AnalyticsConfig } from '../config.js';

/** The .sql migrations ship beside the compiled code: src/ and dist/ both resolve to the source folder. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../src/clickhouse/migrations', import.meta.url));

export type StoreConfig = Pick<
  AnalyticsConfig,
  'CLICKHOUSE_URL' | 'CLICKHOUSE_USER' | 'CLICKHOUSE_PASSWORD' | 'CLICKHOUSE_DATABASE' | 'BYLINE_DATA_DIR'
>;

/** ClickHouse server or embedded chDB, with every pending migration applied. */
export async function openAnalyticsStore(config: StoreConfig, log: (line: string) => void): Promise<ClickHouse> {
  const clickhouse = await openClickHouse({
    url: config.CLICKHOUSE_URL,
    user: config.CLICKHOUSE_USER,
    password: config.CLICKHOUSE_PASSWORD,
    database: config.CLICKHOUSE_DATABASE,
    dataDir: join(config.BYLINE_DATA_DIR, 'clickhouse'),
  });
  try {
    const ran = await applyMigrations(clickhouse.client, await readMigrations(MIGRATIONS_DIR));
    if (ran.length > 0) log(`ClickHouse migrations applied: ${ran.join(', ')}`);
    log(
      clickhouse.embedded
        ? `embedded ClickHouse (chDB) in ${join(config.BYLINE_DATA_DIR, 'clickhouse')}`
        : 'ClickHouse server',
    );
  } catch (error) {
    await clickhouse.close();
    throw error;
  }
  return clickhouse;
}
