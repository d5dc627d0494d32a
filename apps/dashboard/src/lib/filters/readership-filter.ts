import type { ReadershipFilter } from '$lib/graphql/generated';
import type { Filters } from './filters';

/** The gateway's readership filter for the URL's filters; `sectionId` is the id of the section slug, when known. */
export function toReadershipFilter(filters: Filters, sectionId: string | undefined): ReadershipFilter {
  const filter: ReadershipFilter = {};
  if (filters.edition) filter.editions = [filters.edition];
  if (sectionId) filter.sectionIds = [sectionId];
  if (filters.country) filter.countries = [filters.country];
  if (filters.region) filter.regions = [filters.region];
  if (filters.channel) filter.channels = [filters.channel];
  if (filters.device) filter.devices = [filters.device];
  return filter;
}
