import { LRUCache } from 'lru-cache';
import type { Channel } from '../events.js';
import { EMAIL_HOSTS, SEARCH_HOSTS, SOCIAL_HOSTS, SOURCE_ALIASES } from './referrer-hosts.js';

export interface ChannelInput {
  /** `document.referrer` as the browser sent it; '' when there was none. */
  referrer: string;
  /** The page the reader landed on, read for its UTM tags. */
  pageUrl: string;
  /** The publisher's own hosts: referrers from them or their subdomains are `internal`. */
  siteHosts: string[];
}

export interface ChannelFacts {
  channel: Channel;
  /** The search engine or social network for `search` and `social`, else ''. */
  source: string;
  referrerHost: string;
  utm: { source: string; medium: string; campaign: string };
}

type KnownChannel = 'search' | 'social' | 'email';

interface HostRule {
  pattern: RegExp;
  /** Labels in the pattern, `*` counting as one: the longest matching pattern wins. */
  weight: number;
  channel: KnownChannel;
  source: string;
}

const RULES: HostRule[] = [
  ...rulesFor('search', SEARCH_HOSTS),
  ...rulesFor('social', SOCIAL_HOSTS),
  ...rulesFor('email', { '': EMAIL_HOSTS }),
];
const SOCIAL_NETWORKS = new Set(Object.keys(SOCIAL_HOSTS));
const ALIASES = new Map(Object.entries(SOURCE_ALIASES));
const MAX_UTM_LENGTH = 100;

const SOCIAL_MEDIUM = /^(?:.*social.*|sm)$/;
const EMAIL_MEDIUM = /^(?:e[-_ ]?mail|newsletter)$/;
const PAID_MEDIUM = /^(?:cpc|ppc|cpm|paid.*|display|banner|campaign)$/;
// Ad networks tag their clicks with these instead of UTM: without them paid clicks would count as organic search.
const AD_CLICK_IDS = ['gclid', 'yclid', 'msclkid'];

const NO_PARAMS = new URLSearchParams();

/** Where a view came from: the referrer's channel, refined by the page's UTM tags. Never throws. */
export function classifyChannel(input: ChannelInput): ChannelFacts {
  const referrer = input.referrer.trim() === '' ? undefined : URL.parse(input.referrer);
  return arrivalOf(URL.parse(input.pageUrl), referrer, siteHostsOf(input.siteHosts));
}

/** SITE_HOSTS as `arrivalOf` compares them. */
export function siteHostsOf(hosts: readonly string[]): string[] {
  return hosts.map(normaliseHost);
}

/**
 * `classifyChannel` on URLs already parsed: `referrer` is undefined when the view has
 * none and null when it is not a URL; `siteHosts` come from `siteHostsOf`.
 */
export function arrivalOf(
  page: URL | null,
  referrer: URL | null | undefined,
  siteHosts: readonly string[],
): ChannelFacts {
  const params = page && page.search !== '' ? page.searchParams : NO_PARAMS;
  const utm = {
    source: utmValue(params, 'utm_source'),
    medium: utmValue(params, 'utm_medium'),
    campaign: utmValue(params, 'utm_campaign'),
  };
  const referred = fromReferrer(referrer, siteHosts, page ? normaliseHost(page.hostname) : '');
  const paidClick = params !== NO_PARAMS && AD_CLICK_IDS.some((name) => params.has(name));
  const { channel, source } = refine(referred, utm, paidClick);
  return { channel, source, referrerHost: referred.referrerHost, utm };
}

/** Lower-cased, without a trailing dot or a leading `www.`. */
function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** The referrer's channel; from the site's own hosts or the page's host, `internal`. */
function fromReferrer(
  referrer: URL | null | undefined,
  siteHosts: readonly string[],
  pageHost: string,
): Omit<ChannelFacts, 'utm'> {
  if (referrer === undefined) return { channel: 'direct', source: '', referrerHost: '' };
  if (referrer === null) return { channel: 'other', source: '', referrerHost: '' };
  const referrerHost = normaliseHost(referrer.hostname);
  if (referrerHost === '') return { channel: 'other', source: '', referrerHost };
  if (isWithin(referrerHost, pageHost) || siteHosts.some((site) => isWithin(referrerHost, site))) {
    return { channel: 'internal', source: '', referrerHost };
  }
  const rule = matchHost(referrerHost);
  if (!rule) return { channel: 'other', source: '', referrerHost };
  return { channel: rule.channel, source: rule.channel === 'email' ? '' : rule.source, referrerHost };
}

function refine(
  referred: Omit<ChannelFacts, 'utm' | 'referrerHost'>,
  utm: ChannelFacts['utm'],
  paidClick: boolean,
): Omit<ChannelFacts, 'utm' | 'referrerHost'> {
  const taggedSource = utm.source === '' ? '' : sourceName(utm.source);
  if (PAID_MEDIUM.test(utm.medium)) return { channel: 'campaign', source: '' };
  if (SOCIAL_MEDIUM.test(utm.medium)) {
    return { channel: 'social', source: taggedSource || (referred.channel === 'social' ? referred.source : '') };
  }
  if (EMAIL_MEDIUM.test(utm.medium)) return { channel: 'email', source: '' };
  if ((utm.medium === '' && utm.campaign !== '') || paidClick) return { channel: 'campaign', source: '' };
  // Links shared in apps often arrive without a referrer, tagged only with the network's name.
  if (referred.channel === 'direct' && utm.medium === '' && SOCIAL_NETWORKS.has(taggedSource)) {
    return { channel: 'social', source: taggedSource };
  }
  return referred;
}

/** The network a `utm_source` names (`twitter` → `x`, `l.facebook.com` → `facebook`), else the tag itself. */
function sourceName(tag: string): string {
  const name = normaliseHost(tag);
  const alias = ALIASES.get(name);
  if (alias) return alias;
  if (SOCIAL_NETWORKS.has(name)) return name;
  const rule = matchHost(name);
  return rule?.channel === 'social' ? rule.source : name;
}

// Matching tries every rule's pattern; the same few hundred referrer hosts make most of the traffic.
// Bounded: clients choose the keys.
const matches = new LRUCache<string, HostRule | false>({ max: 10_000 });

function matchHost(host: string): HostRule | undefined {
  let rule = matches.get(host);
  if (rule === undefined) {
    rule = matchRules(host) ?? false;
    matches.set(host, rule);
  }
  return rule || undefined;
}

function matchRules(host: string): HostRule | undefined {
  let best: HostRule | undefined;
  for (const rule of RULES) {
    if (rule.weight > (best?.weight ?? 0) && rule.pattern.test(host)) best = rule;
  }
  return best;
}

function isWithin(host: string, domain: string): boolean {
  return domain !== '' && (host === domain || host.endsWith(`.${domain}`));
}

function utmValue(params: URLSearchParams, name: string): string {
  return (params.get(name) ?? '').trim().toLowerCase().slice(0, MAX_UTM_LENGTH);
}

function rulesFor(channel: KnownChannel, table: Readonly<Record<string, readonly string[]>>): HostRule[] {
  return Object.entries(table).flatMap(([source, patterns]) =>
    patterns.map((pattern) => {
      const escaped = pattern.replace(/\.\*$/, '').replaceAll('.', '\\.');
      // `.*` stands for a one- or two-label top-level domain such as `az` or `co.uk`.
      const tld = pattern.endsWith('.*') ? '\\.[a-z]{2,3}(?:\\.[a-z]{2,3})?' : '';
      return { pattern: new RegExp(`(?:^|\\.)${escaped}${tld}$`), weight: pattern.split('.').length, channel, source };
    }),
  );
}
