import type { Identity } from '@byline/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestAccounts, type TestAccounts } from './support/accounts.js';

let accounts: TestAccounts;
let admin: Identity;
const PASSWORD = 'correct horse battery staple';
const HOUR = 3_600_000;

beforeAll(async () => {
  accounts = await startTestAccounts({ SESSION_TTL_HOURS: '2' });
  await accounts.addUser('admin@byline.example', 'admin', PASSWORD);
  admin = (await accounts.signIn('admin@byline.example', PASSWORD)).identity;
});
afterAll(() => accounts?.close());

const identityOf = async (token: string) => (await accounts.authenticate({ token })).body.identity as Identity | null;

describe('sessions', () => {
  it('stand for their user and role, with the session id', async () => {
    const id = await accounts.addUser('reader@byline.example', 'analyst', PASSWORD);
    const { token } = await accounts.signIn('reader@byline.example', PASSWORD);
    const [session] = await accounts.service.db.query(
      'SELECT id::text AS id FROM accounts.sessions WHERE user_id = $1 ORDER BY id DESC LIMIT 1',
      [id],
    );
    expect(await identityOf(token)).toEqual({ sub: `user:${id}`, role: 'analyst', sid: session.id });
  });

  it('expire SESSION_TTL_HOURS after login', async () => {
    await accounts.addUser('short@byline.example', 'viewer', PASSWORD);
    const { token } = await accounts.signIn('short@byline.example', PASSWORD);
    accounts.advance(2 * HOUR - 60_000);
    expect(await identityOf(token)).toMatchObject({ role: 'viewer' });
    accounts.advance(60_000);
    expect(await identityOf(token)).toBeNull();
  });

  it('end with logout, and only the session that logs out', async () => {
    await accounts.addUser('twice@byline.example', 'editor', PASSWORD);
    const first = await accounts.signIn('twice@byline.example', PASSWORD);
    const second = await accounts.signIn('twice@byline.example', PASSWORD);
    const result = await accounts.gql<{ logout: boolean }>('mutation { logout }', {}, first.identity);
    expect(result.data?.logout).toBe(true);
    expect(await identityOf(first.token)).toBeNull();
    expect(await identityOf(second.token)).toMatchObject({ role: 'editor' });
    const again = await accounts.gql<{ logout: boolean }>('mutation { logout }', {}, first.identity);
    expect(again.data?.logout).toBe(false);
  });

  it('are revoked by an admin, who learns how many were live', async () => {
    const id = await accounts.addUser('revoked@byline.example', 'marketing', PASSWORD);
    const sessions = [];
    for (let i = 0; i < 3; i++) sessions.push(await accounts.signIn('revoked@byline.example', PASSWORD));
    // One of the three has already ended: it is not counted.
    await accounts.gql('mutation { logout }', {}, sessions[0]?.identity);
    const result = await accounts.gql<{ revokeSessions: number }>(
      'mutation($id: ID!) { revokeSessions(userId: $id) }',
      { id },
      admin,
    );
    expect(result.data?.revokeSessions).toBe(2);
    for (const { token } of sessions) expect(await identityOf(token)).toBeNull();
  });

  it('end when the user is disabled, and a disabled user cannot sign in', async () => {
    const id = await accounts.addUser('disabled@byline.example', 'analyst', PASSWORD);
    const { token } = await accounts.signIn('disabled@byline.example', PASSWORD);
    const result = await accounts.gql(
      'mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { disabled } }',
      { id },
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(await identityOf(token)).toBeNull();
    await expect(accounts.signIn('disabled@byline.example', PASSWORD)).rejects.toThrow(/wrong email or password/);
  });

  it('end when an admin sets a new password; the old one stops working', async () => {
    const id = await accounts.addUser('reset@byline.example', 'viewer', PASSWORD);
    const { token } = await accounts.signIn('reset@byline.example', PASSWORD);
    const result = await accounts.gql(
      'mutation($id: ID!) { updateUser(id: $id, input: { password: "a brand new password" }) { id } }',
      { id },
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(await identityOf(token)).toBeNull();
    await expect(accounts.signIn('reset@byline.example', PASSWORD)).rejects.toThrow(/wrong email or password/);
    expect((await accounts.signIn('reset@byline.example', 'a brand new password')).token).toMatch(/^bys_/);
  });

  it('other than the current one end when users change their own password', async () => {
    await accounts.addUser('self@byline.example', 'editor', PASSWORD);
    const current = await accounts.signIn('self@byline.example', PASSWORD);
    const other = await accounts.signIn('self@byline.example', PASSWORD);
    const CHANGE = 'mutation($current: String!, $new: String!) { changePassword(current: $current, new: $new) }';
    const wrong = await accounts.gql(
      CHANGE,
      { current: 'not my password!', new: 'another good password' },
      current.identity,
    );
    expect(firstError(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'current' });
    const short = await accounts.gql(CHANGE, { current: PASSWORD, new: 'too short' }, current.identity);
    expect(firstError(short)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'new' });
    const done = await accounts.gql<{ changePassword: boolean }>(
      CHANGE,
      { current: PASSWORD, new: 'another good password' },
      current.identity,
    );
    expect(done.data?.changePassword).toBe(true);
    expect(await identityOf(current.token)).toMatchObject({ role: 'editor' });
    expect(await identityOf(other.token)).toBeNull();
  });

  it('answer `me` with the signed-in user, and null when anonymous', async () => {
    const me = await accounts.gql<{ me: { email: string; role: string } | null }>('{ me { email role } }', {}, admin);
    expect(me.data?.me).toEqual({ email: 'admin@byline.example', role: 'ADMIN' });
    expect((await accounts.gql<{ me: null }>('{ me { email } }')).data?.me).toBeNull();
  });
});
