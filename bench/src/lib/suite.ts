import type { SuiteReport } from './report.js';

/** How big a run is: `smoke` proves the suite works in seconds (in `pnpm test`), `full` is the real benchmark. */
export type Scale = 'smoke' | 'full';

export interface SuiteOptions {
  scale: Scale;
  /** Runs per figure after the warm-up (at least 5 for `full`). */
  runs: number;
  /** Seconds of load per run, for throughput figures. */
  seconds: number;
  /** A scratch folder the suite may fill (data directories, generated files). */
  workDir: string;
  log: (line: string) => void;
}

export interface Suite {
  name: string;
  description: string;
  run(options: SuiteOptions): Promise<SuiteReport>;
}
