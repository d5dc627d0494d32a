import { idList, inWindow, windowParams } from '../clickhouse/query.js';
import { DIMENSION_COLUMNS, Dimension, type Filters } from './dimensions.js';
import { bucketSql, Interval } from './interval.js';
import type { TimeRange } from './range.js';

interface Source {
  table: string;
  time: string;
  views: string;
  readers: string;
  raw: boolean;
}

const RAW: Source = { table: 'views', time: 'time', views: 'count()', readers: 'uniq(visitor_id)', raw: true };
const BY_MINUTE: Source = {
  table: 'views_by_minute',
  time: 'minute',
  views: 'sum(views)',
  readers: 'uniqMerge(visitors)',
  raw: false,
};
const BY_HOUR: Source = { ...BY_MINUTE, table: 'views_by_hour', time: 'hour' };
const ARTICLE_BY_HOUR: Source = { ...BY_MINUTE, table: 'article_views_by_hour', time: 'hour' };
const HOUR_MS = 3_600_000;

export interface ViewsQuery {
  range: TimeRange;
  groupBy: Dimension[];
  filters: Filters;
  interval?: Interval;
  limit: number;
  /** Biggest first by this measure (default views), after bucket order when there is an interval. */
  orderBy?: 'views' | 'readers';
  now: Date;
}

/**
 * Rollups when they hold everything asked for: hourly buckets when the range
 * and the zone fall on whole hours (article-first when only articles are
 * involved), minute buckets otherwise; the raw table only for authors, which
 * the rollups do not keep.
 */
function chooseSource(query: Pick<ViewsQuery, 'range' | 'groupBy' | 'filters' | 'interval' | 'now'>): Source {
  const dimensions = [...query.groupBy, ...(Object.keys(query.filters) as Dimension[])];
  if (dimensions.some((dimension) => !DIMENSION_COLUMNS[dimension].inRollup)) return RAW;
  const { from, to, timeZone } = query.range;
  const onHours = (instant: Date) => instant.getTime() % HOUR_MS === 0;
  const wholeHourZone = [from, to].every((instant) => zoneOffsetMinutes(instant, timeZone) % 60 === 0);
  const hourly =
    query.interval !== Interval.MINUTE && onHours(from) && (onHours(to) || to >= query.now) && wholeHourZone;
  if (!hourly) return BY_MINUTE;
  return dimensions.every((dimension) => dimension === Dimension.ARTICLE) ? ARTICLE_BY_HOUR : BY_HOUR;
}

function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

const ID_DIMENSIONS = new Set([Dimension.SECTION, Dimension.ARTICLE, Dimension.AUTHOR]);

/** WHERE conditions of the range and filters, with their bound parameters. */
function conditions(source: Source, query: ViewsQuery, params: Record<string, unknown>): string[] {
  Object.assign(params, windowParams(query.range));
  const where = [inWindow(source.time)];
  for (const [dimension, values] of Object.entries(query.filters) as [Dimension, string[]][]) {
    const name = `f_${dimension.toLowerCase()}`;
    params[name] = values;
    const list = ID_DIMENSIONS.has(dimension) ? idList(name) : `{${name}:Array(String)}`;
    where.push(
      dimension === Dimension.AUTHOR && !query.groupBy.includes(Dimension.AUTHOR)
        ? `hasAny(author_ids, ${idList(name)})`
        : `${DIMENSION_COLUMNS[dimension].column} IN ${list}`,
    );
  }
  return where;
}

export interface ViewsRow {
  /** Values of the grouped dimensions, in `groupBy` order. */
  keys: string[];
  /** Unix seconds of the bucket start, with an interval. */
  bucket?: number;
  views: number;
  readers: number;
}

/** One SELECT answering "views and unique readers, grouped by …, filtered by …, per bucket". */
export function viewsSql(query: ViewsQuery): { sql: string; params: Record<string, unknown> } {
  const source = chooseSource(query);
  const params: Record<string, unknown> = { tz: query.range.timeZone, limit: query.limit };
  const selects = query.groupBy.map((dimension, i) => `${DIMENSION_COLUMNS[dimension].select} AS k${i}`);
  const groups = query.groupBy.map((_, i) => `k${i}`);
  if (query.interval) {
    selects.push(`${bucketSql(query.interval, source.time)} AS bucket`);
    groups.push('bucket');
  }
  const arrayJoin = query.groupBy.includes(Dimension.AUTHOR) ? 'ARRAY JOIN author_ids AS author_id' : '';
  const sql = `
    SELECT ${[...selects, `${source.views} AS views`, `${source.readers} AS readers`].join(', ')}
      FROM ${source.table} ${arrayJoin}
     WHERE ${conditions(source, query, params).join('\n       AND ')}
     ${groups.length > 0 ? `GROUP BY ${groups.join(', ')}` : ''}
     ORDER BY ${query.interval ? 'bucket, ' : ''}${query.orderBy ?? 'views'} DESC${groups.length > 0 ? `, ${groups.join(', ')}` : ''}
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
