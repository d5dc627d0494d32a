import type { Identity } from '@byline/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startTestAccounts, type TestAccounts } from './support/accounts.js';

let accounts: TestAccounts;
let admin: Identity;
const DAY = 86_400_000;

beforeAll(async () => {
  accounts = await startTestAccounts();
  await accounts.addUser('admin@byline.example', 'admin', 'admin password for tokens');
  admin = (await accounts.signIn('admin@byline.example', 'admin password for tokens')).identity;
});
afterAll(() => accounts?.close());

const CREATE = `mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id name role expiresAt revokedAt } }
}`;

interface Created {
  createApiToken: {
    token: string;
    apiToken: { id: string; name: string; role: string; expiresAt: string; revokedAt: null };
  };
}

async function create(expiresInDays: number, role = 'ANALYST') {
  const result = await accounts.gql<Created>(CREATE, { input: { name: 'newsletter', role, expiresInDays } }, admin);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.createApiToken;
}

describe('API tokens', () => {
  it('are shown once, work as their role with their own subject, and expire on the day asked for', async () => {
    const before = Date.now();
    const { token, apiToken } = await create(30);
    expect(token).toMatch(/^byt_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ name: 'newsletter', role: 'ANALYST', revokedAt: null });
    const lifetime = new Date(apiToken.expiresAt).getTime() - before;
    expect(Math.round(lifetime / DAY)).toBe(30);
    const { body } = await accounts.authenticate({ token });
    expect(body.identity).toEqual({ sub: `token:${apiToken.id}`, role: 'analyst' });
    const listed = await accounts.gql<{ apiTokens: { id: string }[] }>('{ apiTokens { id } }', {}, admin);
    expect(listed.data?.apiTokens.map((row) => row.id)).toContain(apiToken.id);
    expect(JSON.stringify(listed)).not.toContain(token);
  });

  it('stop working when they expire', async () => {
    const { token } = await create(1, 'EDITOR');
    accounts.advance(DAY - 60_000);
    expect((await accounts.authenticate({ token })).body.identity).toMatchObject({ role: 'editor' });
    accounts.advance(60_000);
    expect((await accounts.authenticate({ token })).body.identity).toBeNull();
  });

  it('stop working when revoked', async () => {
    const { token, apiToken } = await create(10);
    const revoked = await accounts.gql<{ revokeApiToken: { revokedAt: string | null } }>(
      'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
      { id: apiToken.id },
      admin,
    );
    expect(revoked.data?.revokeApiToken.revokedAt).toBeTruthy();
    expect((await accounts.authenticate({ token })).body.identity).toBeNull();
  });

  it('are refused when their expiry is missing, zero or over 365 days, naming the field', async () => {
    for (const expiresInDays of [0, -1, 366]) {
      const result = await accounts.gql(CREATE, { input: { name: 'x', role: 'VIEWER', expiresInDays } }, admin);
      expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresInDays' });
    }
    const missing = await accounts.gql(CREATE, { input: { name: 'x', role: 'VIEWER' } }, admin);
    expect(firstError(missing)?.code).toBe('BAD_USER_INPUT');
    const [{ n }] = await accounts.service.db.query('SELECT count(*)::int AS n FROM accounts.api_tokens');
    expect(n).toBe(3);
  });

  it('are never mistaken for sessions, nor unknown tokens for anything', async () => {
    const { token } = await create(5);
    const asSession = `bys_${token.slice(4)}`;
    for (const guess of [asSession, 'byt_unknown', 'bys_unknown', 'hello']) {
      expect((await accounts.authenticate({ token: guess })).body).toEqual({ identity: null });
    }
  });
});
