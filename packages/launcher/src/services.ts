/** What the services started so far have told the launcher. */
export interface Launch {
  /** DATABASE_URL was set: the user's own PostgreSQL, never started nor seeded here. */
  externalDatabase: boolean;
  /** CLICKHOUSE_URL was set: the user's own ClickHouse, never seeded here. */
  externalClickHouse: boolean;
  /** Simulated readers through /collect once everything is up (`--no-traffic` turns them off). */
  traffic: boolean;
  /** The URL each started service announced (or the user gave), by service name. */
  urls: Record<string, string>;
}

export interface ServiceSpec {
  name: string;
  /** Node script, relative to the repo root. */
  script: string;
  args?: string[];
  /** `service` runs until stopped and is up once it sends `{ type: 'ready' }`; `task` is done when it exits with 0. */
  kind: 'service' | 'task';
  /** Longest wait for the ready message (service) or the exit (task). */
  timeoutMs: number;
  /** Variables the script gets on top of the launcher's own environment. */
  env?: (launch: Launch) => Record<string, string>;
  /** Why not to run it this time, if there is a reason. */
  skip?: (launch: Launch) => string | undefined;
  /** Shown with its URL in the summary once everything is up. */
  label?: string;
}

const databaseUrl = (launch: Launch) => ({ DATABASE_URL: urlOf(launch, 'postgres') });
const onlyEmbeddedDatabase = (launch: Launch) =>
  launch.externalDatabase ? 'DATABASE_URL is set: never seed your own server' : undefined;
/** Live readers for the live page: gentle, so the machine stays free for whoever is trying things. */
const TRAFFIC_RATE = '3';

/** Everything `pnpm start` runs, in start order; they stop in reverse order. */
export const services: ServiceSpec[] = [
  {
    name: 'postgres',
    script: 'packages/embedded-pg/dist/cli.js',
    kind: 'service',
    timeoutMs: 120_000,
    skip: (launch) => (launch.externalDatabase ? 'DATABASE_URL is set' : undefined),
  },
  { name: 'migrate', script: 'apps/content/dist/cli/migrate.js', kind: 'task', timeoutMs: 120_000, env: databaseUrl },
  {
    name: 'seed',
    script: 'demo/dist/cli/seed.js',
    args: ['--if-empty'],
    kind: 'task',
    timeoutMs: 600_000,
    env: databaseUrl,
    skip: onlyEmbeddedDatabase,
  },
  // Demo users before accounts starts, so its first `login` can use them.
  {
    name: 'users',
    script: 'demo/dist/cli/users.js',
    kind: 'task',
    timeoutMs: 120_000,
    env: databaseUrl,
    skip: onlyEmbeddedDatabase,
  },
  {
    name: 'content',
    script: 'apps/content/dist/main.js',
    kind: 'service',
    timeoutMs: 60_000,
    env: databaseUrl,
    label: 'content subgraph',
  },
  {
    name: 'accounts',
    script: 'apps/accounts/dist/main.js',
    kind: 'service',
    timeoutMs: 60_000,
    env: databaseUrl,
    label: 'accounts subgraph',
  },
  // Before analytics: chDB lets one process at a time open the embedded store.
  {
    name: 'readership',
    script: 'demo/dist/cli/seed-readership.js',
    kind: 'task',
    timeoutMs: 600_000,
    env: (launch) => ({ CONTENT_URL: urlOf(launch, 'content') }),
    skip: (launch) => (launch.externalClickHouse ? 'CLICKHOUSE_URL is set: never seed your own server' : undefined),
  },
  {
    name: 'analytics',
    script: 'apps/analytics/dist/main.js',
    kind: 'service',
    timeoutMs: 120_000,
    env: (launch) => ({ CONTENT_URL: urlOf(launch, 'content'), TRUSTED_PROXY_HEADER: 'x-forwarded-for' }),
    label: 'analytics subgraph (POST /collect)',
  },
  {
    name: 'gateway',
    script: 'apps/gateway/dist/main.js',
    kind: 'service',
    timeoutMs: 30_000,
    env: (launch) => ({
      CONTENT_URL: urlOf(launch, 'content'),
      ANALYTICS_URL: urlOf(launch, 'analytics'),
      ACCOUNTS_URL: urlOf(launch, 'accounts'),
      // The dashboard, in front of it here, passes the browser's address on for the per-IP login limit.
      TRUSTED_PROXY_HEADER: 'x-forwarded-for',
    }),
    label: 'GraphQL endpoint',
  },
  {
    name: 'dashboard',
    script: 'apps/dashboard/server.js',
    kind: 'service',
    timeoutMs: 30_000,
    env: (launch) => ({ GATEWAY_URL: urlOf(launch, 'gateway') }),
    label: 'readership dashboard',
  },
  {
    name: 'traffic',
    script: 'demo/dist/cli/simulate.js',
    args: ['--rate', TRAFFIC_RATE, '--status-every', '60'],
    kind: 'service',
    timeoutMs: 60_000,
    env: (launch) => ({
      GATEWAY_URL: urlOf(launch, 'gateway'),
      COLLECT_URL: new URL('/collect', urlOf(launch, 'analytics')).toString(),
    }),
    skip: (launch) => (launch.traffic ? undefined : '--no-traffic'),
  },
];

function urlOf(launch: Launch, service: string): string {
  const url = launch.urls[service];
  if (!url) throw new Error(`no URL from ${service}: it has not announced one`);
  return url;
}
