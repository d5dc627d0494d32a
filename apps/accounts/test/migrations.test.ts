import { createTestDatabase, type TestDatabase } from '@byline/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDataSource, migrate, migrations } from '../src/db/data-source.js';

let database: TestDatabase;
let db: DataSource;

beforeAll(async () => {
  database = await createTestDatabase(inject('pgAdminUrl'), 'accounts_migrations');
  db = createDataSource(database.url, 2);
  await db.initialize();
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const tables = async (schema: string) =>
  (await db.query('SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY 1', [schema])).map(
    (row: { tablename: string }) => row.tablename,
  );

describe('accounts migrations', () => {
  it('build the accounts schema beside, and apart from, whatever else is in the database', async () => {
    await db.query('CREATE TABLE public.migrations (id int)');
    expect(await migrate(db)).toEqual(migrations.map((migration) => migration.name));
    expect(await tables('accounts')).toEqual(['api_tokens', 'migrations', 'sessions', 'users']);
    expect(await tables('public')).toEqual(['migrations']);
  });

  it('make emails unique without regard to case', async () => {
    const insert = (email: string) =>
      db.query(
        `INSERT INTO accounts.users (email, name, role, password_hash, created_at) VALUES ($1, 'n', 'viewer', '$argon2id$x', now())`,
        [email],
      );
    await insert('Same@Byline.Example');
    await expect(insert('same@byline.example')).rejects.toMatchObject({ constraint: 'users_email_key' });
    await expect(
      db.query(
        `INSERT INTO accounts.users (email, name, role, password_hash, created_at) VALUES ('a@b', 'n', 'root', '$argon2id$x', now())`,
      ),
    ).rejects.toThrow(/check constraint/);
    await db.query('DELETE FROM accounts.users');
  });

  it('are not applied twice, and revert cleanly', async () => {
    expect(await migrate(db)).toEqual([]);
    for (const _ of migrations) await db.undoLastMigration({ transaction: 'each' });
    expect(await tables('accounts')).toEqual(['migrations']);
    expect(await migrate(db)).toHaveLength(migrations.length);
  });
});
