import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const STOP_GRACE_MS = 10_000;

export interface Child<Message> {
  message: Message;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Runs one of this folder's `*-process.js` entries in its own process (its
 * own event loop and core, as in production) and waits for its ready message.
 */
export async function startChild<Message>(
  entry: string,
  args: string[],
  env: Record<string, string> = {},
  execArgv: string[] = [],
): Promise<Child<Message>> {
  // The built entry, also when this module runs from src/ under vitest (src/ and dist/ sit side by side).
  const script = fileURLToPath(new URL(`../../dist/gateway/${entry}`, import.meta.url));
  const child = fork(script, args, {
    env: { ...process.env, ...env },
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`${entry} ${args.join(' ')} exited with code ${code} before it was ready`);
    }),
  ])) as [Message];
  return {
    message,
    pid: child.pid ?? 0,
    // A child that does not close within the grace period (say, a subgraph stuck on a query) is killed.
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(kill);
    },
  };
}

/** The child's side: start, report `ready` to the parent, close on SIGTERM or when the parent goes away. */
export async function serveChild<Message>(start: () => Promise<{ message: Message; close(): Promise<void> }>) {
  const { message, close } = await start();
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await close().catch((error: unknown) => console.error(error));
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.once('disconnect', stop);
  process.send?.(message);
}
