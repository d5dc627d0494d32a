import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AccountsService, loadAccountsConfig, startAccountsService } from '@byline/accounts';
import { ANONYMOUS, IDENTITY_HEADER, type Identity, serviceHeaders, signIdentity } from '@byline/auth';
import { createTestDatabase } from '@byline/testing';
import { inject } from 'vitest';

const SECRET = 'demo-test-secret-at-least-32-characters';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

export interface TestAccounts {
  service: AccountsService;
  dataDir: string;
  /** Signs in through GraphQL, as the gateway would, and returns the identity accounts vouches for. */
  signIn(email: string, password: string): Promise<Identity>;
  close(): Promise<void>;
}

/** The real accounts service (HTTP on a free port) on a fresh database, to sign in as the demo users. */
export async function startTestAccounts(): Promise<TestAccounts> {
  const database = await createTestDatabase(inject('pgAdminUrl'), 'demo_accounts');
  const dataDir = await mkdtemp(join(tmpdir(), 'byline-demo-users-'));
  const service = await startAccountsService(
    loadAccountsConfig({
      DATABASE_URL: database.url,
      ACCOUNTS_PORT: '0',
      BYLINE_DATA_DIR: dataDir,
      INTERNAL_SECRET: SECRET,
      LOG_LEVEL: 'silent',
    }),
  );
  const base = service.url.replace(/\/graphql$/, '');

  const signIn = async (email: string, password: string): Promise<Identity> => {
    const login = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(ANONYMOUS, SECRET, 'accounts') },
      body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
    });
    const { data, errors } = (await login.json()) as { data?: { login: { token: string } }; errors?: unknown };
    if (!data?.login.token) throw new Error(`sign-in failed: ${JSON.stringify(errors)}`);
    const authenticated = await fetch(`${base}/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...serviceHeaders('gateway', SECRET, 'accounts') },
      body: JSON.stringify({ token: data.login.token }),
    });
    return ((await authenticated.json()) as { identity: Identity }).identity;
  };

  return {
    service,
    dataDir,
    signIn,
    close: async () => {
      await service.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
