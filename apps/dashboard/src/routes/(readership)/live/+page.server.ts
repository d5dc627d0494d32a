import { pageFilters } from '$lib/server/page-filters';
import type { PageServerLoad } from './$types';
import { loadLive } from './load-live.server';

export const load: PageServerLoad = async ({ url, locals }) => {
  const { readershipFilter, filters } = await pageFilters(url, locals);
  return { live: await loadLive(readershipFilter, filters.edition ?? null) };
};
