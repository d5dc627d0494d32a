import { type AccountsService, addUser, loadAccountsConfig, startAccountsService, systemClock } from '@byline/accounts';
import { type AnalyticsService, loadAnalyticsConfig, startAnalyticsService } from '@byline/analytics';
import { serviceHeaders } from '@byline/auth';
import { loadContentConfig, startContentService } from '@byline/content';
import { seedDemoData, seedDemoReadership } from '@byline/demo';
import { loadGatewayConfig, startGateway } from '@byline/gateway';
import type { RunningService } from '@byline/http';
import { createTestDatabase, startTestPostgres } from '@byline/testing';

const SECRET = 'bench-dashboard-secret-at-least-32-characters';

export interface Analyst {
  email: string;
  password: string;
}

export interface DashboardStack {
  gatewayUrl: string;
  analytics: AnalyticsService;
  analyst: Analyst;
  /** Readership rows written by the demo generator (views, shares and engagement heartbeats). */
  events: number;
  close(): Promise<void>;
}

export interface StackSize {
  articles: number;
  events: number;
}

/** Rows the demo generator has written so far, over its three tables. */
async function rowsIn(analytics: AnalyticsService): Promise<number> {
  const result = await analytics.store.client.query({
    query:
      'SELECT (SELECT count() FROM views) + (SELECT count() FROM shares) + (SELECT count() FROM engagement) AS rows',
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ rows: string }>();
  return Number(row?.rows ?? 0);
}

/**
 * The whole product in-process on free ports, as `pnpm start` runs it: a
 * throwaway PostgreSQL with demo articles ending now, accounts with one
 * analyst, analytics on embedded ClickHouse filled by the demo readership
 * generator through the service's own client (chDB: one process per data
 * folder), and the gateway in front.
 */
export async function startDashboardStack(workDir: string, size: StackSize, log: (line: string) => void) {
  const postgres = await startTestPostgres();
  const closers: (() => Promise<void>)[] = [() => postgres.stop()];
  const close = async () => {
    for (const closer of closers.reverse()) await closer();
  };
  try {
    const database = await createTestDatabase(postgres.adminUrl, 'bench_dashboard');
    closers.push(() => database.drop());
    const env = { LOG_LEVEL: 'warn', INTERNAL_SECRET: SECRET, BYLINE_DATA_DIR: workDir };
    const contentConfig = loadContentConfig({ ...env, DATABASE_URL: database.url, CONTENT_PORT: '0' });
    const content = await startContentService(contentConfig);
    closers.push(() => content.close());
    await seedDemoData(content.db, {
      articles: size.articles,
      endAt: new Date(),
      timeZone: contentConfig.timeZone,
      editions: contentConfig.editions,
    });
    log(`content: ${size.articles} demo articles`);

    const accounts: AccountsService = await startAccountsService(
      loadAccountsConfig({ ...env, DATABASE_URL: database.url, ACCOUNTS_PORT: '0' }),
    );
    closers.push(() => accounts.close());
    const analyst = { email: 'analyst@bench.example', password: 'analyst password of the dashboard bench' };
    await addUser(accounts.db, systemClock, { ...analyst, role: 'analyst' });

    const analytics = await startAnalyticsService(
      loadAnalyticsConfig({
        ...env,
        ANALYTICS_PORT: '0',
        CONTENT_URL: content.url,
      }),
    );
    closers.push(() => analytics.close());
    const started = performance.now();
    const outcome = await seedDemoReadership(analytics.store.client, {
      contentUrl: content.url,
      contentHeaders: () => serviceHeaders('demo', SECRET, 'content'),
      endAt: new Date(),
      timeZone: contentConfig.timeZone,
      events: size.events,
      log: { info: () => {}, error: (message, error) => log(`${message}: ${String(error)}`) },
    });
    const rows = await rowsIn(analytics);
    if (outcome !== 'seeded' || rows < size.events) throw new Error(`demo readership: ${outcome}, ${rows} rows`);
    log(`analytics: ${rows} demo events in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const gateway: RunningService = await startGateway(
      loadGatewayConfig({
        ...env,
        GATEWAY_PORT: '0',
        CONTENT_URL: content.url,
        ANALYTICS_URL: analytics.url,
        ACCOUNTS_URL: accounts.url,
        // As `pnpm start`: the dashboard forwards the browser's address on sign-in.
        TRUSTED_PROXY_HEADER: 'x-forwarded-for',
        // Every service shares this process's event loop: the gateway's load shedding would measure chDB's work.
        SHED_LOAD_DELAY_MS: '0',
      }),
    );
    closers.push(() => gateway.close());
    return { gatewayUrl: gateway.url, analytics, analyst, events: rows, close } satisfies DashboardStack;
  } catch (error) {
    await close();
    throw error;
  }
}
