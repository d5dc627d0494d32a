/**
 * `pnpm simulate [--rate N] [--duration S] [--status-every S]`: live demo traffic. Sends views
 * (with referrers), engagement heartbeats and shares of recent articles to
 * the local collector, as browsers of readers in several countries would, so
 * the live page moves. The collector must trust `x-forwarded-for`
 * (TRUSTED_PROXY_HEADER=x-forwarded-for, as `pnpm start` sets) to place them.
 */
import { parseArgs } from 'node:util';
import { createGeoLookup } from '@byline/analytics';
import { exitOnConfigError } from '@byline/config';
import { mix, mulberry32 } from '@byline/random';
import { type DemoConfig, loadDemoConfig } from '../config.js';
import { LiveTraffic } from '../live/live-traffic.js';
import { addressesIn, PUBLIC_IPS } from '../live/public-ips.js';
import { loadDemoCatalogue } from '../readership/catalogue.js';
import { DEMO_SITE_HOST } from '../readership/generate.js';

const USAGE =
  'usage: simulate [--rate EVENTS_PER_SECOND] [--duration SECONDS (0: until Ctrl-C)] [--status-every SECONDS]';
const DAY = 86_400_000;
const TICK_MS = 100;
const MAX_IN_FLIGHT = 200;
const RECENT_ARTICLES = 300;

function fail(message: string): never {
  console.error(`simulate: ${message}`);
  process.exit(2);
}

function numberFlag(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max))
    fail(`--${name}: expected a number from ${min} to ${max}, got "${value}"\n${USAGE}`);
  return number;
}

let values: { rate?: string; duration?: string; 'status-every'?: string };
try {
  ({ values } = parseArgs({
    options: { rate: { type: 'string' }, duration: { type: 'string' }, 'status-every': { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
const rate = numberFlag('rate', values.rate, 20, 0.1, 1_000);
const durationMs = numberFlag('duration', values.duration, 0, 0, 31 * 86_400) * 1000;
const statusEveryMs = numberFlag('status-every', values['status-every'], 5, 1, 86_400) * 1000;
let config: DemoConfig;
try {
  config = loadDemoConfig();
} catch (error) {
  exitOnConfigError(error);
}
// The catalogue is public content: asked from the gateway, like any front end.
const { gatewayUrl, collectUrl } = config;

const started = Date.now();
const articles = await loadDemoCatalogue(gatewayUrl, {
  publishedAfter: new Date(started - 30 * DAY),
  limit: RECENT_ARTICLES,
}).catch((error: unknown) => fail(`cannot list articles at ${gatewayUrl}: ${String(error)}`));
if (articles.length === 0) fail(`no article published in the last 30 days at ${gatewayUrl}`);
const geo = await createGeoLookup();
const addresses = new Map(
  Object.keys(PUBLIC_IPS)
    .map((country) => [country, addressesIn(country, geo)] as const)
    .filter(([, list]) => list.length > 0),
);
const traffic = new LiveTraffic(articles, addresses, mulberry32(mix(started)), DEMO_SITE_HOST, started);

const counts = { sent: 0, accepted: 0, rejected: 0, failed: 0 };
const statuses = new Map<number, number>();
const inFlight = new Set<Promise<void>>();
let lastError = '';

async function send(): Promise<void> {
  const beacon = traffic.next();
  counts.sent += 1;
  try {
    const response = await fetch(collectUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'user-agent': beacon.userAgent, 'x-forwarded-for': beacon.ip },
      body: JSON.stringify({ events: [beacon.event] }),
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    if (response.status === 202) counts.accepted += 1;
    else {
      counts.rejected += 1;
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  } catch (error) {
    counts.failed += 1;
    lastError = error instanceof Error ? String(error.cause ?? error.message) : String(error);
  }
}

function status(): string {
  const seconds = (Date.now() - started) / 1000;
  const byStatus = [...statuses].map(([code, n]) => `${code}×${n}`).join(' ');
  return (
    `simulate: ${seconds.toFixed(0)} s, sent ${counts.sent} (${(counts.sent / Math.max(seconds, 1)).toFixed(1)}/s), ` +
    `accepted ${counts.accepted}, rejected ${counts.rejected}${byStatus ? ` (${byStatus})` : ''}` +
    (counts.failed ? `, failed ${counts.failed} (${lastError})` : '')
  );
}

console.log(
  `simulate: ${rate} events/s to ${collectUrl} for ${articles.length} recent articles, ` +
    `${durationMs ? `for ${durationMs / 1000} s` : 'until Ctrl-C'}`,
);
const ticker = setInterval(() => {
  const due = Math.floor(((Date.now() - started) / 1000) * rate) - counts.sent;
  for (let i = 0; i < due && inFlight.size < MAX_IN_FLIGHT; i++) {
    const sending = send().finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  }
  if (durationMs > 0 && Date.now() - started >= durationMs) void stop();
}, TICK_MS);
const reporter = setInterval(() => console.log(status()), statusEveryMs);
// Run by `pnpm start`, which waits for this before it prints the summary.
process.send?.({ type: 'ready' });

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) process.exit(130); // a second Ctrl-C: leave at once
  stopping = true;
  clearInterval(ticker);
  clearInterval(reporter);
  await Promise.race([Promise.allSettled(inFlight), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  console.log(status());
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
