import type { ClickHouse } from '@byline/clickhouse';

type Client = ClickHouse['client'];

async function rows<T>(client: Client, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return (await client.query({ query, query_params: params, format: 'JSONEachRow' })).json<T>();
}

/** How many raw view rows each page under `prefix` has in ClickHouse. */
export async function viewsByPath(client: Client, prefix: string): Promise<Map<string, number>> {
  const found = await rows<{ path: string; n: string }>(
    client,
    'SELECT path, count() AS n FROM views WHERE startsWith(path, {prefix:String}) GROUP BY path',
    { prefix: `${prefix}/` },
  );
  return new Map(found.map((row) => [row.path, Number(row.n)]));
}

/** Views per article from the raw table and from each rollup: equal when the rollups agree. */
export async function viewsPerArticle(client: Client): Promise<Record<'raw' | 'byMinute' | 'byHour', string>> {
  const per = (table: string, measure: string) =>
    rows<{ article_id: string; views: string }>(
      client,
      `SELECT article_id, toString(${measure}) AS views FROM ${table} GROUP BY article_id ORDER BY article_id`,
    ).then((found) => JSON.stringify(found));
  return {
    raw: await per('views', 'count()'),
    byMinute: await per('views_by_minute', 'sum(views)'),
    byHour: await per('article_views_by_hour', 'sum(views)'),
  };
}

/** Paths seen more than once: each a double count. */
export function duplicates(counts: Map<string, number>): string[] {
  return [...counts].filter(([, n]) => n > 1).map(([path]) => path);
}
