import type { ClickHouseClient } from '@clickhouse/client';
import { idList, inWindow, selectRows, windowParams } from '../../clickhouse/query.js';
import type { TimeRange } from '../range/range.js';
import type { NetworkCount } from './types.js';

/** Rows of many articles, in their order, split by article id. */
export function groupByArticle<T>(rows: readonly (T & { id: string })[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const { id, ...rest } of rows) {
    const group = grouped.get(id);
    if (group) group.push(rest as T);
    else grouped.set(id, [rest as T]);
  }
  return grouped;
}

/** Shares per network of many articles, most used first. */
export async function articleShares(client: ClickHouseClient, ids: readonly string[], range: TimeRange) {
  const rows = await selectRows<{ id: string; network: string; count: string }>(
    client,
    `SELECT toString(article_id) AS id, network, sum(shares) AS count
       FROM shares_by_minute
      WHERE article_id IN ${idList('ids')} AND ${inWindow('minute')}
      GROUP BY article_id, network
      ORDER BY count DESC, network`,
    { ids: ids, ...windowParams(range) },
  );
  return groupByArticle<NetworkCount>(
    rows.map((row) => ({ id: row.id, network: row.network, count: Number(row.count) })),
  );
}

/** Views that arrived from each social network, per article. */
export async function viewsBackBySocialNetwork(client: ClickHouseClient, ids: readonly string[], range: TimeRange) {
  const rows = await selectRows<{ id: string; network: string; count: string }>(
    client,
    `SELECT toString(article_id) AS id, channel_source AS network, sum(views) AS count
       FROM views_by_minute
      WHERE article_id IN ${idList('ids')} AND channel = 'social' AND ${inWindow('minute')}
      GROUP BY article_id, channel_source`,
    { ids: ids, ...windowParams(range) },
  );
  return groupByArticle<NetworkCount>(
    rows.map((row) => ({ id: row.id, network: row.network, count: Number(row.count) })),
  );
}

/**
 * Engaged time per article or section: heartbeats are cumulative, so a view's
 * engaged time is its largest heartbeat.
 */
export async function engagedTimes(
  client: ClickHouseClient,
  column: 'article_id' | 'section_id',
  ids: readonly string[],
  range: TimeRange,
) {
  const rows = await selectRows<{ id: string; views: string; seconds: string }>(
    client,
    `SELECT toString(${column}) AS id, count() AS views, sum(seconds) AS seconds
       FROM (
         SELECT ${column}, view_id, max(engaged_seconds) AS seconds
           FROM engagement
          WHERE ${column} IN ${idList('ids')} AND ${inWindow('time')}
          GROUP BY ${column}, view_id
       )
      GROUP BY ${column}`,
    { ids: ids, ...windowParams(range) },
  );
  return new Map(rows.map((row) => [row.id, { engagedViews: Number(row.views), totalSeconds: Number(row.seconds) }]));
}
