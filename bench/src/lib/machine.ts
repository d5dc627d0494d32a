import { cpus, freemem, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  loadAverage: number[];
  node: string;
  os: string;
}

/** What the numbers were measured on: reports are meaningless without it. */
export function describeMachine(): Machine {
  const processors = cpus();
  const gib = (bytes: number) => Math.round((bytes / 2 ** 30) * 10) / 10;
  return {
    cpu: processors[0]?.model ?? 'unknown',
    cores: processors.length,
    memoryGiB: gib(totalmem()),
    freeMemoryGiB: gib(freemem()),
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
    node: process.version,
    os: `${process.platform} ${release()}`,
  };
}
