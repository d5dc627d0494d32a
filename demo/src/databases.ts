import * as accounts from '@byline/accounts';
import * as content from '@byline/content';
import { type OpenedDatabase, openMigratedDatabase } from '@byline/embedded-pg';
import type { DataSource } from 'typeorm';
import type { DemoConfig } from './config.js';

type Log = (line: string) => void;
/** A command needs few connections: the seeders run their statements one after another. */
const POOL_SIZE = 2;

const options = (config: DemoConfig, log: Log) => ({ ...config.postgres, log });

/** Content's database (the embedded one when DATABASE_URL is unset), migrated by content's own migrations. */
export function openContentDatabase(config: DemoConfig, log: Log): Promise<OpenedDatabase<DataSource>> {
  return openMigratedDatabase(options(config, log), (url) => content.createDataSource(url, POOL_SIZE), content.migrate);
}

/** The same database with accounts' schema, migrated by accounts' own migrations. */
export function openAccountsDatabase(config: DemoConfig, log: Log): Promise<OpenedDatabase<DataSource>> {
  return openMigratedDatabase(
    options(config, log),
    (url) => accounts.createDataSource(url, POOL_SIZE),
    accounts.migrate,
  );
}
