import type { ReadyReport } from '@byline/http';

/**
 * Asks every subgraph for `{ __typename }`, the cheapest query any GraphQL
 * server answers, through the same endpoint the gateway routes to.
 */
export async function checkSubgraphs(routed: Map<string, string>, timeoutMs: number): Promise<ReadyReport> {
  const checks: Record<string, string> = {};
  await Promise.all(
    [...routed].map(async ([name, url]) => {
      checks[name] = await checkOne(url, timeoutMs);
    }),
  );
  return { ready: routed.size > 0 && Object.values(checks).every((check) => check === 'ok'), checks };
}

async function checkOne(url: string, timeoutMs: number): Promise<string> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => undefined)) as { data?: { __typename?: string } } | undefined;
    if (response.ok && body?.data?.__typename) return 'ok';
    return `unexpected answer: HTTP ${response.status}`;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `unreachable${cause}`;
  }
}
