import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, their login sessions and API tokens, in the `accounts` schema. Only hashes of secrets are stored. */
export class AccountsSchema1764288000000 implements MigrationInterface {
  name = 'AccountsSchema1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE accounts.users (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        role text NOT NULL CHECK (role IN ('viewer', 'editor', 'analyst', 'marketing', 'admin')),
        disabled boolean NOT NULL DEFAULT false,
        password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        created_at timestamptz NOT NULL,
        last_login_at timestamptz
      )`);
    await db.query('CREATE UNIQUE INDEX users_email_key ON accounts.users (lower(email))');
    await db.query(`
      CREATE TABLE accounts.sessions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id bigint NOT NULL REFERENCES accounts.users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query('CREATE INDEX sessions_user_idx ON accounts.sessions (user_id) WHERE revoked_at IS NULL');
    await db.query(`
      CREATE TABLE accounts.api_tokens (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        role text NOT NULL CHECK (role IN ('viewer', 'editor', 'analyst', 'marketing', 'admin')),
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        created_by bigint REFERENCES accounts.users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE accounts.api_tokens');
    await db.query('DROP TABLE accounts.sessions');
    await db.query('DROP TABLE accounts.users');
  }
}
