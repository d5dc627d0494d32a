import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANONYMOUS, IDENTITY_HEADER, type Identity, type Role, serviceHeaders, signIdentity } from '@byline/auth';
import { createTestDatabase } from '@byline/testing';
import { inject } from 'vitest';
import { loadAccountsConfig } from '../../src/config.js';
import { type AccountsService, startAccountsService } from '../../src/service.js';
import { addUser } from '../../src/users/users.js';

export const SECRET = 'accounts-test-secret-at-least-32-characters';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestAccounts {
  service: AccountsService;
  dataDir: string;
  /** Moves the service's clock forward. */
  advance(ms: number): void;
  /** POSTs an operation to /graphql signed as `identity` (default: an anonymous reader at 10.0.0.1). */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity,
  ): Promise<GraphQLResult<T>>;
  /** POSTs to /authenticate as the gateway (or with the headers given). */
  authenticate(
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Adds a user straight to the database. */
  addUser(email: string, role: Role, password: string): Promise<string>;
  /** Every user, API token and session row, to show that a refused operation changed nothing. */
  snapshot(): Promise<unknown>;
  /** Signs in through GraphQL and returns the session token and the identity the gateway would sign. */
  signIn(email: string, password: string, ip?: string): Promise<{ token: string; identity: Identity }>;
  close(): Promise<void>;
}

export const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

/** A running accounts service of its own (HTTP on a free port) on a fresh database, with a clock the test moves. */
export async function startTestAccounts(env: Record<string, string> = {}): Promise<TestAccounts> {
  const database = await createTestDatabase(inject('pgAdminUrl'), 'accounts');
  const dataDir = await mkdtemp(join(tmpdir(), 'byline-accounts-'));
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  const service = await startAccountsService(
    loadAccountsConfig({
      DATABASE_URL: database.url,
      ACCOUNTS_PORT: '0',
      BYLINE_DATA_DIR: dataDir,
      INTERNAL_SECRET: SECRET,
      LOG_LEVEL: 'silent',
      ...env,
    }),
    { clock },
  );
  const base = service.url.replace(/\/graphql$/, '');

  const gql: TestAccounts['gql'] = async (query, variables, identity = { ...ANONYMOUS, ip: '10.0.0.1' }) => {
    const response = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(identity, SECRET, 'accounts') },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as never;
  };

  const authenticate: TestAccounts['authenticate'] = async (
    body,
    headers = serviceHeaders('gateway', SECRET, 'accounts'),
  ) => {
    const response = await fetch(`${base}/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  return {
    service,
    dataDir,
    advance: (ms) => {
      offset += ms;
    },
    gql,
    authenticate,
    addUser: async (email, role, password) => (await addUser(service.db, clock, { email, role, password })).id,
    snapshot: () =>
      service.db.query(
        `SELECT (SELECT json_agg(u ORDER BY id) FROM accounts.users u) AS users,
                (SELECT json_agg(t ORDER BY id) FROM accounts.api_tokens t) AS tokens,
                (SELECT json_agg(s ORDER BY id) FROM accounts.sessions s) AS sessions`,
      ),
    signIn: async (email, password, ip = '10.0.0.1') => {
      const result = await gql<{ login: { token: string } }>(LOGIN, { email, password }, { ...ANONYMOUS, ip });
      const token = result.data?.login.token;
      if (!token) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
      const { body } = await authenticate({ token });
      return { token, identity: { ...(body.identity as Identity), ip } };
    },
    close: async () => {
      await service.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The error code and field of the first error, for compact assertions. */
export function firstError(result: GraphQLResult): { code: unknown; field: unknown; message: string } | undefined {
  const error = result.errors?.[0];
  return error && { code: error.extensions?.code, field: error.extensions?.field, message: error.message };
}
