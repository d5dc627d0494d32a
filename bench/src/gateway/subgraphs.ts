import { join } from 'node:path';
import { type Child, startChild } from './child.js';

/** The internal secret every bench service shares (the bench signs the floor's identity with it too). */
export const BENCH_SECRET = 'bench-internal-secret-at-least-32-characters';

export interface SubgraphUrls {
  content: string;
  analytics: string;
  accounts: string;
}

export interface Subgraphs {
  urls: SubgraphUrls;
  /** A user with the analyst role, made for this run. */
  analyst: { id: string; email: string; password: string };
  /** The highest article id, which the readership events were spread over. */
  maxArticleId: number;
}

/** Content, accounts and analytics in one child process (see subgraphs-process.ts), as production runs them. */
export function startSubgraphs(databaseUrl: string, workDir: string, events: number): Promise<Child<Subgraphs>> {
  const args = [databaseUrl, join(workDir, 'subgraphs'), String(events)];
  return startChild<Subgraphs>('subgraphs-process.js', args, { NODE_ENV: 'production' });
}
