import { loadLive } from '$lib/server/live';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  const { readershipFilter, filters } = await parent();
  return { live: await loadLive(readershipFilter, filters.edition ?? null) };
};
