import { error } from '@sveltejs/kit';
import { parseFilters } from '$lib/filters/filters';
import { LayoutDocument } from '$lib/graphql/generated';
import { refusal } from '$lib/server/access';
import { newsroomTimeZone } from '$lib/server/config';
import { gql } from '$lib/server/gateway';
import { FORBIDDEN_MESSAGE } from '$lib/server/gateway-failure';
import type { LayoutServerLoad } from './$types';

/**
 * Readership is for the newsroom's readership roles: anyone else gets a 403
 * inside the dashboard. Then the filters in the URL, and what the filters bar
 * offers: editions, sections, countries and regions with readers. Pages read
 * their filters themselves (page-filters.ts), so they need not wait for this.
 */
export const load: LayoutServerLoad = async ({ url, locals }) => {
  if (refusal('readership:read', locals.session?.user ?? null)) error(403, FORBIDDEN_MESSAGE);
  const defaultTimeZone = newsroomTimeZone();
  const filters = parseFilters(url.searchParams, defaultTimeZone);
  // Without the gateway the bar offers no choices; the page's own load then shows the error inside the layout.
  const data = await gql(LayoutDocument, {
    edition: filters.edition ?? null,
    recent: { preset: 'LAST_90_DAYS', timeZone: filters.tz },
    country: filters.country ?? '',
    withRegions: filters.country !== undefined,
  }).catch(() => ({ editions: [], sections: [], countries: [], regions: [] }));
  return {
    defaultTimeZone,
    filters,
    options: {
      editions: data.editions,
      sections: data.sections,
      countries: data.countries.flatMap((row) => (row.country ? [row.country] : [])),
      regions: (data.regions ?? []).flatMap((row) => (row.region ? [row.region] : [])),
    },
  };
};
