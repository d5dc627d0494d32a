import { inWindow, windowParams } from '../../clickhouse/query.js';
import type { Filters } from '../shared/dimensions.js';
import { filterConditions } from '../shared/filter-conditions.js';
import { minutesHold } from '../views/source.js';

/**
 * Which answer a row of `liveSql` belongs to: `grouping(minute, article_id, section_id, channel)`,
 * a bit set for each key the row is not grouped by.
 */
export const LiveSet = {
  MINUTE: 0b0111,
  ARTICLE: 0b1011,
  SECTION: 0b1101,
  CHANNEL: 0b1110,
  ALL: 0b1111,
} as const;

export interface LiveRow {
  set: number;
  bucket: number;
  article: string;
  section: string;
  channel: string;
  /** Over the whole window. */
  views: number;
  readers: number;
  /** Since `recentFrom` only. */
  recentViews: number;
  recentReaders: number;
}

/**
 * Everything the live page shows, in one scan of the window: views and readers
 * per minute, per article, per section, per channel and in all, each also for
 * the recent part of the window. One query instead of five: on the small live
 * window a query's fixed cost (parts, marks, planning) is most of its time.
 * Reads the minute rollup, or, when a filter names what it does not keep
 * (authors), raw views brought into the rollup's shape first.
 * At most `limit` rows of each answer: articles by views, sections and
 * channels by recent views.
 */
export function liveSql(filters: Filters, window: { from: Date; to: Date }, recentFrom: Date, limit: number) {
  const params: Record<string, unknown> = { ...windowParams(window), recent: recentFrom.getTime(), limit };
  const fromRollup = minutesHold(filters);
  const where = [inWindow(fromRollup ? 'minute' : 'time'), ...filterConditions(filters, [], params)].join(' AND ');
  // The rollup is read directly, and grouped by its own columns rather than their
  // string forms: through a subquery, or by strings, the same scan took a fifth longer.
  const rows = fromRollup
    ? `views_by_minute WHERE ${where}`
    : `(SELECT toStartOfMinute(time) AS minute, article_id, section_id, channel,
               count() AS views, uniqState(visitor_id) AS visitors
          FROM views WHERE ${where}
         GROUP BY minute, article_id, section_id, channel)`;
  const recent = `minute >= fromUnixTimestamp64Milli({recent:Int64}, 'UTC')`;
  const sql = `
    SELECT grouping(minute, article_id, section_id, channel) AS set,
           toUnixTimestamp(minute) AS bucket, toString(article_id) AS article,
           toString(section_id) AS section, channel,
           sum(views) AS total_views, uniqMerge(visitors) AS total_readers,
           sumIf(views, ${recent}) AS recent_views, uniqMergeIf(visitors, ${recent}) AS recent_readers
      FROM ${rows}
     GROUP BY GROUPING SETS ((minute), (article_id), (section_id), (channel), ())
     ORDER BY set, if(set IN (${LiveSet.SECTION}, ${LiveSet.CHANNEL}), recent_views, total_views) DESC,
              bucket, article, section, channel
     LIMIT {limit:UInt32} BY set`;
  return { sql, params };
}

export function toLiveRow(row: Record<string, unknown>): LiveRow {
  return {
    set: Number(row.set),
    bucket: Number(row.bucket),
    article: String(row.article),
    section: String(row.section),
    channel: String(row.channel),
    views: Number(row.total_views),
    readers: Number(row.total_readers),
    recentViews: Number(row.recent_views),
    recentReaders: Number(row.recent_readers),
  };
}
