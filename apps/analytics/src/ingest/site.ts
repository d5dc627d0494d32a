import { domainOf } from './domains.js';
import { eventField, type PayloadForm } from './payload.js';

/**
 * The publisher's sites (SITE_HOSTS). A page belongs to a site when its host is the
 * entry or a subdomain of it: the publisher controls those names, and counting them
 * under their site's entry keeps one rate budget per site however many subdomains it has.
 */
export interface Sites {
  /** The site a page belongs to, or undefined for a foreign host. */
  siteOf(page: URL): string | undefined;
  /** Whether a browser `Origin` header names a page of the sites (http or https, any port). */
  isSiteOrigin(origin: string): boolean;
}

export function createSites(hosts: readonly string[]): Sites {
  const entries = new Set(hosts.map((host) => host.toLowerCase()));
  const siteOf = (page: URL) => (page.hostname === '' ? undefined : domainOf(page.hostname, entries));
  return {
    siteOf,
    isSiteOrigin(origin) {
      const url = URL.parse(origin);
      return (
        url !== null &&
        url.origin === origin &&
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        siteOf(url) !== undefined
      );
    },
  };
}

export type SiteCheck = { ok: true; events: Map<string, number> } | { ok: false; field: string; message: string };

/** Events per site of a request (by the events' page URLs), or the first event whose page is on a foreign host. */
export function eventsPerSite(sites: Sites, pages: readonly URL[], form: PayloadForm): SiteCheck {
  const counts = new Map<string, number>();
  for (let index = 0; index < pages.length; index++) {
    const site = sites.siteOf(pages[index] as URL);
    if (site === undefined) {
      return { ok: false, field: eventField(form, index, 'url'), message: 'not a page of this site' };
    }
    counts.set(site, (counts.get(site) ?? 0) + 1);
  }
  return { ok: true, events: counts };
}
