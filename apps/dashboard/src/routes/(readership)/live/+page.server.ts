import { loadLive } from '$lib/server/live';
import { pageFilters } from '$lib/server/page-filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const { readershipFilter, filters } = await pageFilters(url, locals);
  return { live: await loadLive(readershipFilter, filters.edition ?? null) };
};
