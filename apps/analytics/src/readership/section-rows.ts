import type { DaySplit, Span } from './day-split.js';

/** The measures both section rollups keep, in the order the subquery returns them. */
const MEASURES = 'section_id, edition, views, readers, articles, shares, engaged_views, engaged_seconds';

const isoDay = (instant: Date) => instant.toISOString().slice(0, 10);

/**
 * A subquery over section_days (whole UTC days) and section_hours (the
 * edges), with the bucket start as `t`: its rows cover the split's spans
 * exactly once. Binds the span bounds into `params`.
 */
export function sectionRows(split: DaySplit, params: Record<string, unknown>): string {
  const spans = (list: Span[], name: string, column: string, bound: (instant: Date) => unknown, type: string) =>
    list
      .map((span, i) => {
        params[`${name}${i}_from`] = bound(span.from);
        params[`${name}${i}_to`] = bound(span.to);
        const value = (edge: string) =>
          type === 'Date'
            ? `{${name}${i}_${edge}:Date}`
            : `fromUnixTimestamp64Milli({${name}${i}_${edge}:Int64}, 'UTC')`;
        return `(${column} >= ${value('from')} AND ${column} < ${value('to')})`;
      })
      .join(' OR ');
  const parts: string[] = [];
  if (split.days.length > 0) {
    parts.push(`SELECT toDateTime(day, 'UTC') AS t, ${MEASURES} FROM section_days
                 WHERE ${spans(split.days, 'sd', 'day', isoDay, 'Date')}`);
  }
  if (split.hours.length > 0) {
    parts.push(`SELECT hour AS t, ${MEASURES} FROM section_hours
                 WHERE ${spans(split.hours, 'sh', 'hour', (instant) => instant.getTime(), 'Int64')}`);
  }
  return `(${parts.join('\n UNION ALL\n')})`;
}
