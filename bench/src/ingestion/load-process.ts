/**
 * The load generator, in its own process so autocannon and the collector do not
 * share an event loop: `node load-process.js '<LoadSpec JSON>'` answers one
 * LoadResult over IPC and exits.
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './load.js';
import { batchBody, nextReader, readerHeaders, singleBody } from './traffic.js';

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
let reader = spec.seed;
let acknowledged = 0;
let first = 0;
let last = 0;
const cpu = process.cpuUsage();
const result = await autocannon({
  url: spec.url,
  connections: Math.min(spec.connections, spec.requests),
  amount: spec.requests,
  timeout: 10,
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => {
        first ||= performance.now();
        reader = nextReader(reader);
        const body = spec.mode === 'single' ? singleBody(reader) : batchBody(reader);
        return { ...request, headers: readerHeaders(reader), body };
      },
      onResponse: (status, body) => {
        last = performance.now();
        if (status === 202) acknowledged += (JSON.parse(body) as { accepted: number }).accepted;
      },
    },
  ],
});
// From the first request to the last answer: autocannon itself ends on its next 1 s sampling tick.
const seconds = (last - first) / 1000;
const used = process.cpuUsage(cpu);
const answer: LoadResult = {
  acknowledgedRequests: result['2xx'],
  acknowledgedEvents: acknowledged,
  failures: result.errors + result.timeouts + result.non2xx,
  seconds,
  p50: result.latency.p50,
  p99: result.latency.p99,
  cpuSeconds: (used.user + used.system) / 1e6,
};
process.send?.(answer, () => process.exit(0));
