import { mkdir } from 'node:fs/promises';
import { type ClickHouseClient, createClient } from '@clickhouse/client';

export interface ClickHouseOptions {
  /** A ClickHouse server (`http(s)://host:8123`); unset: the embedded chDB engine under `dataDir`. */
  url?: string;
  user?: string;
  password?: string;
  database: string;
  /** Where chDB keeps its files when `url` is unset (one folder per process). */
  dataDir: string;
}

export interface ClickHouse {
  client: ClickHouseClient;
  database: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * One code path for both engines: `@clickhouse/client` talks to a server over
 * HTTP, or to chDB in this process through chDB's connection adapter, so the
 * same SQL and parameter binding run on both.
 */
export async function openClickHouse(options: ClickHouseOptions): Promise<ClickHouse> {
  if (options.url) {
    const admin = createClient({ url: options.url, username: options.user, password: options.password });
    await admin.command({ query: `CREATE DATABASE IF NOT EXISTS ${identifier(options.database)}` });
    await admin.close();
    const client = createClient({
      url: options.url,
      username: options.user,
      password: options.password,
      database: options.database,
    });
    return { client, database: options.database, embedded: false, close: () => client.close() };
  }
  await mkdir(options.dataDir, { recursive: true });
  // chDB is loaded only when used: it is a 500 MB native engine. It keeps one
  // engine per process and ignores `database`: its tables live in `default`.
  const { createChdbConnection } = await import('chdb/connection');
  const client = createClient({ connection: createChdbConnection({ path: options.dataDir }) } as never);
  return { client, database: 'default', embedded: true, close: () => client.close() };
}

/** Database names cannot be bound as parameters: allow only plain identifiers. */
function identifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) throw new Error(`invalid ClickHouse database name "${name}"`);
  return name;
}
