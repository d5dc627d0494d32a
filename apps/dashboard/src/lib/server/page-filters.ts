import { error } from '@sveltejs/kit';
import { parseFilters } from '$lib/filters/filters';
import { toReadershipFilter } from '$lib/filters/readership-filter';
import { refusal } from './access';
import { newsroomTimeZone } from './config';
import { FORBIDDEN_MESSAGE } from './gateway-failure';
import { sectionIdOf } from './section-ids';

/**
 * A readership page's filters, read from the URL rather than awaited from
 * the layout, so the page's figures are asked for while the layout asks for
 * the filters bar's choices (one gateway round trip instead of two in a row).
 * The section slug's id comes from the cached section list.
 */
export async function pageFilters(url: URL, locals: App.Locals) {
  if (refusal('readership:read', locals.session?.user ?? null)) error(403, FORBIDDEN_MESSAGE);
  const filters = parseFilters(url.searchParams, newsroomTimeZone());
  const sectionId = await sectionIdOf(filters.section);
  return { filters, sectionId, readershipFilter: toReadershipFilter(filters, sectionId) };
}
