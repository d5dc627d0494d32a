import type { DaySplit, Span } from '../range/day-split.js';

/** The measures both section rollups keep, in the order the subquery returns them. */
const MEASURES = 'section_id, edition, views, readers, articles, shares, engaged_views, engaged_seconds';

const isoDay = (instant: Date) => instant.toISOString().slice(0, 10);

/**
 * A subquery over section_days (whole UTC days) and section_hours (the
 * edges), with the bucket start as `t`: its rows cover the split's spans
 * exactly once. Binds the span bounds into `params`.
 */
export function sectionRows(split: DaySplit, params: Record<string, unknown>): string {
  // `bind` binds one bound of a span as parameter `name` and returns its SQL.
  const within = (list: Span[], column: string, bind: (name: string, instant: Date) => string) =>
    list
      .map(
        (span, i) =>
          `(${column} >= ${bind(`${column}${i}_from`, span.from)} AND ${column} < ${bind(`${column}${i}_to`, span.to)})`,
      )
      .join(' OR ');
  const day = (name: string, instant: Date) => {
    params[name] = isoDay(instant);
    return `{${name}:Date}`;
  };
  const hour = (name: string, instant: Date) => {
    params[name] = instant.getTime();
    return `fromUnixTimestamp64Milli({${name}:Int64}, 'UTC')`;
  };
  const parts: string[] = [];
  if (split.days.length > 0) {
    parts.push(
      `SELECT toDateTime(day, 'UTC') AS t, ${MEASURES} FROM section_days WHERE ${within(split.days, 'day', day)}`,
    );
  }
  if (split.hours.length > 0) {
    parts.push(`SELECT hour AS t, ${MEASURES} FROM section_hours WHERE ${within(split.hours, 'hour', hour)}`);
  }
  return `(${parts.join('\n UNION ALL\n')})`;
}
