/** What every page can be narrowed to, as kept in the URL's query string. */
export interface Filters {
  range: RangeKey;
  /** First day of a custom range, `YYYY-MM-DD`, in `tz`. */
  from?: string;
  /** Last day (inclusive) of a custom range, `YYYY-MM-DD`, in `tz`. */
  to?: string;
  tz: string;
  edition?: string;
  /** Section slug. */
  section?: string;
  /** ISO 3166-1 alpha-2 code. */
  country?: string;
  /** A subdivision of `country`, as the geo database names it. */
  region?: string;
  channel?: Channel;
  device?: Device;
}

export const RANGE_KEYS = ['today', 'yesterday', '7d', '30d', '90d', 'custom'] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];
const DEFAULT_RANGE: RangeKey = '7d';

export const CHANNELS = ['direct', 'internal', 'search', 'social', 'email', 'campaign', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DEVICES = ['desktop', 'mobile', 'tablet', 'other'] as const;
export type Device = (typeof DEVICES)[number];

/** The filters that narrow readership (the range and the zone aside). */
const DIMENSION_KEYS = ['edition', 'section', 'country', 'region', 'channel', 'device'] as const;
export type DimensionKey = (typeof DIMENSION_KEYS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((candidate) => candidate === value);

function isDay(value: string | null): value is string {
  if (!value || !DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads filters from a query string; a value that is not valid is dropped, so
 * a hand-edited or stale URL still shows a page. A custom range needs both
 * days in order, else it falls back to the default range.
 */
export function parseFilters(params: URLSearchParams, defaultTimeZone: string): Filters {
  const tz = params.get('tz');
  const filters: Filters = {
    range: oneOf(RANGE_KEYS, params.get('range')) ?? DEFAULT_RANGE,
    tz: tz && isTimeZone(tz) ? tz : defaultTimeZone,
  };
  if (filters.range === 'custom') {
    const [from, to] = [params.get('from'), params.get('to')];
    if (isDay(from) && isDay(to) && from <= to) Object.assign(filters, { from, to });
    else filters.range = DEFAULT_RANGE;
  }
  const edition = params.get('edition');
  if (edition && /^[a-z]{2,3}$/.test(edition)) filters.edition = edition;
  const section = params.get('section');
  if (section && SLUG.test(section)) filters.section = section;
  const country = params.get('country');
  if (country && /^[A-Z]{2}$/.test(country)) filters.country = country;
  const region = params.get('region');
  if (filters.country && region && region.length <= 100) filters.region = region;
  const channel = oneOf(CHANNELS, params.get('channel'));
  if (channel) filters.channel = channel;
  const device = oneOf(DEVICES, params.get('device'));
  if (device) filters.device = device;
  return filters;
}

/** The query string of `filters`, defaults left out, in a stable order. */
export function toSearchParams(filters: Filters, defaultTimeZone: string): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.range !== DEFAULT_RANGE) params.set('range', filters.range);
  if (filters.range === 'custom' && filters.from && filters.to) {
    params.set('from', filters.from);
    params.set('to', filters.to);
  }
  for (const key of DIMENSION_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.tz !== defaultTimeZone) params.set('tz', filters.tz);
  return params;
}

/** `path` with `filters` changed by `patch`; an undefined value clears that filter. */
export function hrefWith(
  path: string,
  filters: Filters,
  defaultTimeZone: string,
  patch: Partial<Filters> = {},
): string {
  const next: Filters = { ...filters, ...patch };
  // A region belongs to its country.
  if ('country' in patch && patch.country !== filters.country && !('region' in patch)) delete next.region;
  if (next.range !== 'custom') {
    delete next.from;
    delete next.to;
  }
  const query = toSearchParams(next, defaultTimeZone).toString();
  return query ? `${path}?${query}` : path;
}

/** Dimension filters that are set. */
export function activeDimensions(filters: Filters): DimensionKey[] {
  return DIMENSION_KEYS.filter((key) => filters[key] !== undefined);
}
