import { join } from 'node:path';
import { type AccountsService, addUser, loadAccountsConfig, startAccountsService, systemClock } from '@byline/accounts';
import { type AnalyticsService, loadAnalyticsConfig, startAnalyticsService } from '@byline/analytics';
import { type ContentService, loadContentConfig, startContentService } from '@byline/content';
import { seedDemoData } from '@byline/demo';
import { loadGatewayConfig, startGateway } from '@byline/gateway';
import type { RunningService } from '@byline/http';
import { createTestDatabase, startTestPostgres } from '@byline/testing';

const SECRET = 'bench-readership-secret-at-least-32-characters';
const ANALYST = { email: 'analyst@bench.example', password: 'analyst password of the bench stack' };

export interface ReadershipStack {
  content: ContentService;
  analytics: AnalyticsService;
  gateway: RunningService;
  /** POSTs one operation to the gateway as the signed-in analyst; throws on any GraphQL error. */
  query(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * Content (seeded with `articles` demo articles), accounts with one analyst,
 * analytics on embedded chDB in `workDir/analytics` with no demo events, and
 * the gateway (with the given subgraph deadline), all in this process on free ports.
 */
export async function startReadershipStack(
  workDir: string,
  articles: number,
  endAt: Date,
  subgraphTimeoutMs: number,
): Promise<ReadershipStack> {
  const postgres = await startTestPostgres();
  const database = await createTestDatabase(postgres.adminUrl, 'bench');
  const common = { LOG_LEVEL: 'warn', INTERNAL_SECRET: SECRET };
  const contentConfig = loadContentConfig({ ...common, DATABASE_URL: database.url, CONTENT_PORT: '0' });
  const content = await startContentService(contentConfig);
  await seedDemoData(content.db, {
    articles,
    endAt,
    timeZone: contentConfig.timeZone,
    editions: contentConfig.editions,
  });
  const accounts: AccountsService = await startAccountsService(
    loadAccountsConfig({
      ...common,
      DATABASE_URL: database.url,
      ACCOUNTS_PORT: '0',
      BYLINE_DATA_DIR: join(workDir, 'accounts'),
    }),
  );
  await addUser(accounts.db, systemClock, { ...ANALYST, role: 'analyst' });
  const analytics = await startAnalyticsService(
    loadAnalyticsConfig({
      ...common,
      BYLINE_DATA_DIR: join(workDir, 'analytics'),
      ANALYTICS_PORT: '0',
      CONTENT_URL: content.url,
    }),
  );
  const gateway = await startGateway(
    loadGatewayConfig({
      ...common,
      GATEWAY_PORT: '0',
      CONTENT_URL: content.url,
      ANALYTICS_URL: analytics.url,
      ACCOUNTS_URL: accounts.url,
      SUBGRAPH_TIMEOUT_MS: String(subgraphTimeoutMs),
      // Every service shares this process's event loop: the gateway's load shedding would measure chDB's work.
      SHED_LOAD_DELAY_MS: '0',
    }),
  );

  const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (!response.ok || body.errors || !body.data) {
      throw new Error(`gateway answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
    }
    return body.data;
  };
  const login = await post(
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    ANALYST,
  );
  const token = (login.login as { token: string }).token;

  return {
    content,
    analytics,
    gateway,
    query: (query, variables) => post(query, variables, token),
    close: async () => {
      await gateway.close();
      await analytics.close();
      await accounts.close();
      await content.close();
      await database.drop();
      await postgres.stop();
    },
  };
}
