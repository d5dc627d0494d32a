import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeMachine, type Machine } from './machine.js';
import type { Summary } from './stats.js';

/** One table of a suite's report: rows of named cells, numbers or summaries. */
export interface Table {
  title: string;
  /** What the rows measure and how (units, runs, load). */
  note?: string;
  columns: string[];
  rows: (string | number | Summary)[][];
}

export interface SuiteReport {
  suite: string;
  /** Dataset sizes and settings the figures depend on. */
  dataset: Record<string, string | number>;
  tables: Table[];
  /** Plain findings: ratios, targets met or missed, what bounds them. */
  findings: string[];
}

export interface WrittenReport extends SuiteReport {
  machine: Machine;
  finishedAt: string;
}

const number = (value: number) =>
  Number.isFinite(value)
    ? value.toLocaleString('en', { maximumFractionDigits: value < 10 ? 2 : value < 1000 ? 1 : 0 })
    : '–';

function cell(value: string | number | Summary): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return number(value);
  return `${number(value.median)} (${number(value.min)}–${number(value.max)})`;
}

function toMarkdown(report: WrittenReport): string {
  const { machine } = report;
  const lines = [
    `# Benchmark: ${report.suite}`,
    '',
    `${report.finishedAt} · ${machine.cores} × ${machine.cpu} · ${machine.memoryGiB} GiB (${machine.freeMemoryGiB} free) · load ${machine.loadAverage.join(' ')} · Node ${machine.node} · ${machine.os}`,
    '',
    `Dataset: ${Object.entries(report.dataset)
      .map(([name, value]) => `${name} ${typeof value === 'number' ? number(value) : value}`)
      .join(' · ')}`,
    '',
    'Cells are the median of the runs, with (min–max).',
  ];
  for (const table of report.tables) {
    lines.push('', `## ${table.title}`, '');
    if (table.note) lines.push(table.note, '');
    lines.push(`| ${table.columns.join(' | ')} |`, `| ${table.columns.map(() => '---').join(' | ')} |`);
    for (const row of table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  }
  if (report.findings.length > 0) lines.push('', '## Findings', '', ...report.findings.map((line) => `- ${line}`));
  return `${lines.join('\n')}\n`;
}

/** Writes `<dir>/<suite>.md` and `.json` (the latest run of each suite; git keeps the history). */
export async function writeReport(dir: string, report: SuiteReport): Promise<WrittenReport> {
  const written: WrittenReport = { ...report, machine: describeMachine(), finishedAt: new Date().toISOString() };
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${report.suite}.json`), `${JSON.stringify(written, null, 2)}\n`);
  await writeFile(join(dir, `${report.suite}.md`), toMarkdown(written));
  return written;
}
