import { join } from 'node:path';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './server.js';

/** Where an app's PostgreSQL is: a server, or an embedded one this process starts. */
export interface PostgresLocation {
  /** A PostgreSQL server's URL; undefined starts an embedded one. */
  url: string | undefined;
  /** The data folder; the embedded cluster lives in its `postgres` subfolder. */
  dataDir: string;
  /** Loopback port of the embedded server. */
  port: number;
}

export interface OpenDatabaseOptions extends PostgresLocation {
  log: (line: string) => void;
}

/** What an app connects with (a TypeORM DataSource fits). */
export interface Connectable {
  initialize(): Promise<unknown>;
  destroy(): Promise<void>;
}

export interface OpenedDatabase<T extends Connectable> {
  db: T;
  /** True when this process started its own embedded PostgreSQL. */
  embedded: boolean;
  /** Disconnects, then stops the embedded server if there is one. */
  close(): Promise<void>;
}

/**
 * Connects to `url`, or to an embedded PostgreSQL started under the data
 * folder when it is unset, and applies the app's pending migrations. When
 * that fails, the connection is closed and the embedded server stopped again.
 */
export async function openMigratedDatabase<T extends Connectable>(
  options: OpenDatabaseOptions,
  create: (url: string) => T,
  migrate: (db: T) => Promise<string[]>,
): Promise<OpenedDatabase<T>> {
  let server: EmbeddedPostgres | undefined;
  let url = options.url;
  if (!url) {
    const dataDir = join(options.dataDir, 'postgres');
    server = await startEmbeddedPostgres({ dataDir, port: options.port });
    options.log(`embedded PostgreSQL on 127.0.0.1:${server.port} (files in ${dataDir})`);
    url = server.url;
  }
  const db = create(url);
  try {
    await db.initialize();
    const ran = await migrate(db);
    if (ran.length > 0) options.log(`migrations applied: ${ran.join(', ')}`);
  } catch (error) {
    await db.destroy().catch(() => {});
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

/** `/readyz` checks for a service whose dependency is PostgreSQL: no driver message (it names hosts) in the answer. */
export async function postgresReadiness(db: { query(sql: string): Promise<unknown> }) {
  try {
    await db.query('SELECT 1');
    return { ready: true, checks: { postgres: 'ok' } };
  } catch {
    return { ready: false, checks: { postgres: 'unreachable' } };
  }
}
