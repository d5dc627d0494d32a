import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface LoadSpec {
  url: string;
  mode: 'single' | 'batch';
  connections: number;
  /** Requests to send: the run ends when all are answered, so every acknowledgement is counted. */
  requests: number;
  /** Where in the reader sequence to start, so runs do not repeat each other's readers. */
  seed: number;
}

export interface LoadResult {
  acknowledgedRequests: number;
  /** Sum of `accepted` over the 202 answers. */
  acknowledgedEvents: number;
  /** Connection errors, timeouts and non-2xx answers. */
  failures: number;
  seconds: number;
  p50: number;
  p99: number;
  /** CPU the load generator itself used (user + system), to show what it takes from the collector. */
  cpuSeconds: number;
}

// Compiled: tests run the sources, whose child needs the build (`pnpm test` builds first).
const SCRIPT = fileURLToPath(new URL('../../dist/ingestion/load-process.js', import.meta.url));

/** Runs one autocannon load in a child process and returns what it measured. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const child = fork(SCRIPT, [JSON.stringify(spec)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let answer: LoadResult | undefined;
  child.once('message', (message) => {
    answer = message as LoadResult;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  if (!answer) throw new Error(`load generator exited with code ${code} before answering`);
  return answer;
}
