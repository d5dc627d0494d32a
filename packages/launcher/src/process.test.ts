import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type Child, type LineSink, startChild, stopAll } from './process.js';

const dir = mkdtempSync(join(tmpdir(), 'launcher-test-'));
const running: Child[] = [];

afterEach(async () => {
  for (const child of running.splice(0)) child.kill();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a throwaway child script and returns its path. */
function script(name: string, source: string): string {
  const path = join(dir, `${name}.mjs`);
  writeFileSync(path, source);
  return path;
}

function start(
  name: string,
  path: string,
  output: LineSink = () => {},
  env: NodeJS.ProcessEnv = {},
  ipc = true,
): Child {
  const child = startChild({ name, script: path, output, env: { ...process.env, ...env }, ipc });
  running.push(child);
  return child;
}

// Stays up until SIGTERM, then appends its name to STOP_LOG after STOP_DELAY ms.
const service = script(
  'service',
  `
import { appendFileSync } from 'node:fs';
console.log('starting');
console.error('a warning');
setInterval(() => {}, 1000);
setTimeout(() => process.send({ type: 'ready', url: 'http://127.0.0.1:1/' + process.env.NAME }), 50);
process.on('SIGTERM', () => setTimeout(() => {
  appendFileSync(process.env.STOP_LOG, process.env.NAME + '\\n');
  process.exit(0);
}, Number(process.env.STOP_DELAY ?? 0)));
`,
);

describe('startChild', () => {
  it('resolves with the ready message and passes output on line by line', async () => {
    const lines: string[] = [];
    const child = start('svc', service, (line, stream) => lines.push(`${stream}: ${line}`), {
      NAME: 'svc',
      STOP_LOG: join(dir, 'unused.log'),
    });
    await expect(child.ready(5_000)).resolves.toEqual({ type: 'ready', url: 'http://127.0.0.1:1/svc' });
    expect(lines).toEqual(expect.arrayContaining(['stdout: starting', 'stderr: a warning']));
    await expect(child.stop(5_000)).resolves.toEqual({ code: 0, signal: null });
  });

  it('reports a child that exits before it is ready as failed, after its last words', async () => {
    const lines: string[] = [];
    const child = start('early', script('early', 'console.error("boom"); process.exit(3);'), (line) =>
      lines.push(line),
    );
    await expect(child.ready(5_000)).rejects.toThrow('early exited with code 3 before it was ready');
    expect(lines).toEqual(['boom']);
  });

  it('reports a child that never says ready once the timeout has passed', async () => {
    const child = start('silent', script('silent', 'setInterval(() => {}, 1000);'));
    await expect(child.ready(200)).rejects.toThrow('silent was not ready within 200 ms');
  });

  it('tells a task that succeeded from one that failed', async () => {
    await expect(start('ok', script('ok', 'process.exit(0);')).succeeded(5_000)).resolves.toBeUndefined();
    await expect(start('bad', script('bad', 'process.exit(2);')).succeeded(5_000)).rejects.toThrow(
      'bad exited with code 2',
    );
  });

  it('runs a task without an IPC channel, so one that listens for messages still exits', async () => {
    const task = start(
      'task',
      script('task', `process.on('message', () => {}); console.log('done');`),
      () => {},
      {},
      false,
    );
    await expect(task.succeeded(5_000)).resolves.toBeUndefined();
  });

  it('kills a child that ignores SIGTERM once the grace period is over', async () => {
    const stubborn = script(
      'stubborn',
      `process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); process.send({ type: 'ready' });`,
    );
    const child = start('stubborn', stubborn);
    await child.ready(5_000);
    await expect(child.stop(200)).resolves.toEqual({ code: null, signal: 'SIGKILL' });
  });
});

describe('stopAll', () => {
  it('stops children one at a time, last started first', async () => {
    const stopLog = join(dir, 'stop.log');
    writeFileSync(stopLog, '');
    // The last started takes longest to stop: stopping all at once would log them in the opposite order.
    const delays = { postgres: 0, content: 150, gateway: 300 };
    const children = Object.entries(delays).map(([name, delay]) =>
      start(name, service, () => {}, { NAME: name, STOP_LOG: stopLog, STOP_DELAY: String(delay) }),
    );
    await Promise.all(children.map((child) => child.ready(5_000)));
    await stopAll(children, 5_000);
    expect(readFileSync(stopLog, 'utf8').trim().split('\n')).toEqual(['gateway', 'content', 'postgres']);
  });
});
