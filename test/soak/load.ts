import http from 'node:http';

export type Kind = 'collect' | 'graphql';
export const KINDS: Kind[] = ['collect', 'graphql'];

export interface Request {
  kind: Kind;
  url: URL;
  headers: Record<string, string>;
  body: string;
}

/** Requests, latencies and failures of one measuring window, by kind. */
export class Window {
  readonly startedAt = performance.now();
  readonly latencies: Record<Kind, number[]> = { collect: [], graphql: [] };
  readonly errors: Record<Kind, number> = { collect: 0, graphql: 0 };
  readonly rateLimited: Record<Kind, number> = { collect: 0, graphql: 0 };
  /** Requests not sent because too many were already waiting: the target fell behind. */
  shed = 0;
}

const REQUEST_TIMEOUT_MS = 10_000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

/** One request; resolves with its outcome, never rejects. */
function send(request: Request): Promise<{ status: number; ok: boolean; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number, ok: boolean) => resolve({ status, ok, ms: performance.now() - started });
    const outgoing = http.request(
      request.url,
      {
        method: 'POST',
        agent,
        headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          // GraphQL reports failures inside a 200.
          const failed = request.kind === 'graphql' && Buffer.concat(chunks).includes('"errors"');
          done(status, status >= 200 && status < 300 && !failed);
        });
        response.on('error', () => done(response.statusCode ?? 0, false));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
    outgoing.on('error', () => done(0, false));
    outgoing.end(request.body);
  });
}

export interface Recorder {
  current: Window;
}

async function sendAndRecord(request: Request, recorder: Recorder): Promise<void> {
  const outcome = await send(request);
  const window = recorder.current;
  if (outcome.ok) window.latencies[request.kind].push(outcome.ms);
  else if (outcome.status === 429) window.rateLimited[request.kind] += 1;
  else window.errors[request.kind] += 1;
}

/** `concurrency` workers, each sending the next request as soon as its last one is answered. */
export async function closedLoop(
  concurrency: number,
  durationMs: number,
  next: () => Request,
  recorder: Recorder,
): Promise<void> {
  const end = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < end) await sendAndRecord(next(), recorder);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * `rate` requests a second on a fixed schedule, whatever the answers' pace
 * (open loop: a slow target cannot slow the load down and hide its latency).
 * Past `maxInFlight` waiting requests, new ones are shed and counted. Ends
 * early once `stopped()` says so.
 */
export async function openLoop(
  rate: number,
  durationMs: number,
  next: () => Request,
  recorder: Recorder,
  stopped: () => boolean,
  maxInFlight = 2_000,
): Promise<void> {
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  let issued = 0;
  while (performance.now() - started < durationMs && !stopped()) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; issued < due; issued++) {
      if (inFlight.size >= maxInFlight) {
        recorder.current.shed += 1;
        continue;
      }
      const request = sendAndRecord(next(), recorder).finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all(inFlight);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
