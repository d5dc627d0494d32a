import type { AnalyticsService } from '@byline/analytics';

/** Rows of `views` and the views its minute rollup counts. */
export async function storedCounts(
  client: AnalyticsService['store']['client'],
): Promise<{ raw: number; rollup: number }> {
  const result = await client.query({
    query: 'SELECT (SELECT count() FROM views) AS raw, (SELECT sum(views) FROM views_by_minute) AS rollup',
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ raw: string; rollup: string }>();
  return { raw: Number(row?.raw), rollup: Number(row?.rollup) };
}
