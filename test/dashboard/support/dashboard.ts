import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../../../apps/dashboard/server.js', import.meta.url));
const HANDLER = fileURLToPath(new URL('../../../apps/dashboard/build/handler.js', import.meta.url));

export interface RunningDashboard {
  url: string;
  close(): Promise<void>;
}

/** The built dashboard (`apps/dashboard/server.js`) as its own process, reading `gatewayUrl`, on a free port. */
export async function startDashboard(gatewayUrl: string): Promise<RunningDashboard> {
  if (!existsSync(HANDLER)) throw new Error('apps/dashboard/build is missing: run `pnpm build` first');
  const child: ChildProcess = fork(SERVER, [], {
    env: { ...process.env, DASHBOARD_PORT: '0', GATEWAY_URL: gatewayUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the dashboard was not ready within 20 s')), 20_000);
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type === 'ready' && message.url) {
        clearTimeout(timer);
        resolve(message.url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the dashboard exited with code ${code}`));
    });
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
