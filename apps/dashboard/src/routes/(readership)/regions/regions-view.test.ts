import { describe, expect, it } from 'vitest';
import { createFormat } from '$lib/format/format';
import type { RegionsQuery } from '$lib/graphql/generated';
import { countriesView } from './regions-view';

const format = createFormat('en-GB', 'Asia/Baku');

describe('the regions page', () => {
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
});
