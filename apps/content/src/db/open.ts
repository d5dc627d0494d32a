import { type OpenedDatabase, openMigratedDatabase } from '@byline/embedded-pg';
import type { DataSource } from 'typeorm';
import type { ContentConfig } from '../config.js';
import { createDataSource, migrate } from './data-source.js';

export type OpenDatabase = OpenedDatabase<DataSource>;

/**
 * Connects to DATABASE_URL, or starts an embedded PostgreSQL under the data
 * folder when it is unset. Migrations run in both cases.
 */
export function openDatabase(config: ContentConfig, log: (line: string) => void): Promise<OpenDatabase> {
  return openMigratedDatabase({ ...config.postgres, log }, (url) => createDataSource(url, config.dbPoolSize), migrate);
}
