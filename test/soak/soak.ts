/**
 * `pnpm soak [--minutes 10] [--rate N]`: against a running `pnpm start`,
 * measures capacity with a mixed load (view beacons to /collect, public
 * content queries to the gateway), then holds half of it (or --rate) for the
 * duration, recording throughput, p50/p99 latency per kind, errors and each
 * service's memory every 10 s. Writes Markdown and JSON to test/soak/results/.
 * Not part of `pnpm test`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { closedLoop, KINDS, openLoop, percentile, type Recorder, Window } from './load.js';
import { alive, findServices, residentMb } from './processes.js';
import { type KindStats, markdown, type Sample, type SoakReport, verdicts } from './report.js';
import { loadCatalogue, mixedRequests, type Targets } from './traffic.js';

const USAGE =
  'usage: pnpm soak [--minutes 10] [--rate REQUESTS_PER_SECOND] [--concurrency 32] [--capacity-seconds 20] [--label TEXT]\n' +
  '       GATEWAY_URL (default http://127.0.0.1:4000/graphql), COLLECT_URL (default http://127.0.0.1:4002/collect)';
const SAMPLE_EVERY_MS = 10_000;
const RESULTS = new URL('../results/', import.meta.url);

function fail(message: string): never {
  console.error(`soak: ${message}\n${USAGE}`);
  process.exit(2);
}

function numberFlag(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!(/^\d+(\.\d+)?$/.test(value) && number >= min && number <= max)) {
    fail(`--${name}: expected a number from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

/** Only ever this machine: the load is made up and heavy. */
function loopback(name: string, value: string): URL {
  if (!URL.canParse(value)) fail(`${name} is not a URL: ${value}`);
  const url = new URL(value);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) fail(`${name} must be on this machine: ${value}`);
  return url;
}

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      minutes: { type: 'string' },
      rate: { type: 'string' },
      concurrency: { type: 'string' },
      'capacity-seconds': { type: 'string' },
      label: { type: 'string' },
    },
    strict: true,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const minutes = numberFlag('minutes', values.minutes, 10, 0.5, 24 * 60);
const concurrency = numberFlag('concurrency', values.concurrency, 32, 1, 1_000);
const capacitySeconds = numberFlag('capacity-seconds', values['capacity-seconds'], 20, 5, 600);
const targets: Targets = {
  gateway: loopback('GATEWAY_URL', process.env.GATEWAY_URL || 'http://127.0.0.1:4000/graphql'),
  collect: loopback('COLLECT_URL', process.env.COLLECT_URL || 'http://127.0.0.1:4002/collect'),
};

const services = findServices(Number(targets.gateway.port || 80));
const metricsUrl = new URL('/metrics', targets.collect);
const catalogue = await loadCatalogue(targets.gateway);
const next = mixedRequests(targets, catalogue);
const startedAt = new Date().toISOString();
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  memoryGb: totalmem() / 2 ** 30,
  node: process.version,
  os: `Linux ${release()}`,
  loadAverageAtStart: loadavg(),
};
console.log(
  `soak: ${machine.cores} cores, ${(freemem() / 2 ** 30).toFixed(1)} of ${machine.memoryGb.toFixed(1)} GiB free, ` +
    `load ${machine.loadAverageAtStart.map((n) => n.toFixed(2)).join(' ')}; services: ${services.map((s) => `${s.name}(${s.pid})`).join(' ')}`,
);

function stats(window: Window, seconds: number): Record<(typeof KINDS)[number], KindStats> {
  const entries = KINDS.map((kind) => {
    const latencies = window.latencies[kind];
    return [
      kind,
      {
        rps: latencies.length / seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        errors: window.errors[kind],
        rateLimited: window.rateLimited[kind],
      },
    ];
  });
  return Object.fromEntries(entries) as Record<(typeof KINDS)[number], KindStats>;
}

async function spool(): Promise<Sample['spool']> {
  try {
    const body = (await (await fetch(metricsUrl, { signal: AbortSignal.timeout(2_000) })).json()) as {
      spooledRows: number;
      lagMs: number;
      insertFailures: number;
    };
    return { rows: body.spooledRows, lagMs: body.lagMs, insertFailures: body.insertFailures };
  } catch {
    return undefined;
  }
}

