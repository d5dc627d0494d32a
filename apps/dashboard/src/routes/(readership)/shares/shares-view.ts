import type { ChartSpec } from '$lib/charts/spec';
import { networkLabel } from '$lib/filters/labels';
import type { Format } from '$lib/format/format';
import type { Interval, SharesQuery } from '$lib/graphql/generated';
import { sum } from '$lib/shaping/series';
import { ratio } from '$lib/shaping/stats';
import type { Table } from '$lib/tables/table';
import type { NetworkAmplification } from './amplification';
import { OTHER, type Stacks } from './stacks';

/** Shares per network per bucket, stacked. */
export function timelineView(
  stacks: Stacks,
  starts: readonly Date[],
  interval: Interval,
  format: Format,
): { table: Table; spec: ChartSpec } {
  return {
    table: {
      name: 'shares-by-network-over-time',
      columns: [
        { label: 'Bucket', kind: 'bucket', interval },
        ...stacks.keys.map((key) => ({ label: networkLabel(key), kind: 'integer' as const })),
        { label: 'Total', kind: 'integer' },
      ],
      rows: starts.map((start, i) => {
        const values = stacks.series.map((series) => series[i] ?? 0);
        return { cells: [start.toISOString(), ...values, sum(values)] };
      }),
    },
    spec: {
      type: 'bar',
      stacked: true,
      labels: starts.map((start) => format.bucket(start, interval)),
      series: stacks.keys.map((key, i) => ({
        label: networkLabel(key),
        data: stacks.series[i] ?? [],
        tone: key === OTHER ? 'muted' : i,
      })),
    },
  };
}

export function topSharedTable(rows: SharesQuery['topShared'], href: (id: string) => string): Table {
  return {
    name: 'top-shared-articles',
    columns: [
      { label: 'Article', kind: 'text' },
      { label: 'Section', kind: 'text' },
      { label: 'Shares', kind: 'integer' },
      { label: 'Views', kind: 'integer' },
      { label: 'Shares per 1,000 views', kind: 'decimal' },
    ],
    rows: rows.map((row) => ({
      href: href(row.article.id),
      cells: [row.article.title, row.article.section.name, row.shares, row.views, ratio(row.shares, row.views, 1000)],
    })),
  };
}

/** Views brought back per share, by network. */
export function amplificationView(networks: readonly NetworkAmplification[]): { table: Table; spec: ChartSpec } {
  const charted = networks.filter((row) => row.viewsPerShare !== null);
  return {
    table: {
      name: 'amplification-by-network',
      columns: [
        { label: 'Network', kind: 'text' },
        { label: 'Shares', kind: 'integer' },
        { label: 'Views brought back', kind: 'integer' },
        { label: 'Views per share', kind: 'decimal' },
      ],
      rows: networks.map((row) => ({
        cells: [networkLabel(row.network), row.shares, row.viewsBack, row.viewsPerShare],
      })),
    },
    spec: {
      type: 'bar',
      horizontal: true,
      labels: charted.map((row) => networkLabel(row.network)),
      series: [{ label: 'Views per share', data: charted.map((row) => row.viewsPerShare ?? 0), tone: 2 }],
    },
  };
}

export function sectionRateView(sections: SharesQuery['sections']): { table: Table; spec: ChartSpec } {
  const rows = [...sections]
    .filter((section) => section.performance.current.views > 0)
    .sort(
      (a, b) =>
        (b.performance.current.sharesPerThousandViews ?? 0) - (a.performance.current.sharesPerThousandViews ?? 0),
    );
  return {
    table: {
      name: 'share-rate-by-section',
      columns: [
        { label: 'Section', kind: 'text' },
        { label: 'Shares', kind: 'integer' },
        { label: 'Views', kind: 'integer' },
        { label: 'Shares per 1,000 views', kind: 'decimal' },
      ],
      rows: rows.map((section) => ({
        cells: [
          section.name,
          section.performance.current.shares,
          section.performance.current.views,
          section.performance.current.sharesPerThousandViews,
        ],
      })),
    },
    spec: {
      type: 'bar',
      horizontal: true,
      labels: rows.map((section) => section.name),
      series: [
        {
          label: 'Shares per 1,000 views',
          data: rows.map((section) => section.performance.current.sharesPerThousandViews ?? 0),
          tone: 1,
        },
      ],
    },
  };
}
