#!/usr/bin/env node
/**
 * `pnpm start`: runs the whole product on embedded defaults, one process per
 * service, each started once the one before is ready; Ctrl-C stops them in
 * reverse order.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exitOnConfigError } from '@byline/config';
import { type LauncherConfig, loadLauncherConfig } from './config.js';
import { readDemoUsers } from './demo-users.js';
import { bold, prefixedOutput, red } from './output.js';
import { type Child, ChildFailed, describeExit, startChild, stopAll } from './process.js';
import { type Launch, services } from './services.js';
import { displayUrl, summary } from './summary.js';

// Both src/ and dist/ sit two folders below the repo root.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const STOP_GRACE_MS = 15_000;

const USAGE = 'usage: pnpm start [--no-traffic]';
let flags: { 'no-traffic'?: boolean };
try {
  ({ values: flags } = parseArgs({ options: { 'no-traffic': { type: 'boolean' } }, strict: true }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}

let config: LauncherConfig;
try {
  config = loadLauncherConfig(repoRoot);
} catch (error) {
  exitOnConfigError(error);
}
const { dataDir } = config;

const width = Math.max('launcher'.length, ...services.map((spec) => spec.name.length));
const say = prefixedOutput('launcher', services.length, width);
const started: Child[] = [];
let stopping = false;

async function shutdown(code: number, reason?: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (reason) say(red(`${reason}: stopping everything`), 'stderr');
  else say('stopping (Ctrl-C again to kill at once)', 'stdout');
  await stopAll(started, STOP_GRACE_MS);
  say(code === 0 ? 'all stopped' : red('all stopped after a failure'), code === 0 ? 'stdout' : 'stderr');
  process.exit(code);
}

/** `pnpm start` relays the terminal's Ctrl-C to the launcher, which the terminal signalled too: one press, twice. */
const SAME_PRESS_MS = 1_000;
let firstInterruptAt = Number.NEGATIVE_INFINITY;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (!stopping) {
      if (signal === 'SIGINT') firstInterruptAt = performance.now();
      return void shutdown(0);
    }
    // Only a person presses Ctrl-C twice; tools such as `timeout` send SIGTERM to the process and its group.
    if (signal !== 'SIGINT' || performance.now() - firstInterruptAt < SAME_PRESS_MS) return;
    say(red('Ctrl-C again: killing everything'), 'stderr');
    for (const child of started) child.kill();
    process.exit(1);
  });
}

async function launch(): Promise<void> {
  const state: Launch = {
    externalDatabase: config.databaseUrl !== undefined,
    externalClickHouse: config.clickhouseUrl !== undefined,
    traffic: flags['no-traffic'] !== true,
    urls: config.databaseUrl ? { postgres: config.databaseUrl } : {},
  };
  for (const [index, spec] of services.entries()) {
    if (stopping) return;
    const skipped = spec.skip?.(state);
    if (skipped) {
      say(`${spec.name}: skipped (${skipped})`, 'stdout');
      continue;
    }
    const script = join(repoRoot, spec.script);
    if (!existsSync(script))
      throw new ChildFailed(spec.name, `cannot start: ${spec.script} is missing (run \`pnpm build\`)`);
    say(`starting ${spec.name}`, 'stdout');
    const child = startChild({
      name: spec.name,
      script,
      args: spec.args,
      env: { ...process.env, BYLINE_DATA_DIR: dataDir, ...spec.env?.(state) },
      cwd: repoRoot,
      ipc: spec.kind === 'service',
      output: prefixedOutput(spec.name, index, width),
    });
    started.push(child);
    if (spec.kind === 'task') {
      await child.succeeded(spec.timeoutMs);
      continue;
    }
    const message = await child.ready(spec.timeoutMs);
    if (typeof message.url === 'string') state.urls[spec.name] = message.url;
    child.exited.then((exit) => {
      if (!stopping) void shutdown(1, `${spec.name} ${describeExit(exit)}`);
    });
  }
  if (stopping) return;

  // Last started first: the dashboard and the gateway are what people open.
  const lines = [...services]
    .reverse()
    .filter((spec) => spec.label && state.urls[spec.name])
    .map((spec) => ({ label: spec.label ?? spec.name, value: displayUrl(state.urls[spec.name] ?? '') }));
  lines.push(
    state.externalDatabase
      ? { label: 'PostgreSQL', value: 'DATABASE_URL (migrated, not seeded)' }
      : { label: 'data folder', value: dataDir },
  );
  const gateway = state.urls.gateway;
  const demoUsers = state.externalDatabase ? [] : readDemoUsers(dataDir);
  console.log(summary(lines, gateway && displayUrl(gateway), demoUsers));
}

say(bold('starting Byline'), 'stdout');
launch().catch((error: unknown) => shutdown(1, error instanceof Error ? error.message : String(error)));
