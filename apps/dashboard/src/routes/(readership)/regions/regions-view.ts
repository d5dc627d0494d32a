import type { ChartSpec } from '$lib/charts/spec';
import type { Format } from '$lib/format/format';
import type { Interval, RegionsQuery } from '$lib/graphql/generated';
import { ratio } from '$lib/shaping/stats';
import type { Table } from '$lib/tables/table';

const CHART_ROWS = 15;

export function countriesView(
  data: RegionsQuery,
  format: Format,
  countryHref: (code: string) => string | undefined,
): { table: Table; spec: ChartSpec } {
  const total = data.total[0]?.views ?? 0;
  const rows = data.countries.map((row) => ({ code: row.country ?? '', views: row.views, readers: row.uniqueReaders }));
  const charted = rows.slice(0, CHART_ROWS);
  return {
    table: {
      name: 'readers-by-country',
      columns: [
        { label: 'Country', kind: 'country' },
        { label: 'Views', kind: 'integer' },
        { label: 'Unique readers', kind: 'integer' },
        { label: 'Share of views', kind: 'share' },
      ],
      rows: rows.map((row) => ({
        href: countryHref(row.code),
        cells: [row.code, row.views, row.readers, ratio(row.views, total)],
      })),
    },
    spec: {
      type: 'bar',
      horizontal: true,
      labels: charted.map((row) => format.country(row.code)),
      series: [
        { label: 'Views', data: charted.map((row) => row.views), tone: 0 },
        { label: 'Unique readers', data: charted.map((row) => row.readers), tone: 5 },
      ],
    },
  };
}

export function regionsView(data: RegionsQuery, format: Format): { table: Table; spec: ChartSpec } {
  const total = data.total[0]?.views ?? 0;
  const rows = data.regions.map((row) => ({
    country: row.country ?? '',
    region: row.region ?? '',
    views: row.views,
    readers: row.uniqueReaders,
  }));
  const name = (row: (typeof rows)[number]) => `${row.region || 'Unknown region'}, ${format.country(row.country)}`;
  const charted = rows.slice(0, CHART_ROWS);
  return {
    table: {
      name: 'readers-by-region',
      columns: [
        { label: 'Country', kind: 'country' },
        { label: 'Region', kind: 'text' },
        { label: 'Views', kind: 'integer' },
        { label: 'Unique readers', kind: 'integer' },
        { label: 'Share of views', kind: 'share' },
      ],
      rows: rows.map((row) => ({ cells: [row.country, row.region, row.views, row.readers, ratio(row.views, total)] })),
    },
    spec: {
      type: 'bar',
      horizontal: true,
      labels: charted.map(name),
      series: [{ label: 'Views', data: charted.map((row) => row.views), tone: 4 }],
    },
  };
}

/** The biggest countries' views per bucket, one line each. */
export function countrySeriesView(
  series: readonly { country: string; views: number[] }[],
  starts: readonly Date[],
  interval: Interval,
  format: Format,
): { table: Table; spec: ChartSpec } {
  return {
    table: {
      name: 'top-countries-over-time',
      columns: [
        { label: 'Bucket', kind: 'bucket', interval },
        ...series.map((line) => ({ label: format.country(line.country), kind: 'integer' as const })),
      ],
      rows: starts.map((start, i) => ({ cells: [start.toISOString(), ...series.map((line) => line.views[i] ?? 0)] })),
    },
    spec: {
      type: 'line',
      labels: starts.map((start) => format.bucket(start, interval)),
      series: series.map((line, i) => ({ label: format.country(line.country), data: line.views, tone: i })),
    },
  };
}
