import type { ClickHouseClient } from '@clickhouse/client';
import { idList, inWindow, selectRows } from '../clickhouse/query.js';
import type { TimeRange } from './range.js';

export interface PeriodFigures {
  views: number;
  uniqueReaders: number;
  articlesRead: number;
  shares: number;
  engagedViews: number;
  engagedSeconds: number;
}

export type Subject = 'section' | 'author';

const EMPTY: PeriodFigures = {
  views: 0,
  uniqueReaders: 0,
  articlesRead: 0,
  shares: 0,
  engagedViews: 0,
  engagedSeconds: 0,
};

/**
 * How each table is read per subject: sections from the rollups, authors
 * from raw rows (the byline is an array there; each author gets the view).
 */
const SOURCES = {
  section: {
    key: 'section_id',
    views: {
      table: 'views_by_minute',
      time: 'minute',
      join: '',
      count: 'sumIf(views, cur)',
      readers: 'uniqMergeIf(visitors, cur)',
    },
    shares: { table: 'shares_by_minute', time: 'minute', join: '', count: 'sumIf(shares, cur)' },
    engagement: { join: '' },
  },
  author: {
    key: 'author_id',
    views: {
      table: 'views',
      time: 'time',
      join: 'ARRAY JOIN author_ids AS author_id',
      count: 'countIf(cur)',
      readers: 'uniqIf(visitor_id, cur)',
    },
    shares: { table: 'shares', time: 'time', join: 'ARRAY JOIN author_ids AS author_id', count: 'countIf(cur)' },
    engagement: { join: 'ARRAY JOIN author_ids AS author_id' },
  },
} as const;

/**
 * Figures of one period and the period before it, for many sections or
 * authors, in three queries (views, shares, engagement) whatever their number:
 * both periods are read in one pass, split by the `cur` condition.
 */
export async function periodFigures(
  client: ClickHouseClient,
  subject: Subject,
  ids: readonly string[],
  current: TimeRange,
  previous: TimeRange,
): Promise<Map<string, { current: PeriodFigures; previous: PeriodFigures }>> {
  const source = SOURCES[subject];
  const params = {
    ids: ids,
    from: previous.from.getTime(),
    mid: current.from.getTime(),
    to: current.to.getTime(),
  };
  // The current-period test is spelled out in every -If aggregate: ClickHouse
  // mis-evaluates a WITH alias of it once the WHERE bounds the same column.
  const isCurrent = (time: string) => `${time} >= fromUnixTimestamp64Milli({mid:Int64}, 'UTC')`;
  const split = (aggregate: string, time: string) => ({
    current: aggregate.replace('cur', isCurrent(time)),
    previous: aggregate.replace('cur', `NOT (${isCurrent(time)})`),
  });
  const { key } = source;
  const viewCount = split(source.views.count, source.views.time);
  const viewReaders = split(source.views.readers, source.views.time);
  const viewArticles = split('uniqExactIf(article_id, cur)', source.views.time);
  const shareCount = split(source.shares.count, source.shares.time);

  const [views, shares, engagement] = await Promise.all([
    selectRows<Record<string, string>>(
      client,
      `SELECT toString(${key}) AS id,
              ${viewCount.current} AS c_views, ${viewReaders.current} AS c_readers, ${viewArticles.current} AS c_articles,
              ${viewCount.previous} AS p_views, ${viewReaders.previous} AS p_readers, ${viewArticles.previous} AS p_articles
         FROM ${source.views.table} ${source.views.join}
        WHERE ${key} IN ${idList('ids')} AND ${inWindow(source.views.time)}
        GROUP BY ${key}`,
      params,
    ),
    selectRows<Record<string, string>>(
      client,
      `SELECT toString(${key}) AS id, ${shareCount.current} AS c_shares, ${shareCount.previous} AS p_shares
         FROM ${source.shares.table} ${source.shares.join}
        WHERE ${key} IN ${idList('ids')} AND ${inWindow(source.shares.time)}
        GROUP BY ${key}`,
      params,
    ),
    selectRows<Record<string, string>>(
      client,
      `SELECT toString(${key}) AS id, countIf(current) AS c_views, sumIf(seconds, current) AS c_seconds,
              countIf(NOT current) AS p_views, sumIf(seconds, NOT current) AS p_seconds
         FROM (
           SELECT ${key}, view_id, ${isCurrent('min(time)')} AS current, max(engaged_seconds) AS seconds
             FROM engagement ${source.engagement.join}
            WHERE ${key} IN ${idList('ids')} AND ${inWindow('time')}
            GROUP BY ${key}, view_id
         )
        GROUP BY ${key}`,
      params,
    ),
  ]);

  const result = new Map<string, { current: PeriodFigures; previous: PeriodFigures }>();
  const entry = (id: string) => {
    let figures = result.get(id);
    if (!figures) {
      figures = { current: { ...EMPTY }, previous: { ...EMPTY } };
      result.set(id, figures);
    }
    return figures;
  };
  const n = (row: Record<string, string>, key: string) => Number(row[key] ?? 0);
  for (const row of views) {
    const { current, previous } = entry(String(row.id));
    Object.assign(current, {
      views: n(row, 'c_views'),
      uniqueReaders: n(row, 'c_readers'),
      articlesRead: n(row, 'c_articles'),
    });
    Object.assign(previous, {
      views: n(row, 'p_views'),
      uniqueReaders: n(row, 'p_readers'),
      articlesRead: n(row, 'p_articles'),
    });
  }
  for (const row of shares) {
    const { current, previous } = entry(String(row.id));
    current.shares = n(row, 'c_shares');
    previous.shares = n(row, 'p_shares');
  }
  for (const row of engagement) {
    const { current, previous } = entry(String(row.id));
    Object.assign(current, { engagedViews: n(row, 'c_views'), engagedSeconds: n(row, 'c_seconds') });
    Object.assign(previous, { engagedViews: n(row, 'p_views'), engagedSeconds: n(row, 'p_seconds') });
  }
  return result;
}

export const emptyFigures = (): { current: PeriodFigures; previous: PeriodFigures } => ({
  current: { ...EMPTY },
  previous: { ...EMPTY },
});
