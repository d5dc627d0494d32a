import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// src/ and dist/ both sit three folders below the repo root.
const SERVER = fileURLToPath(new URL('../../../apps/dashboard/server.js', import.meta.url));
const HANDLER = fileURLToPath(new URL('../../../apps/dashboard/build/handler.js', import.meta.url));
const READY_TIMEOUT_MS = 20_000;

export interface DashboardProcess {
  url: string;
  close(): Promise<void>;
}

/** The built dashboard served by `apps/dashboard/server.js` in its own process, on a free port, as production runs it. */
export async function startDashboardProcess(
  gatewayUrl: string,
  env: Record<string, string> = {},
): Promise<DashboardProcess> {
  if (!existsSync(HANDLER)) throw new Error('apps/dashboard/build is missing: run `pnpm build` first');
  const child: ChildProcess = fork(SERVER, [], {
    env: { ...process.env, DASHBOARD_PORT: '0', GATEWAY_URL: gatewayUrl, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the dashboard was not ready within ${READY_TIMEOUT_MS / 1000} s`));
    }, READY_TIMEOUT_MS);
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type !== 'ready' || !message.url) return;
      clearTimeout(timer);
      resolve(message.url);
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
