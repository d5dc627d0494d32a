import { inWindow, windowParams } from '../../clickhouse/query.js';
import { splitByUtcDays } from '../range/day-split.js';
import { bucketSql } from '../range/interval.js';
import { DIMENSION_COLUMNS, Dimension } from '../shared/dimensions.js';
import { filterConditions } from '../shared/filter-conditions.js';
import { sectionRows } from '../shared/section-rows.js';
import { chooseSource, type SourceQuestion, type ViewsSource } from './source.js';

type Measured = 'views' | 'readers';

/** How to read views and readers from one source. */
interface Reading {
  /** A table, or a subquery built for the range. */
  from: (query: ViewsQuery, params: Record<string, unknown>) => string;
  time: string;
  views: string;
  readers: string;
  /** Reader sketches are per UTC day: count each day's readers, then add the days. */
  readersPerDay?: boolean;
}

const table = (name: string) => () => name;
const MINUTES: Reading = {
  from: table('views_by_minute'),
  time: 'minute',
  views: 'sum(views)',
  readers: 'uniqMerge(visitors)',
};
const READINGS: Record<ViewsSource, Reading> = {
  views: { from: table('views'), time: 'time', views: 'count()', readers: 'uniq(visitor_id)' },
  views_by_minute: MINUTES,
  article_views_by_hour: { ...MINUTES, from: table('article_views_by_hour'), time: 'hour' },
  section_days_and_hours: {
    // Series need hourly rows to cut buckets in any whole-hour zone; totals read whole days where they can.
    from: (query, params) => sectionRows(splitByUtcDays(query.range, [], { days: !query.interval }), params),
    time: 't',
    views: 'sum(views)',
    readers: 'uniqCombinedMerge(12)(readers)',
    readersPerDay: true,
  },
};

export interface ViewsQuery extends SourceQuestion {
  limit: number;
  /** Biggest first by this measure (default views), after bucket order when there is an interval. */
  orderBy?: Measured;
  /** Unique readers cost far more than views: leave them out (as 0) when nobody asked. */
  readers?: boolean;
}

/** WHERE conditions of the range and filters, with their bound parameters. */
function conditions(source: Reading, query: ViewsQuery, params: Record<string, unknown>): string[] {
  Object.assign(params, windowParams(query.range));
  return [inWindow(source.time), ...filterConditions(query.filters, query.groupBy, params)];
}

export interface ViewsRow {
  /** Values of the grouped dimensions, in `groupBy` order. */
  keys: string[];
  /** Unix seconds of the bucket start, with an interval. */
  bucket?: number;
  views: number;
  readers: number;
}

/**
 * One SELECT answering "views and unique readers, grouped by …, filtered by …,
 * per bucket". Visitor ids change every UTC day, so the section rollups keep
 * one reader sketch per day: their readers are counted per day and added up,
 * the same number a distinct count over the range gives.
 */
export function viewsSql(query: ViewsQuery): { sql: string; params: Record<string, unknown> } {
  const source = READINGS[chooseSource(query)];
  const params: Record<string, unknown> = { tz: query.range.timeZone, limit: query.limit };
  const keys = query.groupBy.map((dimension, i) => `${DIMENSION_COLUMNS[dimension].select} AS k${i}`);
  const names = query.groupBy.map((_, i) => `k${i}`);
  if (query.interval) {
    keys.push(`${bucketSql(query.interval, source.time)} AS bucket`);
    names.push('bucket');
  }
  const orderBy = query.orderBy ?? 'views';
  const withReaders = query.readers !== false || orderBy === 'readers';
  const arrayJoin = query.groupBy.includes(Dimension.AUTHOR) ? 'ARRAY JOIN author_ids AS author_id' : '';
  const scan = (selects: string[], groups: string[]) => `
      SELECT ${selects.join(', ')}
        FROM ${source.from(query, params)} ${arrayJoin}
       WHERE ${conditions(source, query, params).join('\n         AND ')}
       ${groups.length > 0 ? `GROUP BY ${groups.join(', ')}` : ''}`;
  const selects = [...keys, `${source.views} AS views`, withReaders ? `${source.readers} AS readers` : '0 AS readers'];
  const body =
    withReaders && source.readersPerDay
      ? `SELECT ${[...names, 'sum(views) AS views', 'sum(readers) AS readers'].join(', ')}
           FROM (${scan([...selects, `toDate(${source.time}) AS day`], [...names, 'day'])})
           ${names.length > 0 ? `GROUP BY ${names.join(', ')}` : ''}`
      : scan(selects, names);
  const sql = `${body}
     ORDER BY ${query.interval ? 'bucket, ' : ''}${orderBy} DESC${names.length > 0 ? `, ${names.join(', ')}` : ''}
     LIMIT {limit:UInt32}`;
  return { sql, params };
}

export function toViewsRow(row: Record<string, unknown>, dimensions: number): ViewsRow {
  return {
    keys: Array.from({ length: dimensions }, (_, i) => String(row[`k${i}`])),
    ...(row.bucket !== undefined ? { bucket: Number(row.bucket) } : {}),
    views: Number(row.views),
    readers: Number(row.readers),
  };
}
