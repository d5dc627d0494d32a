import { serviceHeaders } from '@byline/auth';
import type { Logger, ReadyReport } from '@byline/http';

/**
 * Each subgraph is ready when its own `/readyz` says so (its databases
 * answer) and it answers `{ __typename }` signed as the gateway (so a wrong
 * INTERNAL_SECRET shows up too). Answers name no addresses; the log does.
 */
export async function checkSubgraphs(
  routed: Map<string, string>,
  timeoutMs: number,
  secret: string,
  log: Logger,
): Promise<ReadyReport> {
  const checks: Record<string, string> = {};
  await Promise.all(
    [...routed].map(async ([name, url]) => {
      checks[name] = await checkOne(name, url, timeoutMs, secret).catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
        const cause = error instanceof Error ? (error.cause ?? error.message) : error;
        log.warn(`readiness: subgraph ${name} unreachable (${String(cause)})`);
        return 'unreachable';
      });
    }),
  );
  return { ready: routed.size > 0 && Object.values(checks).every((check) => check === 'ok'), checks };
}

async function checkOne(name: string, url: string, timeoutMs: number, secret: string): Promise<string> {
  const signal = AbortSignal.timeout(timeoutMs);
  const own = await fetch(new URL('/readyz', url), { signal });
  if (!own.ok) return 'not ready';
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...serviceHeaders('gateway', secret, name) },
    body: JSON.stringify({ query: '{ __typename }' }),
    signal,
  });
  if (response.status === 401) return 'refuses the gateway: INTERNAL_SECRET differs';
  const body = (await response.json().catch(() => undefined)) as { data?: { __typename?: string } } | undefined;
  return response.ok && body?.data?.__typename ? 'ok' : `unexpected answer: HTTP ${response.status}`;
}
