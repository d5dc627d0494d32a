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

const DAY_MS = 86_400_000;

/**
 * The answers behind the dashboard's pages. `thirtyDays` must fall on whole
 * hours (the hourly rollups' grain); `lastHalfHour` on whole minutes. The
 * section check reads the UTC days inside `thirtyDays` (the daily rollup's
 * grain). Readers are counted per UTC day and added, as the resolvers do.
 */
export function rollupChecks(
  thirtyDays: { from: number; to: number },
  lastHalfHour: { from: number; to: number },
  articleId: string,
): RollupCheck[] {
  const utcDays = {
    from: Math.ceil(thirtyDays.from / DAY_MS) * DAY_MS,
    to: Math.floor(thirtyDays.to / DAY_MS) * DAY_MS,
  };
  return [
    {
      answer: 'views, readers, articles read and engaged time by section, 30 UTC days',
      rollup: `SELECT section_id, sum(views) AS views, sum(readers) AS readers, groupBitmapMerge(articles) AS articles,
                      sum(engaged_views) AS engaged_views, sum(engaged_seconds) AS engaged_seconds
                 FROM (SELECT section_id, day, sum(views) AS views, uniqCombinedMerge(12)(readers) AS readers,
                              groupBitmapMergeState(articles) AS articles, sum(engaged_views) AS engaged_views,
                              sum(engaged_seconds) AS engaged_seconds
                         FROM section_days WHERE ${WINDOW('day')} GROUP BY section_id, day)
                GROUP BY section_id ORDER BY section_id`,
      raw: `SELECT section_id, sum(views) AS views, sum(readers) AS readers, uniqExactMerge(articles) AS articles,
                   sum(engaged_views) AS engaged_views, sum(engaged_seconds) AS engaged_seconds
              FROM (SELECT section_id, toDate(time) AS day, count() AS views, uniqCombined(12)(visitor_id) AS readers,
                           uniqExactState(article_id) AS articles, 0 AS engaged_views, 0 AS engaged_seconds
                      FROM views WHERE ${WINDOW('time')} GROUP BY section_id, day
                    UNION ALL
                    SELECT section_id, toDate(time) AS day, 0, 0, uniqExactStateIf(article_id, false),
                           countIf(previous_seconds = 0), sum(engaged_seconds - previous_seconds)
                      FROM engagement WHERE ${WINDOW('time')} GROUP BY section_id, day)
             GROUP BY section_id ORDER BY section_id`,
      params: utcDays,
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
