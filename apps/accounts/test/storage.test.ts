import type { Identity } from '@byline/auth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestAccounts, type TestAccounts } from './support/accounts.js';

let accounts: TestAccounts;
let admin: Identity;
/** Every secret handed out or typed in during the test, to look for in the tables afterwards. */
const secrets: string[] = [];

beforeAll(async () => {
  accounts = await startTestAccounts();
  const password = 'admin password for storage';
  secrets.push(password);
  await accounts.addUser('admin@byline.example', 'admin', password);
  const signedIn = await accounts.signIn('admin@byline.example', password);
  admin = signedIn.identity;
  secrets.push(signedIn.token);
  const created = await accounts.gql<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email: 'new@byline.example', role: 'EDITOR', password: 'password given by an admin' } },
    admin,
  );
  expect(created.errors).toBeUndefined();
  secrets.push('password given by an admin');
  const token = await accounts.gql<{ createApiToken: { token: string } }>(
    'mutation { createApiToken(input: { name: "feed", role: VIEWER, expiresInDays: 30 }) { token } }',
    {},
    admin,
  );
  secrets.push(token.data?.createApiToken.token ?? 'missing token');
  secrets.push((await accounts.signIn('new@byline.example', 'password given by an admin')).token);
});
afterAll(() => accounts?.close());

it('stores passwords as Argon2id hashes with the OWASP parameters (19 MiB, 2 passes, 1 lane), each salted', async () => {
  const rows: { password_hash: string }[] = await accounts.service.db.query(
    'SELECT password_hash FROM accounts.users ORDER BY id',
  );
  expect(rows).toHaveLength(2);
  for (const { password_hash } of rows) {
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  }
  expect(new Set(rows.map((row) => row.password_hash.split('$')[4])).size).toBe(2);
});

it('keeps no password and no token in any table, in any form but a hash', async () => {
  expect(secrets).toHaveLength(5);
  const tables: { table_name: string }[] = await accounts.service.db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'accounts'`,
  );
  expect(tables.map((row) => row.table_name).sort()).toEqual(['api_tokens', 'migrations', 'sessions', 'users']);
  let dumped = '';
  for (const { table_name } of tables) {
    const rows = await accounts.service.db.query(`SELECT t::text AS row FROM accounts.${table_name} t`);
    dumped += rows.map((row: { row: string }) => row.row).join('\n');
  }
  expect(dumped).toContain('admin@byline.example');
  for (const secret of secrets) {
    // The secret itself, and the random part of a token as hex or base64 (how bytea or a careless encoder would show it).
    const random = secret.replace(/^by[st]_/, '');
    const forms = [
      secret,
      random,
      Buffer.from(random, 'base64url').toString('hex'),
      Buffer.from(random, 'base64url').toString('base64'),
    ];
    for (const form of forms) expect(dumped).not.toContain(form);
  }
  const [{ sessions }] = await accounts.service.db.query('SELECT count(*)::int AS sessions FROM accounts.sessions');
  expect(sessions).toBe(2);
});
