import { periodOf } from '$lib/filters/period';
import { SectionsDocument } from '$lib/graphql/generated';
import { gql } from '$lib/server/gateway';
import { pageFilters } from '$lib/server/page-filters';
import type { PageServerLoad } from './$types';
import { shapeSections } from './section-rows';

export const load: PageServerLoad = async ({ url, locals }) => {
  const { filters, readershipFilter, sectionId } = await pageFilters(url, locals);
  const period = periodOf(filters, new Date());
  const data = await gql(SectionsDocument, {
    range: period.range,
    previous: period.previousRange,
    interval: period.interval,
    filter: readershipFilter,
    from: period.span.from.toISOString(),
    to: period.span.to.toISOString(),
    edition: filters.edition ?? null,
  });
  return {
    sections: shapeSections(data, period.starts, period.previousStarts, sectionId),
    starts: period.starts.map((start) => start.toISOString()),
    interval: period.interval,
  };
};
