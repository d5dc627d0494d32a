import { fileURLToPath } from 'node:url';
import {
  applyMigrations,
  type ClickHouse,
  type ClickHouseOptions,
  openClickHouse,
  readMigrations,
} from '@byline/clickhouse';

/** The .sql migrations ship beside the compiled code: src/ and dist/ both resolve to the source folder. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../src/clickhouse/migrations', import.meta.url));

/** ClickHouse server or embedded chDB, with every pending migration applied. */
export async function openAnalyticsStore(options: ClickHouseOptions, log: (line: string) => void): Promise<ClickHouse> {
  const clickhouse = await openClickHouse(options);
  try {
    const ran = await applyMigrations(clickhouse.client, await readMigrations(MIGRATIONS_DIR));
    if (ran.length > 0) log(`ClickHouse migrations applied: ${ran.join(', ')}`);
    log(clickhouse.embedded ? `embedded ClickHouse (chDB) in ${options.dataDir}` : 'ClickHouse server');
  } catch (error) {
    await clickhouse.close();
    throw error;
  }
  return clickhouse;
}
