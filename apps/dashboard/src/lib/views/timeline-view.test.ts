import { describe, expect, it } from 'vitest';
import { createFormat } from '$lib/format/format';
import type { RegionsQuery } from '$lib/graphql/generated';
import { countriesView } from '../../routes/(readership)/regions/regions-view';
import { timelineView } from '../../routes/(readership)/shares/shares-view';
import { pointsOf, timelineView as viewsOverTime } from './timeline-view';

const format = createFormat('en-GB', 'Asia/Baku');
const days = ['2026-11-23T20:00:00.000Z', '2026-11-24T20:00:00.000Z'].map((at) => new Date(at));

describe('page views of the data', () => {
  it('gives each country its share of all views and a link that filters by it', () => {
    const data: RegionsQuery = {
      total: [{ views: 200, uniqueReaders: 90 }],
      countries: [
        { country: 'AZ', views: 150, uniqueReaders: 60 },
        { country: '', views: 50, uniqueReaders: 30 },
      ],
      regions: [],
      series: [],
    };
    const { table, spec } = countriesView(data, format, (code) => (code ? `/regions?country=${code}` : undefined));
    expect(table.rows).toEqual([
      { href: '/regions?country=AZ', cells: ['AZ', 150, 60, 0.75] },
      { href: undefined, cells: ['', 50, 30, 0.25] },
    ]);
    expect(spec.labels).toEqual(['Azerbaijan', 'Unknown']);
  });

  it('draws the previous period dashed, and tabulates it beside the current one', () => {
    const { table, spec } = viewsOverTime('views', pointsOf(days, [3, 4], [1, 2]), 'DAY', format);
    expect(table.columns.map((column) => column.label)).toEqual(['Bucket', 'Views', 'Views, previous period']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['2026-11-23T20:00:00.000Z', 3, 1],
      ['2026-11-24T20:00:00.000Z', 4, 2],
    ]);
    expect(spec.labels).toEqual(['Tue 24 Nov', 'Wed 25 Nov']);
    expect(spec.series.map((series) => series.dashed ?? false)).toEqual([false, true]);
    expect(viewsOverTime('views', pointsOf(days, [3, 4]), 'DAY', format).table.columns).toHaveLength(2);
  });

  it('stacks shares by network with a total per bucket, other networks in grey', () => {
    const { table, spec } = timelineView(
      {
        keys: ['telegram', 'other'],
        series: [
          [5, 1],
          [2, 0],
        ],
      },
      days,
      'DAY',
      format,
    );
    expect(table.columns.map((column) => column.label)).toEqual(['Bucket', 'Telegram', 'Other networks', 'Total']);
    expect(table.rows.map((row) => row.cells.slice(1))).toEqual([
      [5, 2, 7],
      [1, 0, 1],
    ]);
    expect(spec.stacked).toBe(true);
    expect(spec.series.map((series) => series.tone)).toEqual([0, 'muted']);
  });
});
