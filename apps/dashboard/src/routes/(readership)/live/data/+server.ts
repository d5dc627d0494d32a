import { json } from '@sveltejs/kit';
import { parseFilters } from '$lib/filters/filters';
import { toReadershipFilter } from '$lib/filters/readership-filter';
import { newsroomTimeZone } from '$lib/server/config';
import { sectionIdOf } from '$lib/server/section-ids';
import { loadLive } from '../load-live.server';
import type { RequestHandler } from './$types';

/** What the live page polls: the same filters as the page's own query string. */
export const GET: RequestHandler = async ({ url }) => {
  const filters = parseFilters(url.searchParams, newsroomTimeZone());
  const filter = toReadershipFilter(filters, await sectionIdOf(filters.section));
  return json(await loadLive(filter, filters.edition ?? null), { headers: { 'cache-control': 'no-store' } });
};
