import { periodOf } from '$lib/filters/period';
import { RegionsDocument } from '$lib/graphql/generated';
import { gql } from '$lib/server/gateway';
import { pageFilters } from '$lib/server/page-filters';
import { seriesByKey } from '$lib/shaping/series';
import type { PageServerLoad } from './$types';

/** Countries drawn over time: the biggest few, so the lines stay readable. */
const SERIES = 5;

export const load: PageServerLoad = async ({ url, locals }) => {
  const { filters, readershipFilter } = await pageFilters(url, locals);
  const period = periodOf(filters, new Date());
  const regions = await gql(RegionsDocument, {
    range: period.range,
    filter: readershipFilter,
    interval: period.interval,
  });
  const perCountry = seriesByKey(period.starts, regions.series, (row) => row.country ?? undefined);
  return {
    regions,
    countrySeries: regions.countries
      .slice(0, SERIES)
      .map((row) => ({ country: row.country ?? '', views: perCountry.get(row.country ?? '') ?? [] })),
    starts: period.starts.map((start) => start.toISOString()),
    interval: period.interval,
  };
};
