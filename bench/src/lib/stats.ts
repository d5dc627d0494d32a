/** Order statistics of one series of measurements (milliseconds, requests per second, …). */
export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: percentile(sorted, 50),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Latency percentiles of one run's samples. */
export function latencies(samples: readonly number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/**
 * Runs `measure` once to warm up, then `runs` times, and summarises each
 * named figure it returns over the runs (the median of at least 5 runs is
 * what reports quote, with min and max).
 */
export async function repeat<K extends string>(
  runs: number,
  measure: () => Promise<Record<K, number>>,
): Promise<Record<K, Summary>> {
  await measure();
  const series = new Map<K, number[]>();
  for (let run = 0; run < runs; run++) {
    for (const [name, value] of Object.entries(await measure()) as [K, number][]) {
      series.set(name, [...(series.get(name) ?? []), value]);
    }
  }
  return Object.fromEntries([...series].map(([name, values]) => [name, summarize(values)])) as Record<K, Summary>;
}
