import { type Child, startChild } from './child.js';
import type { SubgraphUrls } from './subgraphs.js';

export const GATEWAYS = ['byline', 'hive', 'apollo'] as const;
export type GatewayName = (typeof GATEWAYS)[number];

export const GATEWAY_LABELS: Record<GatewayName, string> = {
  byline: 'Byline gateway (ours, production config)',
  hive: '@graphql-hive/gateway (peer)',
  apollo: '@apollo/gateway defaults (baseline)',
};

/**
 * One gateway in its own process (one worker each), NODE_ENV=production for
 * all. BENCH_PROFILE_DIR set: each writes a V8 CPU profile there on exit.
 */
export function startGatewayProcess(name: GatewayName, urls: SubgraphUrls): Promise<Child<{ url: string }>> {
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const execArgv = profileDir
    ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `${name}.cpuprofile`]
    : [];
  return startChild('target-process.js', [name, JSON.stringify(urls)], { NODE_ENV: 'production' }, execArgv);
}
