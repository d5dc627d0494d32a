import type { Interval } from '$lib/graphql/generated';

/**
 * Number and date formatting for one reader: their locale, and the time zone
 * the dashboard shows. Formatters are built once per (locale, zone).
 */
export interface Format {
  locale: string;
  timeZone: string;
  /** 12,345 */
  integer(value: number): string;
  /** 12.3K: for big figures in tiles and axes. */
  compact(value: number): string;
  /** 2.35, or — */
  decimal(value: number | null, digits?: number): string;
  /** 12.3% of a whole (0.123 → 12.3%). */
  share(value: number): string;
  /** +12.3% / −4.0% change, or — when there is nothing to compare with. */
  change(percent: number | null): string;
  /** 1 min 05 s */
  duration(seconds: number | null): string;
  /** The start of a bucket, as precise as its interval. */
  bucket(iso: string | Date, interval: Interval): string;
  /** 25 Nov 2026, 14:05 */
  dateTime(iso: string | Date): string;
  /** 14:05:09 */
  time(iso: string | Date): string;
  /** 25 Nov 2026 */
  date(iso: string | Date): string;
  /** Azerbaijan, from AZ; '' reads as "Unknown". */
  country(code: string): string;
}

const cache = new Map<string, Format>();

/** The first language tag of an Accept-Language header this runtime supports, else `fallback`. */
export function pickLocale(header: string | null, fallback = 'en-GB'): string {
  const tags = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q = 'q=1'] = part.trim().split(';');
      return { tag: tag.trim(), q: Number(q.trim().replace(/^q=/, '')) || 0 };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // not a well-formed tag: try the next one
    }
  }
  return fallback;
}

export function createFormat(locale: string, timeZone: string): Format {
  const key = `${locale}|${timeZone}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const decimals = new Map<number, Intl.NumberFormat>();
  const decimal = (digits: number) => {
    let format = decimals.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
      decimals.set(digits, format);
    }
    return format;
  };
  const minutes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'narrow' });
  const seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'narrow' });
  const dates = {
    minute: new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }),
    hour: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit' }),
    day: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }),
    month: new Intl.DateTimeFormat(locale, { timeZone, month: 'long', year: 'numeric' }),
    dateTime: new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }),
    time: new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'medium' }),
    date: new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' }),
  };
  const regions = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
  const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

  const format: Format = {
    locale,
    timeZone,
    integer: (value) => integer.format(value),
    compact: (value) => compact.format(value),
    decimal: (value, digits = 1) => (value === null ? '—' : decimal(digits).format(value)),
    share: (value) => percent.format(value),
    change: (value) => (value === null ? '—' : signed.format(value / 100)),
    duration: (value) => {
      if (value === null) return '—';
      const whole = Math.round(value);
      const [m, s] = [Math.floor(whole / 60), whole % 60];
      return m > 0 ? `${minutes.format(m)} ${seconds.format(s)}` : seconds.format(s);
    },
    bucket: (value, interval) => {
      const date = toDate(value);
      switch (interval) {
        case 'MINUTE':
          return dates.minute.format(date);
        case 'HOUR':
          return dates.hour.format(date);
        case 'DAY':
        case 'WEEK':
          return dates.day.format(date);
        case 'MONTH':
          return dates.month.format(date);
      }
    },
    dateTime: (value) => dates.dateTime.format(toDate(value)),
    time: (value) => dates.time.format(toDate(value)),
    date: (value) => dates.date.format(toDate(value)),
    country: (code) => {
      if (code === '') return 'Unknown';
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
  cache.set(key, format);
  return format;
}
