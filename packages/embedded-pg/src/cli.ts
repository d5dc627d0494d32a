#!/usr/bin/env node
/**
 * Runs an embedded PostgreSQL server as its own process until SIGINT/SIGTERM.
 * Used by `pnpm start`: when started with an IPC channel it reports
 * `{ type: 'ready', url }` to its parent, so the URL never goes to a log.
 */
import { join } from 'node:path';
import { startEmbeddedPostgres, stopWithProcess } from './index.js';

const dataDir = join(process.env.BYLINE_DATA_DIR ?? '.data', 'postgres');
const port = Number(process.env.BYLINE_PG_PORT ?? 54320);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`BYLINE_PG_PORT: expected a TCP port, got "${process.env.BYLINE_PG_PORT}"`);
  process.exit(78);
}

const server = await startEmbeddedPostgres({ dataDir, port, log: (line) => console.log(line) });
console.log(`PostgreSQL ready on 127.0.0.1:${server.port} (files in ${dataDir})`);
process.send?.({ type: 'ready', url: server.url });

stopWithProcess(server);
