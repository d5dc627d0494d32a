import { badInput, LIST_SIZES } from '@byline/graphql';
import { addDays, wallTimeOf, zonedTimeToUtc } from '@byline/time';
import { registerEnumType } from 'type-graphql';
import type { TimeRange } from './range.js';

export enum Interval {
  MINUTE = 'MINUTE',
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(Interval, {
  name: 'Interval',
  description: 'Bucket size of a time series, cut in the range time zone.',
});

/** A series' most buckets; the gateway counts an article's timeline at this size. */
export const MAX_BUCKETS = LIST_SIZES['Article.viewsTimeline'];

/** SQL for the start of the bucket holding `column`, as Unix seconds; the zone is the bound `{tz:String}`. */
export function bucketSql(interval: Interval, column: string): string {
  const local = `toTimeZone(${column}, {tz:String})`;
  switch (interval) {
    case Interval.MINUTE:
      return `toUnixTimestamp(toStartOfMinute(${local}))`;
    case Interval.HOUR:
      return `toUnixTimestamp(toStartOfHour(${local}))`;
    case Interval.DAY:
      return `toUnixTimestamp(toStartOfDay(${local}))`;
    case Interval.WEEK:
      return `toUnixTimestamp(toDateTime(toMonday(${local}), {tz:String}))`;
    case Interval.MONTH:
      return `toUnixTimestamp(toDateTime(toStartOfMonth(${local}), {tz:String}))`;
  }
}

/** The bucket holding `instant`, computed the same way as `bucketSql`. */
function bucketStart(instant: Date, interval: Interval, timeZone: string): Date {
  const wall = wallTimeOf(instant, timeZone);
  switch (interval) {
    case Interval.MINUTE:
      return zonedTimeToUtc({ ...wall, second: 0 }, timeZone);
    case Interval.HOUR:
      return zonedTimeToUtc({ ...wall, minute: 0, second: 0 }, timeZone);
    case Interval.DAY:
      return zonedTimeToUtc({ ...wall, hour: 0, minute: 0, second: 0 }, timeZone);
    case Interval.WEEK: {
      const weekday = (new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() + 6) % 7;
      return zonedTimeToUtc({ ...addDays(wall, -weekday), hour: 0, minute: 0 }, timeZone);
    }
    case Interval.MONTH:
      return zonedTimeToUtc({ year: wall.year, month: wall.month, day: 1, hour: 0, minute: 0 }, timeZone);
  }
}

function nextBucket(start: Date, interval: Interval, timeZone: string): Date {
  if (interval === Interval.MINUTE) return new Date(start.getTime() + 60_000);
  if (interval === Interval.HOUR)
    return bucketStart(new Date(start.getTime() + 3_600_000 + 60_000), interval, timeZone);
  const wall = wallTimeOf(start, timeZone);
  const days = interval === Interval.DAY ? 1 : interval === Interval.WEEK ? 7 : 0;
  const next =
    days > 0
      ? addDays(wall, days)
      : { year: wall.year + (wall.month === 12 ? 1 : 0), month: (wall.month % 12) + 1, day: 1 };
  return zonedTimeToUtc({ ...next, hour: 0, minute: 0 }, timeZone);
}

/** Every bucket start in the range, so a series can show zeros where nothing happened. */
export function bucketStarts(range: TimeRange, interval: Interval, field = 'interval'): Date[] {
  const starts: Date[] = [];
  for (let at = bucketStart(range.from, interval, range.timeZone); at < range.to; ) {
    starts.push(at);
    if (starts.length > MAX_BUCKETS) throw badInput(field, `too fine for this range: more than ${MAX_BUCKETS} buckets`);
    at = nextBucket(at, interval, range.timeZone);
  }
  return starts;
}
