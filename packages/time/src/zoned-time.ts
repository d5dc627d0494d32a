/** A wall-clock reading in some time zone; month is 1-12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock reading of an instant in `timeZone` (seconds included, milliseconds dropped). */
export function wallTimeOf(instant: Date | number, timeZone: string): Required<WallTime> {
  const values: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: (values.hour ?? 0) % 24, // some ICU versions print midnight as 24
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** The wall time read as if it were UTC, in epoch milliseconds. */
function asUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
}

/** Offset of `timeZone` from UTC at an instant, in milliseconds (+4 h for Asia/Baku). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return asUtc(wallTimeOf(whole, timeZone)) - whole;
}

/**
 * The instant at which clocks in `timeZone` show `wall`. Like Temporal's
 * "compatible" disambiguation: a time skipped by a DST jump moves forward by the
 * jump (02:30 on a spring-forward night is 03:30), a repeated time takes the
 * earlier of its two instants.
 */
export function zonedTimeToUtc(wall: WallTime, timeZone: string): Date {
  const local = asUtc(wall);
  // Offsets a day either side bracket any transition near this wall time.
  const before = offsetAt(local - DAY, timeZone);
  const after = offsetAt(local + DAY, timeZone);
  const candidates = [local - before, local - after].filter((t) => offsetAt(t, timeZone) === local - t);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In a gap: read the wall time with the offset in force before the jump.
  return new Date(local - before);
}

/**
 * A converter for one zone that is fast for bulk use: the offset is cached per
 * local day, and days near an offset change take the exact path above.
 */
export function zonedClock(timeZone: string): (wall: WallTime) => Date {
  formatter(timeZone); // throws RangeError now for an unknown zone
  const steadyOffset = new Map<number, number | null>();
  return (wall) => {
    const dayStart = Date.UTC(wall.year, wall.month - 1, wall.day);
    let offset = steadyOffset.get(dayStart);
    if (offset === undefined) {
      // UTC offsets lie within -12 h..+14 h, so these two instants bracket the whole local day.
      const first = offsetAt(dayStart - 14 * 60 * MINUTE, timeZone);
      const last = offsetAt(dayStart + DAY + 12 * 60 * MINUTE, timeZone);
      offset = first === last ? first : null;
      steadyOffset.set(dayStart, offset);
    }
    return offset === null ? zonedTimeToUtc(wall, timeZone) : new Date(asUtc(wall) - offset);
  };
}

/** Calendar arithmetic on a local date (no zone involved): `days` after year-month-day. */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** 0 = Monday ... 6 = Sunday, for a calendar date. */
export function isoWeekday(date: { year: number; month: number; day: number }): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}
