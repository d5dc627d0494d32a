import { body, type Operation } from '../gateway/graphql.js';
import { latencies } from '../lib/stats.js';

/**
 * Sends `count` operations one after another (so each figure is one query's
 * latency, not a queue's) and returns p50/p95 in ms. Every answer must be a
 * 200 without errors.
 */
export async function sequentialLatency(
  url: string,
  headers: () => Record<string, string>,
  count: number,
  operationAt: (index: number) => Operation,
): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  const sent = headers();
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sent },
      body: body(operationAt(index)),
    });
    const text = await response.text();
    samples.push(performance.now() - started);
    if (!response.ok || text.includes('"errors"'))
      throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  const { p50, p95 } = latencies(samples);
  return { p50, p95 };
}
