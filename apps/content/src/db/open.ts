import { join } from 'node:path';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@byline/embedded-pg';
import type { DataSource } from 'typeorm';
import type { ContentConfig } from '../config.js';
import { createDataSource, migrate } from './data-source.js';

export interface OpenDatabase {
  db: DataSource;
  /** True when this process started its own embedded PostgreSQL. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts an embedded PostgreSQL under the data
 * folder when it is unset. Migrations run in both cases.
 */
export async function openDatabase(config: ContentConfig, log: (line: string) => void): Promise<OpenDatabase> {
  let server: EmbeddedPostgres | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    const dataDir = join(config.BYLINE_DATA_DIR, 'postgres');
    server = await startEmbeddedPostgres({ dataDir, port: config.BYLINE_PG_PORT });
    log(`embedded PostgreSQL on 127.0.0.1:${server.port} (files in ${dataDir})`);
    url = server.url;
  }
  const db = createDataSource(url, config.DB_POOL_SIZE);
  try {
    await db.initialize();
    const ran = await migrate(db);
    if (ran.length > 0) log(`migrations applied: ${ran.join(', ')}`);
  } catch (error) {
    await server?.stop();
    throw error;
  }
  return {
    db,
    embedded: server !== undefined,
    close: async () => {
      await db.destroy();
      await server?.stop();
    },
  };
}
