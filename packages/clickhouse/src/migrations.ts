import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';

export interface MigrationFile {
  /** File name, e.g. `001-events.sql`: the order and the record. */
  name: string;
  statements: string[];
}

const NAME = /^\d{3}-[a-z0-9-]+\.sql$/;

/** Reads `NNN-name.sql` files in name order; statements end with `;` at the end of a line. */
export async function readMigrations(folder: string): Promise<MigrationFile[]> {
  const names = (await readdir(folder)).filter((name) => NAME.test(name)).sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      statements: splitStatements(await readFile(join(folder, name), 'utf8')),
    })),
  );
}

function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order.
 * Statements are written to be safe to re-run (IF NOT EXISTS), so a
 * migration interrupted half-way is simply applied again.
 */
export async function applyMigrations(client: ClickHouseClient, migrations: MigrationFile[]): Promise<string[]> {
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS schema_migrations (name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
            ENGINE = ReplacingMergeTree ORDER BY name`,
  });
  const result = await client.query({ query: 'SELECT name FROM schema_migrations FINAL', format: 'JSONEachRow' });
  const applied = new Set((await result.json<{ name: string }>()).map((row) => row.name));
  const ran: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue;
    for (const statement of migration.statements) await client.command({ query: statement });
    await client.insert({ table: 'schema_migrations', values: [{ name: migration.name }], format: 'JSONEachRow' });
    ran.push(migration.name);
  }
  return ran;
}
