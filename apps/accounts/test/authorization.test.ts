import { ANONYMOUS, hasScope, type Identity, ROLES } from '@byline/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestAccounts, type TestAccounts } from './support/accounts.js';

let accounts: TestAccounts;
let userId: string;
let adminId: string;

beforeAll(async () => {
  accounts = await startTestAccounts();
  userId = await accounts.addUser('someone@byline.example', 'viewer', 'someone’s password here');
  adminId = await accounts.addUser('admin@byline.example', 'admin', 'the admin’s password here');
});
afterAll(() => accounts?.close());

/** Every user-management operation; none of them writes anything when refused. */
const ADMIN_ONLY: [string, string, () => Record<string, unknown>][] = [
  ['users', '{ users { id } }', () => ({})],
  ['apiTokens', '{ apiTokens { id } }', () => ({})],
  [
    'createUser',
    'mutation { createUser(input: { email: "x@byline.example", role: ADMIN, password: "a fine password" }) { id } }',
    () => ({}),
  ],
  ['updateUser', 'mutation($id: ID!) { updateUser(id: $id, input: { role: ADMIN }) { id } }', () => ({ id: userId })],
  ['revokeSessions', 'mutation($id: ID!) { revokeSessions(userId: $id) }', () => ({ id: userId })],
  [
    'createApiToken',
    'mutation { createApiToken(input: { name: "x", role: ADMIN, expiresInDays: 1 }) { token } }',
    () => ({}),
  ],
  ['revokeApiToken', 'mutation { revokeApiToken(id: "1") { id } }', () => ({})],
];

const callers: [string, Identity][] = [
  ['anonymous', { ...ANONYMOUS, ip: '10.0.0.1' }],
  ...ROLES.map((role): [string, Identity] => [role, { sub: 'user:999', role, sid: '1' }]),
  ['an analyst API token', { sub: 'token:1', role: 'analyst' }],
];

describe('user management', () => {
  for (const [caller, identity] of callers) {
    const expected =
      identity.role === null ? 'UNAUTHENTICATED' : hasScope(identity, 'users:manage') ? null : 'FORBIDDEN';
    if (expected === null) continue;
    it(`is refused to ${caller} (${expected}), and nothing changes`, async () => {
      const before = await accounts.snapshot();
      for (const [name, query, variables] of ADMIN_ONLY) {
        const result = await accounts.gql(query, variables(), identity);
        expect({ name, code: firstError(result)?.code, data: result.data?.[name] ?? null }).toEqual({
          name,
          code: expected,
          data: null,
        });
      }
      expect(await accounts.snapshot()).toEqual(before);
    });
  }

  it('is allowed to admins', async () => {
    const admin: Identity = { sub: `user:${adminId}`, role: 'admin' };
    for (const [name, query, variables] of ADMIN_ONLY) {
      const result = await accounts.gql(query, variables(), admin);
      // In this order every one succeeds: revokeApiToken revokes the token createApiToken made.
      expect({ name, errors: result.errors }).toEqual({ name, errors: undefined });
    }
  });
});
