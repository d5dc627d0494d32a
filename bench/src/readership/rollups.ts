import type { ClickHouse } from '@byline/clickhouse';

type Client = ClickHouse['client'];

/** One answer computed twice: from a rollup the resolvers read, and by scanning the raw table. */
export interface RollupCheck {
  answer: string;
  rollup: string;
  raw: string;
  params: Record<string, unknown>;
}

const WINDOW = (column: string) =>
  `${column} >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND ${column} < fromUnixTimestamp64Milli({to:Int64}, 'UTC')`;

/**
 * The answers behind the dashboard's pages. `thirtyDays` must fall on whole
 * hours (the hourly rollups' grain); `lastHalfHour` on whole minutes.
 */
export function rollupChecks(
  thirtyDays: { from: number; to: number },
  lastHalfHour: { from: number; to: number },
  articleId: string,
): RollupCheck[] {
  return [
    {
      answer: 'views and readers by section, 30 days',
      rollup: `SELECT section_id, sum(views) AS views, uniqMerge(visitors) AS readers FROM views_by_hour
                WHERE ${WINDOW('hour')} GROUP BY section_id ORDER BY section_id`,
      raw: `SELECT section_id, count() AS views, uniq(visitor_id) AS readers FROM views
             WHERE ${WINDOW('time')} GROUP BY section_id ORDER BY section_id`,
      params: thirtyDays,
    },
    {
      answer: 'views and readers by country and region, 30 days',
      rollup: `SELECT country, region, sum(views) AS views, uniqMerge(visitors) AS readers FROM views_by_hour
                WHERE ${WINDOW('hour')} GROUP BY country, region ORDER BY country, region`,
      raw: `SELECT country, region, count() AS views, uniq(visitor_id) AS readers FROM views
             WHERE ${WINDOW('time')} GROUP BY country, region ORDER BY country, region`,
      params: thirtyDays,
    },
    {
      answer: 'views and readers per minute, last 30 minutes',
      rollup: `SELECT minute, sum(views) AS views, uniqMerge(visitors) AS readers FROM views_by_minute
                WHERE ${WINDOW('minute')} GROUP BY minute ORDER BY minute`,
      raw: `SELECT toStartOfMinute(time) AS minute, count() AS views, uniq(visitor_id) AS readers FROM views
             WHERE ${WINDOW('time')} GROUP BY minute ORDER BY minute`,
      params: lastHalfHour,
    },
    {
      answer: "one article's views and readers per day, 30 days",
      rollup: `SELECT toStartOfDay(hour) AS day, sum(views) AS views, uniqMerge(visitors) AS readers
                 FROM article_views_by_hour
                WHERE article_id = toUInt64({article:String}) AND ${WINDOW('hour')} GROUP BY day ORDER BY day`,
      raw: `SELECT toStartOfDay(time) AS day, count() AS views, uniq(visitor_id) AS readers FROM views
             WHERE article_id = toUInt64({article:String}) AND ${WINDOW('time')} GROUP BY day ORDER BY day`,
      params: { ...thirtyDays, article: articleId },
    },
    {
      answer: 'shares by network, 30 days',
      rollup: `SELECT network, sum(shares) AS shares FROM shares_by_minute
                WHERE ${WINDOW('minute')} GROUP BY network ORDER BY network`,
      raw: `SELECT network, count() AS shares FROM shares WHERE ${WINDOW('time')} GROUP BY network ORDER BY network`,
      params: thirtyDays,
    },
  ];
}

export async function rows(client: Client, query: string, params: Record<string, unknown>): Promise<unknown[]> {
  return (await client.query({ query, query_params: params, format: 'JSONEachRow' })).json();
}

/** Rows ClickHouse plans to read for a query, from its primary key and partitions (`EXPLAIN ESTIMATE`). */
export async function estimatedRows(client: Client, query: string, params: Record<string, unknown>): Promise<number> {
  const plan = await rows(client, `EXPLAIN ESTIMATE ${query}`, params);
  return (plan as { rows: string }[]).reduce((sum, row) => sum + Number(row.rows), 0);
}
