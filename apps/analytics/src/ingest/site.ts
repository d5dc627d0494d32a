import { domainOf, hostOf } from './domains.js';
import { type ClientEvent, eventField, type PayloadForm } from './payload.js';

/**
 * The publisher's sites (SITE_HOSTS). A page belongs to a site when its host is the
 * entry or a subdomain of it: the publisher controls those names, and counting them
 * under their site's entry keeps one rate budget per site however many subdomains it has.
 */
export interface Sites {
  /** The site a page URL belongs to, or undefined for a foreign host. */
  siteOf(url: string): string | undefined;
  /** Whether a browser `Origin` header names a page of the sites (http or https, any port). */
  isSiteOrigin(origin: string): boolean;
}

export function createSites(hosts: readonly string[]): Sites {
  const entries = new Set(hosts.map((host) => host.toLowerCase()));
  const siteOf = (url: string) => {
    const host = hostOf(url);
    return host === undefined ? undefined : domainOf(host, entries);
  };
  return {
    siteOf,
    isSiteOrigin: (origin) =>
      URL.canParse(origin) &&
      new URL(origin).origin === origin &&
      /^https?:/.test(origin) &&
      siteOf(origin) !== undefined,
  };
}

export type SiteCheck = { ok: true; events: Map<string, number> } | { ok: false; field: string; message: string };

/** Events per site of a request, or the first event whose page is on a foreign host. */
export function eventsPerSite(sites: Sites, events: readonly ClientEvent[], form: PayloadForm): SiteCheck {
  const counts = new Map<string, number>();
  for (const [index, event] of events.entries()) {
    const site = sites.siteOf(event.url);
    if (site === undefined) {
      return { ok: false, field: eventField(form, index, 'url'), message: 'not a page of this site' };
    }
    counts.set(site, (counts.get(site) ?? 0) + 1);
  }
  return { ok: true, events: counts };
}
