/**
 * `node demo/dist/cli/seed-readership.js [--events N] [--seed N]`: fills
 * an empty analytics store with demo readership of the content subgraph's
 * articles (CONTENT_URL) for the 90 days up to now. For ClickHouse servers
 * (CLICKHOUSE_URL), or the embedded chDB while the analytics service is not
 * running (chDB allows one process per data folder). Never writes into a
 * store that already has views.
 */
import { parseArgs } from 'node:util';
import { openAnalyticsStore } from '@byline/analytics';
import { serviceHeaders } from '@byline/auth';
import { exitOnConfigError } from '@byline/config';
import { createLogger } from '@byline/http';
import { type DemoConfig, loadDemoConfig } from '../config.js';
import { DEMO_SEED } from '../readership/generate.js';
import { seedDemoReadership } from '../readership/seed-if-empty.js';
import { integerFlag, usageError } from './flags.js';

const USAGE = 'usage: seed-readership [--events N] [--seed N]';

let values: { events?: string; seed?: string };
try {
  ({ values } = parseArgs({ options: { events: { type: 'string' }, seed: { type: 'string' } }, strict: true }));
} catch (error) {
  usageError(error instanceof Error ? error.message : String(error), USAGE);
}
let config: DemoConfig;
try {
  config = loadDemoConfig();
} catch (error) {
  exitOnConfigError(error);
}
const events = integerFlag('events', values.events, { min: 0, max: 1_000_000_000, usage: USAGE }) ?? config.events;
const seed = integerFlag('seed', values.seed, { min: 0, max: 0xffffffff, usage: USAGE }) ?? DEMO_SEED;
const log = createLogger(config.logLevel);
if (events === 0) {
  log.info('demo readership: DEMO_EVENTS is 0 and no --events given: nothing to seed');
  process.exit(0);
}
const store = await openAnalyticsStore(config.clickhouse, (line) => log.info(line));
const outcome = await seedDemoReadership(store.client, {
  contentUrl: config.contentUrl,
  contentHeaders: () => serviceHeaders('demo', config.internalSecret, 'content'),
  endAt: new Date(),
  timeZone: config.timeZone,
  events,
  seed,
  log,
});
await store.close();
process.exit(outcome === 'failed' ? 1 : 0);
