import { idList, inWindow, windowParams } from '../../clickhouse/query.js';
import { splitByUtcDays } from '../range/day-split.js';
import { bucketSql, Interval } from '../range/interval.js';
import type { TimeRange } from '../range/range.js';
import { DIMENSION_COLUMNS, Dimension, type Filters } from '../shared/dimensions.js';
import { sectionRows } from '../shared/section-rows.js';

type Measured = 'views' | 'readers';

interface Source {
  /** A table, or a subquery built for the range. */
  from: (query: ViewsQuery, params: Record<string, unknown>) => string;
  time: string;
  views: string;
  readers: string;
  /** The dimensions its rows keep; undefined: all of them. */
  holds?: ReadonlySet<Dimension>;
  /** Reader sketches are per UTC day: count each day's readers, then add the days. */
  readersPerDay?: boolean;
}

const table = (name: string) => () => name;
const RAW: Source = { from: table('views'), time: 'time', views: 'count()', readers: 'uniq(visitor_id)' };
const MINUTES: Source = {
  from: table('views_by_minute'),
  time: 'minute',
  views: 'sum(views)',
  readers: 'uniqMerge(visitors)',
  holds: new Set(Object.values(Dimension).filter((dimension) => dimension !== Dimension.AUTHOR)),
};
const ARTICLE_HOURS: Source = {
  ...MINUTES,
  from: table('article_views_by_hour'),
  time: 'hour',
  holds: new Set([Dimension.ARTICLE]),
};
const SECTIONS: Source = {
  // Series need hourly rows to cut buckets in any whole-hour zone; totals read whole days where they can.
  from: (query, params) => sectionRows(splitByUtcDays(query.range, [], { days: !query.interval }), params),
  time: 't',
  views: 'sum(views)',
  readers: 'uniqCombinedMerge(12)(readers)',
  holds: new Set([Dimension.SECTION, Dimension.EDITION]),
  readersPerDay: true,
};
const HOUR_MS = 3_600_000;
/** How far back the minute rollup serves (the live page); older ranges read hours or raw rows. */
const MINUTES_KEPT_MS = 2 * 86_400_000;

export interface ViewsQuery {
  range: TimeRange;
  groupBy: Dimension[];
  filters: Filters;
  interval?: Interval;
  limit: number;
  /** Biggest first by this measure (default views), after bucket order when there is an interval. */
  orderBy?: Measured;
  /** Unique readers cost far more than views: leave them out (as 0) when nobody asked. */
  readers?: boolean;
  now: Date;
}

/**
 * The smallest rollup holding everything asked for: article-first or
 * section-first hours when the range and the zone fall on whole hours, the
 * minute rollup for the last two days, else the raw table (authors live only
 * there).
 */
function chooseSource(query: Pick<ViewsQuery, 'range' | 'groupBy' | 'filters' | 'interval' | 'now'>): Source {
  const dimensions = [...query.groupBy, ...(Object.keys(query.filters) as Dimension[])];
  const holds = (source: Source) => dimensions.every((dimension) => source.holds?.has(dimension) ?? true);
  const { from, to, timeZone } = query.range;
  const onHours = (instant: Date) => instant.getTime() % HOUR_MS === 0;
  const wholeHourZone = [from, to].every((instant) => zoneOffsetMinutes(instant, timeZone) % 60 === 0);
  const hourly =
    query.interval !== Interval.MINUTE && onHours(from) && (onHours(to) || to >= query.now) && wholeHourZone;
  if (hourly && holds(ARTICLE_HOURS)) return ARTICLE_HOURS;
  if (hourly && holds(SECTIONS)) return SECTIONS;
  if (from.getTime() >= query.now.getTime() - MINUTES_KEPT_MS && holds(MINUTES)) return MINUTES;
  return RAW;
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
  return [inWindow(source.time), ...filterConditions(query.filters, query.groupBy, params)];
}

/** WHERE conditions of the filters, their values bound into `params`; authors match any of a row's authors unless grouped by. */
export function filterConditions(filters: Filters, groupBy: Dimension[], params: Record<string, unknown>): string[] {
  return (Object.entries(filters) as [Dimension, string[]][]).map(([dimension, values]) => {
    const name = `f_${dimension.toLowerCase()}`;
    params[name] = values;
    const list = ID_DIMENSIONS.has(dimension) ? idList(name) : `{${name}:Array(String)}`;
    return dimension === Dimension.AUTHOR && !groupBy.includes(Dimension.AUTHOR)
      ? `hasAny(author_ids, ${idList(name)})`
      : `${DIMENSION_COLUMNS[dimension].column} IN ${list}`;
  });
}

/** Whether the minute rollup holds every dimension of these filters (it keeps all but authors). */
export function minutesHold(filters: Filters): boolean {
  return Object.keys(filters).every((dimension) => MINUTES.holds?.has(dimension as Dimension));
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
  const source = chooseSource(query);
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
