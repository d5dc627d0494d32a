import { DataSource } from 'typeorm';
import { ContentSchema1764028800000 } from './migrations/1764028800000-content-schema.js';
import { OneEditionPerStory1764115200000 } from './migrations/1764115200000-one-edition-per-story.js';

/** Versioned schema changes, applied in order; never `synchronize`. */
export const migrations = [ContentSchema1764028800000, OneEditionPerStory1764115200000];

export function createDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, application_name: 'byline-content' },
  });
}

/** Applies pending migrations; returns the names of those it ran. */
export async function migrate(db: DataSource): Promise<string[]> {
  const ran = await db.runMigrations({ transaction: 'each' });
  return ran.map((migration) => migration.name);
}
