import { serviceHeaders } from '@byline/auth';
import type { ReadyReport } from '@byline/http';

/**
 * Asks every subgraph for `{ __typename }`, the cheapest query any GraphQL
 * server answers, through the same endpoint the gateway routes to, signed
 * as the gateway (so a wrong INTERNAL_SECRET shows up as not ready).
 */
export async function checkSubgraphs(
  routed: Map<string, string>,
  timeoutMs: number,
  secret: string,
): Promise<ReadyReport> {
  const checks: Record<string, string> = {};
  await Promise.all(
    [...routed].map(async ([name, url]) => {
      checks[name] = await checkOne(url, timeoutMs, secret);
    }),
  );
  return { ready: routed.size > 0 && Object.values(checks).every((check) => check === 'ok'), checks };
}

async function checkOne(url: string, timeoutMs: number, secret: string): Promise<string> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...serviceHeaders('gateway', secret) },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => undefined)) as { data?: { __typename?: string } } | undefined;
    if (response.ok && body?.data?.__typename) return 'ok';
    if (response.status === 401) return 'refuses the gateway: INTERNAL_SECRET differs';
    return `unexpected answer: HTTP ${response.status}`;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `unreachable${cause}`;
  }
}
