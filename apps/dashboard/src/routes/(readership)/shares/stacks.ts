export interface KeyCount {
  key: string;
  shares: number;
}

export interface Stacks {
  /** Stack names, biggest over the whole range first; the smallest are folded into "other". */
  keys: string[];
  /** One series per key, one value per bucket. */
  series: number[][];
}

export const OTHER = 'other';

/** Per-bucket counts by key (e.g. shares by network per day) as stacked series, at most `limit` stacks. */
export function toStacks(buckets: readonly (readonly KeyCount[])[], limit = 6): Stacks {
  const totals = new Map<string, number>();
  for (const bucket of buckets) {
    for (const { key, shares } of bucket) totals.set(key, (totals.get(key) ?? 0) + shares);
  }
  const ranked = [...totals]
    .filter(([, total]) => total > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key]) => key);
  const kept = ranked.length > limit ? ranked.slice(0, limit - 1) : ranked;
  const folded = ranked.length > kept.length;
  const keys = folded ? [...kept, OTHER] : kept;
  const series = keys.map(() => buckets.map(() => 0));
  buckets.forEach((bucket, i) => {
    for (const { key, shares } of bucket) {
      const index = kept.indexOf(key);
      const row = series[index >= 0 ? index : keys.length - 1];
      if (row && (index >= 0 || folded)) row[i] = (row[i] ?? 0) + shares;
    }
  });
  return { keys, series };
}