// Capacity: a short warm-up, then as fast as the services answer.
const recorder: Recorder = { current: new Window() };
console.log(
  `soak: measuring capacity, ${concurrency} concurrent requests for ${capacitySeconds} s (after 5 s warm-up)`,
);
await closedLoop(concurrency, 5_000, next, recorder);
recorder.current = new Window();
await closedLoop(concurrency, capacitySeconds * 1000, next, recorder);
const capacityKinds = stats(recorder.current, capacitySeconds);
const capacityRps = KINDS.reduce((sum, kind) => sum + capacityKinds[kind].rps, 0);
const rate = Math.max(1, Math.round(numberFlag('rate', values.rate, capacityRps / 2, 1, 1_000_000)));
console.log(`soak: capacity ${capacityRps.toFixed(0)} req/s; holding ${rate} req/s for ${minutes} min`);
if (KINDS.some((kind) => capacityKinds[kind].rateLimited > 0)) {
  console.warn('soak: some requests were rate-limited while measuring capacity: the limits, not the service, set it');
}

// Soak: a fixed rate, sampled every 10 s, until the time is up, Ctrl-C, or a service is gone.
let interrupted: string | undefined;
process.once('SIGINT', () => {
  interrupted = 'stopped by Ctrl-C';
});
const samples: Sample[] = [];
const soakStart = performance.now();
recorder.current = new Window();
const sampler = setInterval(async () => {
  const window = recorder.current;
  recorder.current = new Window();
  const seconds = (performance.now() - window.startedAt) / 1000;
  const kinds = stats(window, seconds);
  const sample: Sample = {
    t: Math.round((performance.now() - soakStart) / 1000),
    requests: KINDS.reduce(
      (sum, kind) => sum + window.latencies[kind].length + window.errors[kind] + window.rateLimited[kind],
      window.shed,
    ),
    rps: KINDS.reduce((sum, kind) => sum + kinds[kind].rps, 0),
    kinds,
    shed: window.shed,
    load1: loadavg()[0] ?? 0,
    rssMb: residentMb(services),
    spool: await spool(),
  };
  samples.push(sample);
  const gone = services.filter((service) => !alive(service.pid)).map((service) => service.name);
  if (gone.length > 0) {
    interrupted ??= `service process gone: ${gone.join(', ')}`;
    // Taken while it was going: no memory or latency to judge by.
    samples.pop();
  }
  console.log(
    `soak: t=${sample.t}s ${sample.rps.toFixed(0)} req/s, collect p99 ${kinds.collect.p99.toFixed(1)} ms, ` +
      `graphql p99 ${kinds.graphql.p99.toFixed(1)} ms, errors ${kinds.collect.errors + kinds.graphql.errors}, ` +
      `RSS ${Object.entries(sample.rssMb)
        .map(([name, mb]) => `${name} ${mb.toFixed(0)}`)
        .join(' ')} MB`,
  );
}, SAMPLE_EVERY_MS);
await openLoop(rate, minutes * 60_000, next, recorder, () => interrupted !== undefined);
clearInterval(sampler);

const warmUpSeconds = minutes >= 3 ? 60 : SAMPLE_EVERY_MS / 1000;
const trends = verdicts(samples, warmUpSeconds);
const sum = (pick: (sample: Sample) => number) => samples.reduce((total, sample) => total + pick(sample), 0);
const report: SoakReport = {
  startedAt,
  label: values.label ?? '',
  machine,
  targets: { gateway: targets.gateway.href, collect: targets.collect.href },
  services: Object.fromEntries(services.map((service) => [service.name, service.pid])),
  capacity: { concurrency, seconds: capacitySeconds, rps: capacityRps, kinds: capacityKinds },
  soak: { rate, minutes, warmUpSeconds },
  ...(interrupted ? { interrupted } : {}),
  samples,
  trends,
  totals: {
    requests: sum((s) => s.requests),
    errors: sum((s) => s.kinds.collect.errors + s.kinds.graphql.errors),
    rateLimited: sum((s) => s.kinds.collect.rateLimited + s.kinds.graphql.rateLimited),
    shed: sum((s) => s.shed),
  },
  flat: trends.length > 0 && trends.every((t) => t.flat),
};
await mkdir(RESULTS, { recursive: true });
const name = `soak-${startedAt.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')}`;
await writeFile(new URL(`${name}.json`, RESULTS), `${JSON.stringify(report, null, 2)}\n`);
await writeFile(new URL(`${name}.md`, RESULTS), markdown(report));
console.log(
  `soak: ${trends.length === 0 ? 'no verdict (too short)' : report.flat ? 'flat' : 'NOT flat'}; results in test/soak/results/${name}.{md,json}`,
);
