import type { Identity } from '@byline/auth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { firstError, LOGIN, startTestAccounts, type TestAccounts } from './support/accounts.js';

let accounts: TestAccounts;
let admin: Identity;
let userId: string;

beforeAll(async () => {
  accounts = await startTestAccounts();
  const adminId = await accounts.addUser('admin@byline.example', 'admin', 'the admin’s password here');
  admin = { sub: `user:${adminId}`, role: 'admin' };
  userId = await accounts.addUser('taken@byline.example', 'viewer', 'a viewer’s password here');
});
afterAll(() => accounts?.close());

const CREATE = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }';
const good = { email: 'new@byline.example', role: 'EDITOR', password: 'twelve chars' };

const cases: [string, string, Record<string, unknown>, string][] = [
  ['an email without @', CREATE, { input: { ...good, email: 'not-an-email' } }, 'input.email'],
  [
    'an email of 255 characters',
    CREATE,
    { input: { ...good, email: `${'a'.repeat(243)}@byline.example` } },
    'input.email',
  ],
  [
    'an email already used, in another case',
    CREATE,
    { input: { ...good, email: 'TAKEN@byline.example' } },
    'input.email',
  ],
  ['a password of 11 characters', CREATE, { input: { ...good, password: 'eleven char' } }, 'input.password'],
  ['a password of 257 characters', CREATE, { input: { ...good, password: 'p'.repeat(257) } }, 'input.password'],
  ['a blank name', CREATE, { input: { ...good, name: '   ' } }, 'input.name'],
  ['a name of 101 characters', CREATE, { input: { ...good, name: 'n'.repeat(101) } }, 'input.name'],
  ['an unknown user', UPDATE, { id: '987654', input: { name: 'x' } }, 'id'],
  ['a malformed user id', UPDATE, { id: 'abc', input: { name: 'x' } }, 'id'],
  ['a short new password', UPDATE, { id: 'USER', input: { password: 'short' } }, 'input.password'],
  ['demoting the last admin', UPDATE, { id: 'ADMIN', input: { role: 'EDITOR' } }, 'input.role'],
  ['disabling the last admin', UPDATE, { id: 'ADMIN', input: { disabled: true } }, 'input.disabled'],
  ['revoking sessions of nobody', 'mutation { revokeSessions(userId: "987654") }', {}, 'userId'],
  ['revoking an unknown API token', 'mutation { revokeApiToken(id: "987654") { id } }', {}, 'id'],
  ['a list of 1001 users', '{ users(first: 1001) { id } }', {}, 'first'],
  [
    'a token name of 101 characters',
    `mutation { createApiToken(input: { name: "${'t'.repeat(101)}", role: VIEWER, expiresInDays: 1 }) { token } }`,
    {},
    'input.name',
  ],
  ['a login email of 255 characters', LOGIN, { email: 'e'.repeat(255), password: 'whatever password' }, 'email'],
  ['a login password of 257 characters', LOGIN, { email: 'a@b', password: 'p'.repeat(257) }, 'password'],
];

for (const [what, query, variables, field] of cases) {
  it(`refuses ${what} as BAD_USER_INPUT naming ${field}, writing nothing`, async () => {
    const resolved = JSON.parse(
      JSON.stringify(variables)
        .replace('"USER"', `"${userId}"`)
        .replace('"ADMIN"', `"${admin.sub.slice(5)}"`),
    );
    const before = await accounts.snapshot();
    const result = await accounts.gql(query, resolved, admin);
    expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await accounts.snapshot()).toEqual(before);
  });
}
