/**
 * @byline/demo: everything made up, kept out of the services. Each part writes
 * through the owning app's public code or into its tables, never the other way.
 */

// content/: a deterministic newsroom (sections, authors, tags, articles in three editions) into PostgreSQL.
export {
  countArticles,
  DatabaseNotEmptyError,
  DEFAULT_SEED,
  type SeedOptions,
  type SeedSummary,
  seedDemoData,
} from './content/insert.js';
// live/: readers right now, as beacons to POST /collect (`pnpm simulate`).
export { type Beacon, LiveTraffic } from './live/live-traffic.js';
// readership/: 90 days of readers of those articles, written straight into ClickHouse's raw tables.
export { type DemoArticle, loadDemoCatalogue } from './readership/catalogue.js';
export { DEMO_DAYS, DEMO_SEED, DEMO_SITE_HOST, type DemoBatch, generateDemoEvents } from './readership/generate.js';
export { type SeedDemoOptions, type SeedOutcome, seedDemoReadership } from './readership/seed-if-empty.js';
export { type DemoCounts, writeDemoEvents } from './readership/write.js';
// users/: one sign-in per role.
export { createDemoUsersIfNone, type DemoUser, demoUsersFile } from './users/demo-users.js';
// The commands (cli/): seed.ts (`pnpm db:seed`), users.ts, seed-readership.ts, simulate.ts (`pnpm simulate`).
