/** A row of a grouped time series, as `readership(interval: …)` returns it. */
export interface BucketRow {
  bucket: string | null;
  views: number;
}

/** Views per bucket start, zeros where no row came back (readership leaves empty buckets out). */
export function fillSeries(starts: readonly Date[], rows: readonly BucketRow[]): number[] {
  const byBucket = new Map<number, number>();
  for (const row of rows) {
    if (row.bucket === null) continue;
    const at = new Date(row.bucket).getTime();
    byBucket.set(at, (byBucket.get(at) ?? 0) + row.views);
  }
  return starts.map((start) => byBucket.get(start.getTime()) ?? 0);
}

/** Rows of many keys (sections, articles) split into one filled series per key. */
export function seriesByKey<Row extends BucketRow>(
  starts: readonly Date[],
  rows: readonly Row[],
  keyOf: (row: Row) => string | undefined,
): Map<string, number[]> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) continue;
    grouped.set(key, [...(grouped.get(key) ?? []), row]);
  }
  return new Map([...grouped].map(([key, keyRows]) => [key, fillSeries(starts, keyRows)]));
}

export const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
