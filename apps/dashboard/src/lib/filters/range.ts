import { addDays, wallTimeOf, zonedTimeToUtc } from '@byline/time';
import type { Interval, RangeInput, RangePreset } from '$lib/graphql/generated';
import type { Filters, RangeKey } from './filters';

/** A range as instants: `from` inclusive, `to` exclusive, days cut in `timeZone`. */
export interface Span {
  from: Date;
  to: Date;
  timeZone: string;
}

const PRESETS: Record<Exclude<RangeKey, 'custom'>, RangePreset> = {
  today: 'TODAY',
  yesterday: 'YESTERDAY',
  '7d': 'LAST_7_DAYS',
  '30d': 'LAST_30_DAYS',
  '90d': 'LAST_90_DAYS',
};

/** Days each range covers, counting today as one. */
const PRESET_DAYS: Record<Exclude<RangeKey, 'custom'>, { back: number; through: 'now' | 'midnight' }> = {
  today: { back: 0, through: 'now' },
  yesterday: { back: 1, through: 'midnight' },
  '7d': { back: 6, through: 'now' },
  '30d': { back: 29, through: 'now' },
  '90d': { back: 89, through: 'now' },
};

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

type Day = { year: number; month: number; day: number };

function parseDay(day: string): Day {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return { year, month, day: date };
}

function midnight(day: Day, timeZone: string): Date {
  return zonedTimeToUtc({ ...day, hour: 0, minute: 0 }, timeZone);
}

/** The range argument the gateway takes for these filters. */
export function toRangeInput(filters: Filters): RangeInput {
  if (filters.range === 'custom' && filters.from && filters.to) {
    const span = resolveSpan(filters, new Date());
    return { from: span.from.toISOString(), to: span.to.toISOString(), timeZone: filters.tz };
  }
  return { preset: PRESETS[filters.range === 'custom' ? '7d' : filters.range], timeZone: filters.tz };
}

/** The instants the filters' range covers at `now`, computed as the analytics subgraph does. */
export function resolveSpan(filters: Filters, now: Date): Span {
  const timeZone = filters.tz;
  if (filters.range === 'custom' && filters.from && filters.to) {
    return {
      from: midnight(parseDay(filters.from), timeZone),
      to: midnight(addDays(parseDay(filters.to), 1), timeZone),
      timeZone,
    };
  }
  const { back, through } = PRESET_DAYS[filters.range === 'custom' ? '7d' : filters.range];
  const today = wallTimeOf(now, timeZone);
  return {
    from: midnight(addDays(today, -back), timeZone),
    to: through === 'now' ? now : midnight(today, timeZone),
    timeZone,
  };
}

/** Whole local days the span touches. */
export function spanDays(span: Span): number {
  const first = wallTimeOf(span.from, span.timeZone);
  const last = wallTimeOf(new Date(span.to.getTime() - 1), span.timeZone);
  return (
    Math.round(
      (Date.UTC(last.year, last.month - 1, last.day) - Date.UTC(first.year, first.month - 1, first.day)) / DAY_MS,
    ) + 1
  );
}

/**
 * The same hours as many days earlier as the span covers, so bucket i of one
 * lines up with bucket i of the other (today against yesterday, a week
 * against the week before).
 */
export function previousSpan(span: Span): Span {
  const days = spanDays(span);
  const shift = (instant: Date) => {
    const wall = wallTimeOf(instant, span.timeZone);
    return zonedTimeToUtc({ ...wall, ...addDays(wall, -days) }, span.timeZone);
  };
  return { from: shift(span.from), to: shift(span.to), timeZone: span.timeZone };
}

/** Hours up to three days, days up to 120, weeks beyond. */
export function intervalFor(span: Span): Interval {
  const days = spanDays(span);
  if (days <= 3) return 'HOUR';
  if (days <= 120) return 'DAY';
  return 'WEEK';
}

/** A span as the gateway's explicit range argument. */
export function spanInput(span: Span): RangeInput {
  return { from: span.from.toISOString(), to: span.to.toISOString(), timeZone: span.timeZone };
}

/** Start of the bucket holding `instant`, cut in `timeZone` like the analytics subgraph cuts them. */
function bucketStart(instant: Date, interval: Interval, timeZone: string): Date {
  if (interval === 'MINUTE') return new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
  const wall = wallTimeOf(instant, timeZone);
  switch (interval) {
    case 'HOUR':
      return zonedTimeToUtc({ ...wall, minute: 0, second: 0 }, timeZone);
    case 'DAY':
      return midnight(wall, timeZone);
    case 'WEEK': {
      const weekday = (new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay() + 6) % 7;
      return midnight(addDays(wall, -weekday), timeZone);
    }
    case 'MONTH':
      return midnight({ year: wall.year, month: wall.month, day: 1 }, timeZone);
  }
}

function nextBucket(start: Date, interval: Interval, timeZone: string): Date {
  if (interval === 'MINUTE') return new Date(start.getTime() + 60_000);
  // An hour later, plus a minute to land past a DST repeat, then back to the hour's start.
  if (interval === 'HOUR') return bucketStart(new Date(start.getTime() + HOUR_MS + 60_000), interval, timeZone);
  const wall = wallTimeOf(start, timeZone);
  if (interval === 'MONTH') {
    return midnight({ year: wall.year + (wall.month === 12 ? 1 : 0), month: (wall.month % 12) + 1, day: 1 }, timeZone);
  }
  return midnight(addDays(wall, interval === 'DAY' ? 1 : 7), timeZone);
}

/** Every bucket start in the span, so series can show zeros where nothing happened. */
export function bucketStarts(span: Span, interval: Interval): Date[] {
  const starts: Date[] = [];
  for (let at = bucketStart(span.from, interval, span.timeZone); at < span.to; ) {
    starts.push(at);
    at = nextBucket(at, interval, span.timeZone);
  }
  return starts;
}

/**
 * Buckets for share series, which cost one request each (shareStats has no
 * interval): hours for a day, days up to a month, then weeks, then months.
 */
export function shareIntervalFor(span: Span): Interval {
  const days = spanDays(span);
  if (days <= 1) return 'HOUR';
  if (days <= 31) return 'DAY';
  if (days <= 200) return 'WEEK';
  return 'MONTH';
}

/** Each bucket as its own span, clipped to the span (the first week may start before it). */
export function bucketSpans(span: Span, starts: readonly Date[]): Span[] {
  return starts.map((start, i) => ({
    from: new Date(Math.max(start.getTime(), span.from.getTime())),
    to: starts[i + 1] ?? span.to,
    timeZone: span.timeZone,
  }));
}
