import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ANALYTICS_MAIN = fileURLToPath(new URL('../../../../apps/analytics/dist/main.js', import.meta.url));
const POSTGRES_CLI = fileURLToPath(new URL('../../../../packages/embedded-pg/dist/cli.js', import.meta.url));

export interface Child {
  process: ChildProcess;
  /** What the child announced once ready (`announceReady`). */
  url: string;
  /** SIGKILL: no shutdown code runs, as in a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM: the child's own graceful shutdown. */
  stop(): Promise<void>;
}

/** Forks a Node script and waits for its `{ url }` ready message; fails if it exits first. */
async function startChild(script: string, env: Record<string, string>): Promise<Child> {
  const child = fork(script, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`${script} exited with ${code} before it was ready`);
    }),
  ])) as [{ url: string }];
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(name);
    await exited;
  };
  return { process: child, url: message.url, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

/** The analytics service as its own process, the way it runs in production. */
export function startAnalyticsProcess(env: Record<string, string>): Promise<Child> {
  return startChild(ANALYTICS_MAIN, env);
}

/**
 * A dedicated embedded PostgreSQL in its own process (files under
 * `dataDir/postgres`), so a test can stop and start it without touching the
 * server other test files share. The announced URL is that of database `byline`.
 */
export function startPostgresProcess(dataDir: string, port: number): Promise<Child> {
  return startChild(POSTGRES_CLI, { BYLINE_DATA_DIR: dataDir, BYLINE_PG_PORT: String(port) });
}

/** A loopback port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (typeof address !== 'object' || !address) throw new Error('no free port');
  return address.port;
}
