/**
 * `node apps/analytics/dist/cli/seed-demo.js [--events N] [--seed N]`: fills
 * an empty analytics store with demo readership of the content subgraph's
 * articles (CONTENT_URL) for the 90 days up to now. For ClickHouse servers
 * (CLICKHOUSE_URL), or the embedded chDB while the analytics service is not
 * running (chDB allows one process per data folder). Never writes into a
 * store that already has views.
 */
import { parseArgs } from 'node:util';
import { internalSecret, serviceHeaders } from '@byline/auth';
import { exitOnConfigError } from '@byline/config';
import { createLogger } from '@byline/http';
import { openAnalyticsStore } from '../clickhouse/open.js';
import { type AnalyticsConfig, loadAnalyticsConfig } from '../config.js';
import { DEMO_SEED } from '../demo/generate.js';
import { seedDemoReadership } from '../demo/seed-if-empty.js';

const USAGE = 'usage: seed-demo [--events N] [--seed N]';

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function integerFlag(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    usageError(`--${name}: expected a whole number from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

let values: { events?: string; seed?: string };
try {
  ({ values } = parseArgs({ options: { events: { type: 'string' }, seed: { type: 'string' } }, strict: true }));
} catch (error) {
  usageError(error instanceof Error ? error.message : String(error));
}
let config: AnalyticsConfig;
try {
  config = loadAnalyticsConfig();
} catch (error) {
  exitOnConfigError(error);
}
const events = integerFlag('events', values.events, config.DEMO_EVENTS, 0, 1_000_000_000);
const seed = integerFlag('seed', values.seed, DEMO_SEED, 0, 0xffffffff);
const log = createLogger(config.LOG_LEVEL);
if (events === 0) {
  log.info('demo readership: DEMO_EVENTS is 0 and no --events given: nothing to seed');
  process.exit(0);
}
const secret = internalSecret(config.INTERNAL_SECRET, config.BYLINE_DATA_DIR);
const store = await openAnalyticsStore(config, (line) => log.info(line));
const outcome = await seedDemoReadership(store.client, {
  contentUrl: config.CONTENT_URL,
  contentHeaders: () => serviceHeaders('analytics', secret, 'content'),
  endAt: new Date(),
  timeZone: config.BYLINE_TIMEZONE,
  events,
  seed,
  log,
});
await store.close();
process.exit(outcome === 'failed' ? 1 : 0);
