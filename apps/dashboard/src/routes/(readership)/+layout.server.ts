import { parseFilters } from '$lib/filters/filters';
import { toReadershipFilter } from '$lib/filters/readership-filter';
import { LayoutDocument } from '$lib/graphql/generated';
import { newsroomTimeZone } from '$lib/server/config';
import { gql } from '$lib/server/gateway';
import type { LayoutServerLoad } from './$types';

/** The filters in the URL, and what the filters bar offers: editions, sections, countries and regions with readers. */
export const load: LayoutServerLoad = async ({ url, locals }) => {
  const defaultTimeZone = newsroomTimeZone();
  const filters = parseFilters(url.searchParams, defaultTimeZone);
  // Without the gateway the bar offers no choices; the page's own load then shows the error inside the layout.
  const data = await gql(LayoutDocument, {
    edition: filters.edition ?? null,
    recent: { preset: 'LAST_90_DAYS', timeZone: filters.tz },
    country: filters.country ?? '',
    withRegions: filters.country !== undefined,
  }).catch(() => ({ editions: [], sections: [], countries: [], regions: [] }));
  const section = data.sections.find((candidate) => candidate.slug === filters.section);
  return {
    locale: locals.locale,
    theme: locals.theme,
    defaultTimeZone,
    filters,
    section,
    readershipFilter: toReadershipFilter(filters, section?.id),
    options: {
      editions: data.editions,
      sections: data.sections,
      countries: data.countries.flatMap((row) => (row.country ? [row.country] : [])),
      regions: (data.regions ?? []).flatMap((row) => (row.region ? [row.region] : [])),
    },
  };
};
