import { error } from '@sveltejs/kit';
import { periodOf } from '$lib/filters/period';
import { SectionDetailDocument } from '$lib/graphql/generated';
import { gql } from '$lib/server/gateway';
import { pageFilters } from '$lib/server/page-filters';
import { sectionIdOf } from '$lib/server/section-ids';
import { fillSeries } from '$lib/shaping/series';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const [{ filters, readershipFilter }, sectionId] = await Promise.all([
    pageFilters(url, locals),
    sectionIdOf(params.slug),
  ]);
  if (!sectionId) error(404, `There is no section "${params.slug}".`);
  const period = periodOf(filters, new Date());
  const data = await gql(SectionDetailDocument, {
    slug: params.slug,
    range: period.range,
    previous: period.previousRange,
    interval: period.interval,
    filter: { ...readershipFilter, sectionIds: [sectionId] },
    from: period.span.from.toISOString(),
    to: period.span.to.toISOString(),
    edition: filters.edition ?? null,
  });
  if (!data.section) error(404, `There is no section "${params.slug}".`);
  return {
    detail: { ...data, section: data.section },
    starts: period.starts.map((start) => start.toISOString()),
    series: fillSeries(period.starts, data.current),
    previousSeries: fillSeries(period.previousStarts, data.previous),
    interval: period.interval,
  };
};
