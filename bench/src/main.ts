#!/usr/bin/env node
/**
 * `pnpm bench [--suite a,b] [--smoke] [--runs N] [--seconds S]`: runs the
 * benchmark suites and writes each report to bench/results/ as Markdown and JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeReport } from './lib/report.js';
import { suites } from './suites.js';

const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

let values: { suite?: string; smoke?: boolean; runs?: string; seconds?: string; out?: string };
try {
  ({ values } = parseArgs({
    options: {
      suite: { type: 'string' },
      smoke: { type: 'boolean' },
      runs: { type: 'string' },
      seconds: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const names = values.suite?.split(',').map((name) => name.trim()) ?? suites.map((suite) => suite.name);
const unknown = names.filter((name) => !suites.some((suite) => suite.name === name));
if (unknown.length > 0) fail(`unknown suite ${unknown.join(', ')}; one of ${suites.map((s) => s.name).join(', ')}`);
const scale = values.smoke ? 'smoke' : 'full';
const runs = Number(values.runs ?? (scale === 'smoke' ? 1 : 5));
const seconds = Number(values.seconds ?? (scale === 'smoke' ? 1 : 10));
if (!Number.isInteger(runs) || runs < 1) fail('--runs must be a positive integer');
if (scale === 'full' && runs < 5) fail('--runs must be at least 5 for a full run (medians of fewer mean little)');
if (!(seconds > 0)) fail('--seconds must be positive');
const out = values.out ?? (scale === 'smoke' ? join(tmpdir(), 'byline-bench-smoke') : RESULTS);

const chosen = suites.filter((candidate) => names.includes(candidate.name));
if (chosen.length > 1) {
  // Each suite in a process of its own: one left behind a large chDB session and heap, and
  // the ingestion suite after the readership suite spent a quarter more CPU a request.
  const flags = process.argv
    .slice(2)
    .filter((arg, i, all) => arg !== '--suite' && !arg.startsWith('--suite=') && all[i - 1] !== '--suite');
  for (const suite of chosen) {
    const child = spawnSync(process.execPath, [process.argv[1] ?? '', ...flags, '--suite', suite.name], {
      stdio: 'inherit',
    });
    if (child.status !== 0) fail(`suite ${suite.name} failed (exit ${child.status ?? child.signal})`);
  }
  process.exit(0);
}

for (const suite of chosen) {
  const workDir = await mkdtemp(join(tmpdir(), `byline-bench-${suite.name}-`));
  const log = (line: string) => console.log(`[${suite.name}] ${line}`);
  log(`${suite.description} (${scale}, ${runs} runs, ${seconds} s each)`);
  try {
    const report = await suite.run({ scale, runs, seconds, workDir, log });
    await writeReport(out, report);
    log(`written to ${join(out, `${suite.name}.md`)}`);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
process.exit(0);
