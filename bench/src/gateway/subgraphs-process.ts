/**
 * The three subgraphs in one child process, on free ports, sharing the bench
 * secret: content and accounts on the given (seeded) database, analytics on
 * its own embedded ClickHouse filled with views and shares of those articles.
 * argv: <databaseUrl> <dataDir> <events>.
 */
import { randomBytes } from 'node:crypto';
import { addUser, loadAccountsConfig, startAccountsService, systemClock } from '@byline/accounts';
import { loadAnalyticsConfig, startAnalyticsService } from '@byline/analytics';
import { loadContentConfig, startContentService } from '@byline/content';
import { serveChild } from './child.js';
import { fillReadership } from './readership-events.js';
import { BENCH_SECRET, type Subgraphs } from './subgraphs.js';

const [databaseUrl, dataDir, events] = process.argv.slice(2);
if (!databaseUrl || !dataDir || !events) throw new Error('usage: subgraphs-process <databaseUrl> <dataDir> <events>');
const common = { LOG_LEVEL: 'warn', INTERNAL_SECRET: BENCH_SECRET, BYLINE_DATA_DIR: dataDir };

await serveChild<Subgraphs>(async () => {
  const content = await startContentService(
    loadContentConfig({ ...common, DATABASE_URL: databaseUrl, CONTENT_PORT: '0' }),
  );
  const accounts = await startAccountsService(
    loadAccountsConfig({ ...common, DATABASE_URL: databaseUrl, ACCOUNTS_PORT: '0' }),
  );
  const analytics = await startAnalyticsService(
    loadAnalyticsConfig({ ...common, ANALYTICS_PORT: '0', CONTENT_URL: content.url }),
  );
  const [{ max }] = await content.db.query('SELECT max(id)::int AS max FROM articles');
  await fillReadership(analytics.store.client, Number(events), max);
  const analyst = {
    email: `analyst-${randomBytes(4).toString('hex')}@bench.example`,
    password: randomBytes(18).toString('base64url'),
  };
  const { id } = await addUser(accounts.db, systemClock, { ...analyst, role: 'analyst' });
  return {
    message: {
      urls: { content: content.url, analytics: analytics.url, accounts: accounts.url },
      analyst: { ...analyst, id },
      maxArticleId: max,
    },
    close: async () => {
      await analytics.close();
      await accounts.close();
      await content.close();
    },
  };
});
