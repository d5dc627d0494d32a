import { Interval } from '../range/interval.js';
import type { TimeRange } from '../range/range.js';
import { Dimension, type Filters } from '../shared/dimensions.js';

/** Where a views query reads: the raw table, a rollup, or the two section rollups together. */
export type ViewsSource = 'views' | 'views_by_minute' | 'article_views_by_hour' | 'section_days_and_hours';

export interface SourceQuestion {
  range: TimeRange;
  groupBy: Dimension[];
  filters: Filters;
  interval?: Interval;
  now: Date;
}

/** The dimensions each rollup's rows keep; the raw table keeps all of them. */
const MINUTES_HOLD: ReadonlySet<Dimension> = new Set(
  Object.values(Dimension).filter((dimension) => dimension !== Dimension.AUTHOR),
);
const ARTICLE_HOURS_HOLD: ReadonlySet<Dimension> = new Set([Dimension.ARTICLE]);
const SECTIONS_HOLD: ReadonlySet<Dimension> = new Set([Dimension.SECTION, Dimension.EDITION]);

const HOUR_MS = 3_600_000;
/** How far back the minute rollup serves (the live page); older ranges read hours or raw rows. */
const MINUTES_KEPT_MS = 2 * 86_400_000;

/**
 * The smallest rollup holding everything asked for: article-first or
 * section-first hours when the range and the zone fall on whole hours, the
 * minute rollup for the last two days, else the raw table (authors live only
 * there).
 */
export function chooseSource(question: SourceQuestion): ViewsSource {
  const dimensions = [...question.groupBy, ...(Object.keys(question.filters) as Dimension[])];
  const holds = (kept: ReadonlySet<Dimension>) => dimensions.every((dimension) => kept.has(dimension));
  const { from, to, timeZone } = question.range;
  const onHours = (instant: Date) => instant.getTime() % HOUR_MS === 0;
  const wholeHourZone = [from, to].every((instant) => zoneOffsetMinutes(instant, timeZone) % 60 === 0);
  const hourly =
    question.interval !== Interval.MINUTE && onHours(from) && (onHours(to) || to >= question.now) && wholeHourZone;
  if (hourly && holds(ARTICLE_HOURS_HOLD)) return 'article_views_by_hour';
  if (hourly && holds(SECTIONS_HOLD)) return 'section_days_and_hours';
  if (from.getTime() >= question.now.getTime() - MINUTES_KEPT_MS && holds(MINUTES_HOLD)) return 'views_by_minute';
  return 'views';
}

/** Whether the minute rollup holds every dimension of these filters (it keeps all but authors). */
export function minutesHold(filters: Filters): boolean {
  return Object.keys(filters).every((dimension) => MINUTES_HOLD.has(dimension as Dimension));
}

function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}
