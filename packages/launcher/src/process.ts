import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface ReadyMessage {
  type: 'ready';
  url?: string;
  [key: string]: unknown;
}

/** Receives each line a child prints, without its newline. */
export type LineSink = (line: string, stream: 'stdout' | 'stderr') => void;

export interface ChildOptions {
  name: string;
  /** Absolute path of the Node script to fork. */
  script: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /**
   * Open an IPC channel for the `ready` message (default). Leave it off for tasks: a child that
   * listens for messages (some libraries do, for process managers) never exits while it is open.
   */
  ipc?: boolean;
  output: LineSink;
}

export interface Child {
  name: string;
  /** Settles when the process has exited, however that happened. */
  exited: Promise<Exit>;
  /** Resolves with the child's `ready` message; rejects when it exits first or stays silent past `timeoutMs`. */
  ready(timeoutMs: number): Promise<ReadyMessage>;
  /** Resolves when the child exits with code 0; rejects on any other exit or past `timeoutMs`. */
  succeeded(timeoutMs: number): Promise<void>;
  /** SIGTERM, then SIGKILL to its whole process group after `graceMs`; resolves once it has exited. */
  stop(graceMs: number): Promise<Exit>;
  /** SIGKILL to its whole process group, at once. */
  kill(): void;
}

export class ChildFailed extends Error {
  constructor(
    readonly child: string,
    reason: string,
  ) {
    super(`${child} ${reason}`);
    this.name = 'ChildFailed';
  }
}

/**
 * Runs a Node script with its output piped line by line to `output`. The
 * child leads its own process group, so a terminal's Ctrl-C reaches only the
 * launcher, which then stops the children in order.
 */
export function startChild(options: ChildOptions): Child {
  const { name } = options;
  const child = spawn(process.execPath, [options.script, ...(options.args ?? [])], {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc === false ? [] : ['ipc' as const])],
    detached: true,
  });
  const drained = Promise.all([
    pipeLines(child.stdout, (line) => options.output(line, 'stdout')),
    pipeLines(child.stderr, (line) => options.output(line, 'stderr')),
  ]);

  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      // Let its last lines out before anyone reports the exit (a grandchild may hold the pipes: do not wait long).
      Promise.race([drained, new Promise((done) => setTimeout(done, 250))]).then(() => resolve({ code, signal }));
    });
    child.once('error', (error) => {
      options.output(`could not start: ${error.message}`, 'stderr');
      // A process that never spawned emits no 'exit'.
      if (child.pid === undefined) {
        exit = { code: null, signal: null };
        resolve(exit);
      }
    });
  });

  const readyMessage = new Promise<ReadyMessage>((resolve) => {
    child.on('message', (message) => {
      if (isReady(message)) resolve(message);
    });
  });

  const ready = (timeoutMs: number) =>
    withDeadline<ReadyMessage>(name, timeoutMs, 'was not ready', (resolve, reject) => {
      readyMessage.then(resolve);
      exited.then((result) => reject(new ChildFailed(name, `${describeExit(result)} before it was ready`)));
    });

  const succeeded = (timeoutMs: number) =>
    withDeadline<void>(name, timeoutMs, 'did not finish', (resolve, reject) => {
      exited.then((result) => (result.code === 0 ? resolve() : reject(new ChildFailed(name, describeExit(result)))));
    });

  const kill = () => {
    if (exit || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };

  const stop = async (graceMs: number) => {
    if (exit) return exit;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      options.output(`still running after ${seconds(graceMs)}: killing it`, 'stderr');
      kill();
    }, graceMs);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };

  return { name, exited, ready, succeeded, stop, kill };
}

/** Stops children one at a time, last started first, each waited for before the next. */
export async function stopAll(children: readonly Child[], graceMs: number): Promise<void> {
  for (const child of [...children].reverse()) await child.stop(graceMs);
}

export function describeExit({ code, signal }: Exit): string {
  if (signal) return `was killed by ${signal}`;
  if (code === null) return 'could not be started';
  return `exited with code ${code}`;
}

/** Settles like `body` does, or rejects once `timeoutMs` has passed. */
function withDeadline<T>(
  name: string,
  timeoutMs: number,
  what: string,
  body: (resolve: (value: T) => void, reject: (error: Error) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ChildFailed(name, `${what} within ${seconds(timeoutMs)}`)), timeoutMs);
    body(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function isReady(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready';
}

/** Resolves once the stream has ended and every line has been passed on. */
function pipeLines(stream: Readable | null, onLine: (line: string) => void): Promise<void> {
  if (!stream) return Promise.resolve();
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on('line', onLine);
  return new Promise((done) => lines.once('close', done));
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
