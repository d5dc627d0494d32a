import { createTestDatabase, type TestDatabase } from '@byline/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDataSource, migrate, migrations } from '../src/db/data-source.js';

let database: TestDatabase;
let db: DataSource;

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'), 'migrations');
  db = createDataSource(database.url, 2);
  await db.initialize();
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

const tables = async () =>
  (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map(
    (row: { tablename: string }) => row.tablename,
  );

describe('migrations', () => {
  it('build the schema from an empty database', async () => {
    expect(await tables()).toEqual([]);
    expect(await migrate(db)).toEqual(migrations.map((migration) => migration.name));
    expect(await tables()).toEqual([
      'article_authors',
      'article_tags',
      'articles',
      'authors',
      'migrations',
      'sections',
      'tags',
    ]);
  });

  it('index every filter and sort of the API, and search with GIN', async () => {
    const indexes: { indexname: string; indexdef: string }[] = await db.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
    );
    const definition = (name: string) => indexes.find((index) => index.indexname === name)?.indexdef ?? '';
    expect(definition('articles_search_idx')).toContain('USING gin (search)');
    expect(definition('articles_section_feed_idx')).toContain('(section_id, edition, status, listed_at DESC, id DESC)');
    expect(definition('articles_edition_feed_idx')).toContain('(edition, status, listed_at DESC, id DESC)');
    expect(definition('articles_feed_idx')).toContain('(status, listed_at DESC, id DESC)');
    expect(definition('article_authors_author_idx')).toContain('(author_id, article_id)');
    expect(definition('article_tags_tag_idx')).toContain('(tag_id, article_id)');
    expect(definition('articles_edition_slug_key')).toContain('UNIQUE INDEX');
  });

  it('are not applied twice, and revert cleanly', async () => {
    expect(await migrate(db)).toEqual([]);
    for (const _ of migrations) await db.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['migrations']);
    expect(await migrate(db)).toHaveLength(migrations.length);
  });
});
