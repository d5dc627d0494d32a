import { type OpenedDatabase, openMigratedDatabase } from '@byline/embedded-pg';
import type { DataSource } from 'typeorm';
import type { AccountsConfig } from '../config.js';
import { createDataSource, migrate } from './data-source.js';

export type OpenDatabase = OpenedDatabase<DataSource>;

/** Connects to DATABASE_URL (or an embedded PostgreSQL when unset) and applies this service's migrations. */
export function openDatabase(config: AccountsConfig, log: (line: string) => void): Promise<OpenDatabase> {
  return openMigratedDatabase({ ...config.postgres, log }, (url) => createDataSource(url, config.dbPoolSize), migrate);
}
