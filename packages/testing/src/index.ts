import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabaseIfMissing } from '@byline/embedded-pg';
import pg from 'pg';

export interface TestPostgres {
  /** URL of the `postgres` maintenance database, for creating test databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

/** A real, throwaway PostgreSQL server for a test run (vitest globalSetup), in a child process. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dataDir = await mkdtemp(join(tmpdir(), 'byline-test-pg-'));
  // Runs the compiled child even when this file is loaded from source by vitest.
  const script = fileURLToPath(new URL('../dist/postgres-process.js', import.meta.url));
  const child = fork(script, [dataDir], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`test PostgreSQL exited with code ${code} before it was ready`);
    }),
  ])) as [{ url: string }];
  return {
    adminUrl: message.url,
    stop: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server, so each test file is isolated. */
export async function createTestDatabase(adminUrl: string, prefix = 'test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export { launchChromium } from './chromium.js';
export { type DashboardProcess, startDashboardProcess } from './dashboard.js';
export { type InsertFaults, withInsertFaults } from './faults.js';
