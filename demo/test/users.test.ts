import { readFile, stat } from 'node:fs/promises';
import { ROLES } from '@byline/auth';
import { afterAll, beforeAll, expect, it } from 'vitest';
// The accounts app's own test service: signing in here goes through the same GraphQL and /authenticate path.
import { startTestAccounts, type TestAccounts } from '../../apps/accounts/test/support/accounts.js';
import { createDemoUsersIfNone, type DemoUser, demoUsersFile } from '../src/users/demo-users.js';

let accounts: TestAccounts;

beforeAll(async () => {
  accounts = await startTestAccounts();
});
afterAll(() => accounts?.close());

it('creates one user per role with the passwords in a 0600 file, once', async () => {
  const clock = () => new Date();
  const [created, again] = await Promise.all([
    createDemoUsersIfNone(accounts.service.db, clock, accounts.dataDir),
    createDemoUsersIfNone(accounts.service.db, clock, accounts.dataDir),
  ]);
  // Two starts at once: one creates them, the other finds them.
  expect([created.length, again.length].sort()).toEqual([0, ROLES.length]);
  const file = demoUsersFile(accounts.dataDir);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const saved: DemoUser[] = JSON.parse(await readFile(file, 'utf8'));
  expect(saved.map((user) => [user.email, user.role])).toEqual(ROLES.map((role) => [`${role}@byline.example`, role]));
  for (const user of saved) {
    const { identity } = await accounts.signIn(user.email, user.password);
    expect(identity.role).toBe(user.role);
  }
  expect(await createDemoUsersIfNone(accounts.service.db, clock, accounts.dataDir)).toEqual([]);
});
