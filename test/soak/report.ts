import { KINDS, type Kind } from './load.js';

export interface KindStats {
  /** Successful requests a second. */
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  rateLimited: number;
}

export interface Sample {
  /** Seconds since the soak started, at the end of the window. */
  t: number;
  /** Requests sent in the window, answered or not. */
  requests: number;
  rps: number;
  kinds: Record<Kind, KindStats>;
  shed: number;
  /** The machine's 1-minute load average: other work on it shows here. */
  load1: number;
  rssMb: Record<string, number>;
  /** The collector's spool at that moment: rows not yet in ClickHouse, and the oldest one's age. */
  spool?: { rows: number; lagMs: number; insertFailures: number };
}

export interface Trend {
  series: string;
  mean: number;
  /** Least-squares slope, per minute. */
  slopePerMinute: number;
  /** The fitted change over the measured span. */
  change: number;
  allowed: number;
  flat: boolean;
}

/** Least-squares line through (minutes, value); the change it predicts over the span, against a tolerance. */
function trend(series: string, points: [number, number][], relative: number, absolute: number): Trend {
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxx = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  const sxy = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const span = (points.at(-1)?.[0] ?? 0) - (points[0]?.[0] ?? 0);
  const change = slope * span;
  const allowed = Math.max(relative * meanY, absolute);
  // One-sided: memory given back or latency falling (as other load on the machine eases) is no leak.
  return { series, mean: meanY, slopePerMinute: slope, change, allowed, flat: change <= allowed };
}

/** Memory may grow by 10 % (at least 16 MB), p99 latency by 25 % (at least 5 ms) over the run, after a warm-up. */
export function verdicts(samples: Sample[], warmUpSeconds: number): Trend[] {
  const measured = samples.filter((sample) => sample.t > warmUpSeconds);
  if (measured.length < 3) return [];
  const minutes = (sample: Sample) => sample.t / 60;
  const services = Object.keys(measured[0]?.rssMb ?? {});
  return [
    ...services.map((name) =>
      trend(
        `RSS ${name} (MB)`,
        measured.map((s) => [minutes(s), s.rssMb[name] ?? 0]),
        0.1,
        16,
      ),
    ),
    ...KINDS.map((kind) =>
      trend(
        `p99 ${kind} (ms)`,
        measured.map((s) => [minutes(s), s.kinds[kind].p99]),
        0.25,
        5,
      ),
    ),
  ];
}

interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  os: string;
  loadAverageAtStart: number[];
}

export interface SoakReport {
  startedAt: string;
  label: string;
  machine: Machine;
  targets: { gateway: string; collect: string };
  services: Record<string, number>;
  capacity: { concurrency: number; seconds: number; rps: number; kinds: Record<Kind, KindStats> };
  soak: { rate: number; minutes: number; warmUpSeconds: number };
  /** Why the soak ended before its time, if it did. */
  interrupted?: string;
  samples: Sample[];
  trends: Trend[];
  totals: { requests: number; errors: number; rateLimited: number; shed: number };
  flat: boolean;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

export function markdown(report: SoakReport): string {
  const { machine, capacity, soak, samples, trends, totals } = report;
  const services = Object.keys(report.services);
  const lines = [
    `# Soak ${report.startedAt}${report.label ? ` (${report.label})` : ''}`,
    '',
    `**Verdict: ${trends.length === 0 ? 'none (too few samples after the warm-up)' : report.flat ? 'flat' : 'NOT flat'}** — memory and p99 latency over ${soak.minutes} min at ${soak.rate} req/s (half the measured capacity), after a ${soak.warmUpSeconds} s warm-up; ${totals.errors} errors, ${totals.rateLimited} rate-limited, ${totals.shed} shed of ${totals.requests} requests.`,
    ...(report.interrupted ? ['', `**Interrupted after ${samples.at(-1)?.t ?? 0} s: ${report.interrupted}.**`] : []),
    '',
    '## Machine',
    '',
    `${machine.cores} cores (${machine.cpu}), ${fixed(machine.memoryGb)} GiB memory, Node ${machine.node}, ${machine.os}; load average at start ${machine.loadAverageAtStart.map((n) => fixed(n, 2)).join(' / ')}. The load generator runs on the same machine as the services.`,
    '',
    `Targets: ${report.targets.gateway} (public content queries) and ${report.targets.collect} (single-event view beacons), half each. Services (PIDs): ${services.map((name) => `${name} ${report.services[name]}`).join(', ')}.`,
    '',
    '## Capacity',
    '',
    `Closed loop, ${capacity.concurrency} concurrent requests for ${capacity.seconds} s: **${fixed(capacity.rps)} req/s** in all.`,
    '',
    '| kind | req/s | p50 ms | p99 ms | errors | rate-limited |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...KINDS.map((kind) => {
      const k = capacity.kinds[kind];
      return `| ${kind} | ${fixed(k.rps)} | ${fixed(k.p50)} | ${fixed(k.p99)} | ${k.errors} | ${k.rateLimited} |`;
    }),
    '',
    '## Trends',
    '',
    '| series | mean | slope / min | fitted change | allowed growth | flat |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...trends.map(
      (t) =>
        `| ${t.series} | ${fixed(t.mean)} | ${fixed(t.slopePerMinute, 2)} | ${fixed(t.change)} | +${fixed(t.allowed)} | ${t.flat ? 'yes' : '**no**'} |`,
    ),
    '',
    '## Every 10 seconds',
    '',
    `| t s | load | req/s | collect p50 / p99 ms | graphql p50 / p99 ms | errors | ${services.map((name) => `${name} MB`).join(' | ')} | spool rows / lag ms |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: | ${services.map(() => '---:').join(' | ')} | ---: |`,
    ...samples.map((s) => {
      const errors = KINDS.reduce((sum, kind) => sum + s.kinds[kind].errors + s.kinds[kind].rateLimited, s.shed);
      const memory = services.map((name) => fixed(s.rssMb[name] ?? 0)).join(' | ');
      const spool = s.spool ? `${s.spool.rows} / ${s.spool.lagMs}` : 'n/a';
      return `| ${s.t} | ${fixed(s.load1, 2)} | ${fixed(s.rps)} | ${fixed(s.kinds.collect.p50)} / ${fixed(s.kinds.collect.p99)} | ${fixed(s.kinds.graphql.p50)} / ${fixed(s.kinds.graphql.p99)} | ${errors} | ${memory} | ${spool} |`;
    }),
    '',
  ];
  return lines.join('\n');
}
