import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AccountsService, addUser, loadAccountsConfig, startAccountsService, systemClock } from '@byline/accounts';
import { type AnalyticsService, loadAnalyticsConfig, startAnalyticsService } from '@byline/analytics';
import { ROLES, type Role } from '@byline/auth';
import { type ContentService, loadContentConfig, startContentService } from '@byline/content';
import { seedDemoData } from '@byline/demo';
import { loadGatewayConfig, startGateway } from '@byline/gateway';
import type { RunningService } from '@byline/http';
import { createTestDatabase, type TestDatabase } from '@byline/testing';
import { inject } from 'vitest';

interface StackUser {
  id: string;
  email: string;
  password: string;
}

interface QueryOptions {
  /** A session or API token, sent as `Authorization: Bearer …`. */
  token?: string;
  headers?: Record<string, string>;
}

interface GraphQLResponse<T> {
  status: number;
  body: {
    data?: T;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

export interface Stack {
  content: ContentService;
  analytics: AnalyticsService;
  accounts: AccountsService;
  gateway: RunningService;
  database: TestDatabase;
  /** One user per role, created before the gateway starts. */
  users: Record<Role, StackUser>;
  /** POSTs a GraphQL operation to the gateway (anonymously unless given a token); returns the HTTP status and JSON body. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: QueryOptions,
  ): Promise<GraphQLResponse<T>>;
  /** A session token of the role's user, from a real `login` through the gateway; one per role, reused. */
  tokenFor(role: Role): Promise<string>;
  close(): Promise<void>;
}

export interface StackOptions {
  articles: number;
  supergraphPath?: string;
  extraUrls?: Record<string, string>;
  /** More analytics variables, e.g. TRUSTED_PROXY_HEADER to give beacons readers from many countries. */
  analyticsEnv?: Record<string, string>;
  /** More gateway variables, e.g. a short AUTH_CACHE_MS to see revocations at once. */
  gatewayEnv?: Record<string, string>;
}

/** The internal signing secret every service of the test stack shares. */
export const STACK_SECRET = 'stack-test-secret-at-least-32-characters';

const DEMO_END = new Date('2026-01-01T00:00:00Z');

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

/**
 * The whole stack on free ports: the content subgraph on its own fresh
 * database seeded by the demo generator, the accounts subgraph on the same
 * database with a user of every role, the analytics subgraph on its own
 * embedded ClickHouse, and the gateway in front of them.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const database = await createTestDatabase(inject('pgAdminUrl'), 'e2e');
  const contentConfig = loadContentConfig({
    DATABASE_URL: database.url,
    CONTENT_PORT: '0',
    LOG_LEVEL: 'warn',
    INTERNAL_SECRET: STACK_SECRET,
  });
  const content = await startContentService(contentConfig);
  await seedDemoData(content.db, {
    articles: options.articles,
    endAt: DEMO_END,
    timeZone: contentConfig.timeZone,
    editions: contentConfig.editions,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'byline-e2e-'));
  const accounts = await startAccountsService(
    loadAccountsConfig({
      DATABASE_URL: database.url,
      ACCOUNTS_PORT: '0',
      BYLINE_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      INTERNAL_SECRET: STACK_SECRET,
    }),
  );
  const users = {} as Record<Role, StackUser>;
  for (const role of ROLES) {
    const user = { email: `${role}@stack.example`, password: `${role} password of the test stack` };
    const { id } = await addUser(accounts.db, systemClock, { ...user, role });
    users[role] = { id, ...user };
  }
  const analytics = await startAnalyticsService(
    loadAnalyticsConfig({
      BYLINE_DATA_DIR: dataDir,
      ANALYTICS_PORT: '0',
      CONTENT_URL: content.url,
      FLUSH_INTERVAL_MS: '200',
      LOG_LEVEL: 'warn',
      INTERNAL_SECRET: STACK_SECRET,
      ...options.analyticsEnv,
    }),
  );
  const gatewayConfig = loadGatewayConfig({
    GATEWAY_PORT: '0',
    CONTENT_URL: content.url,
    ANALYTICS_URL: analytics.url,
    ACCOUNTS_URL: accounts.url,
    LOG_LEVEL: 'warn',
    INTERNAL_SECRET: STACK_SECRET,
    // Every service shares this process's event loop: the gateway's load shedding would measure chDB's work.
    SHED_LOAD_DELAY_MS: '0',
    ...options.gatewayEnv,
  });
  if (options.supergraphPath) gatewayConfig.supergraphPath = options.supergraphPath;
  Object.assign(gatewayConfig.subgraphUrls, options.extraUrls);
  const gateway = await startGateway(gatewayConfig);

  const query: Stack['query'] = async (query, variables, { token, headers } = {}) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as never };
  };
  const tokens = new Map<Role, Promise<string>>();
  const login = async (role: Role) => {
    const { email, password } = users[role];
    const { body } = await query<{ login: { token: string } }>(LOGIN, { email, password });
    if (!body.data?.login) throw new Error(`stack: ${role} could not sign in: ${JSON.stringify(body.errors)}`);
    return body.data.login.token;
  };

  return {
    content,
    analytics,
    accounts,
    gateway,
    database,
    users,
    query,
    tokenFor: (role) => {
      let token = tokens.get(role);
      if (!token) {
        token = login(role);
        tokens.set(role, token);
        token.catch(() => tokens.delete(role));
      }
      return token;
    },
    close: async () => {
      await gateway.close();
      await analytics.close();
      await accounts.close();
      await content.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
