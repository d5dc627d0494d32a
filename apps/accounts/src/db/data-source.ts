import { DataSource } from 'typeorm';
import { AccountsSchema1764288000000 } from './migrations/1764288000000-accounts-schema.js';

/** The PostgreSQL schema that holds this service's tables, beside content's in the same database. */
const SCHEMA = 'accounts';

/** Versioned schema changes, applied in order; never `synchronize`. */
export const migrations = [AccountsSchema1764288000000];

export function createDataSource(url: string, poolSize = 5): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    // Also where TypeORM keeps its own `migrations` table, apart from content's.
    schema: SCHEMA,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, application_name: 'byline-accounts' },
  });
}

/** Applies pending migrations (creating the schema first); returns the names of those it ran. */
export async function migrate(db: DataSource): Promise<string[]> {
  await db.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
  const ran = await db.runMigrations({ transaction: 'each' });
  return ran.map((migration) => migration.name);
}
