import { type Channel, classifyChannel } from '@byline/analytics';
import { shareNetworksOf } from './networks.js';

/** How a demo reader reached an article: what the browser sent, and what the collector makes of it. */
export interface Arrival {
  /** `document.referrer`; '' for none. */
  referrer: string;
  /** Added to the article's URL (UTM tags, ad click ids), '' or starting with `?`. */
  query: string;
  channel: Channel;
  source: string;
  referrerHost: string;
  utm: { source: string; medium: string; campaign: string };
}

interface Referral {
  referrer: string;
  query?: string;
}

interface Template extends Referral {
  /** Percent of a normal article's views. */
  weight: number;
  /** Multipliers by edition. */
  editions?: Readonly<Record<string, number>>;
}

const SELF = '{site}';

const TEMPLATES: readonly Template[] = [
  { referrer: '', weight: 22 },
  { referrer: `https://${SELF}/`, weight: 10 },
  { referrer: `https://${SELF}/{edition}/world`, weight: 7 },
  { referrer: 'https://www.google.com/', weight: 14, editions: { ru: 0.7 } },
  { referrer: 'https://www.google.az/', weight: 4, editions: { ru: 0.7 } },
  { referrer: 'android-app://com.google.android.googlequicksearchbox/', weight: 2 },
  { referrer: 'https://yandex.ru/', weight: 2, editions: { ru: 5, az: 0.5 } },
  { referrer: 'https://ya.ru/', weight: 0.5, editions: { ru: 5, az: 0.5 } },
  { referrer: 'https://www.bing.com/', weight: 1.5, editions: { en: 1.5 } },
  { referrer: 'https://duckduckgo.com/', weight: 0.4, editions: { en: 2 } },
  { referrer: 'https://mail.google.com/', weight: 0.8 },
  { referrer: '', query: '?utm_source=newsletter&utm_medium=email&utm_campaign=morning-briefing', weight: 2 },
  { referrer: '', query: '?utm_source=partner-network&utm_medium=cpc&utm_campaign=spring-subscription', weight: 1.2 },
  { referrer: 'https://www.google.com/', query: '?gclid=EAIaIQobChMI0demo', weight: 0.8 },
  { referrer: '', query: '?utm_campaign=podcast-launch&utm_source=podcast', weight: 0.5 },
  { referrer: 'https://report.az/', weight: 1.5 },
  { referrer: 'https://news.az/', weight: 1 },
  { referrer: 'https://www.eurasianet.org/', weight: 0.8, editions: { en: 2 } },
  { referrer: 'https://oc-media.org/', weight: 0.5, editions: { en: 2 } },
  { referrer: 'https://flipboard.com/', weight: 0.6 },
];

/** Referrers per social network: apps often send none, only the `utm_source` the share link carried. */
const SOCIAL_REFERRERS: Readonly<Record<string, readonly Referral[]>> = {
  facebook: [{ referrer: 'https://l.facebook.com/' }, { referrer: 'https://m.facebook.com/' }],
  telegram: [{ referrer: '', query: '?utm_source=telegram' }, { referrer: 'https://t.me/' }],
  whatsapp: [{ referrer: 'android-app://com.whatsapp/' }, { referrer: 'https://web.whatsapp.com/' }],
  x: [{ referrer: 'https://t.co/' }],
  vk: [{ referrer: 'https://vk.com/' }],
  instagram: [{ referrer: 'https://l.instagram.com/' }],
};

/** Percent of a normal article's views that come from social networks; hits get far more. */
const SOCIAL_SHARE = { normal: 16, hit: 45 };
/** Instagram has no share button, yet links in bios and stories bring readers. */
const INSTAGRAM_OF_SOCIAL = 0.08;

/**
 * The arrivals of an edition's articles with their weights. Social referrals
 * follow the share buttons' mix, so the views a network brings back are
 * roughly proportional to the shares made to it.
 */
export function arrivalsOf(edition: string, hit: boolean, siteHost: string): [Arrival, number][] {
  const socialPercent = hit ? SOCIAL_SHARE.hit : SOCIAL_SHARE.normal;
  const weights = TEMPLATES.map((template) => template.weight * (template.editions?.[edition] ?? 1));
  const scale = (100 - socialPercent) / weights.reduce((sum, weight) => sum + weight, 0);
  const other = TEMPLATES.map((template, i): [Referral, number] => [template, (weights[i] ?? 0) * scale]);
  const networks = shareNetworksOf(edition).filter(([network]) => SOCIAL_REFERRERS[network]);
  const networkTotal = networks.reduce((sum, [, weight]) => sum + weight, 0);
  const social = [
    ...networks.map(([network, weight]) => [network, ((1 - INSTAGRAM_OF_SOCIAL) * weight) / networkTotal] as const),
    ['instagram', INSTAGRAM_OF_SOCIAL] as const,
  ].flatMap(([network, fraction]) => {
    const referrers = SOCIAL_REFERRERS[network] ?? [];
    return referrers.map((referral): [Referral, number] => [referral, (fraction * socialPercent) / referrers.length]);
  });
  return [...other, ...social].map(([referral, weight]) => [arrival(referral, edition, siteHost), weight]);
}

/** Classified once by the collector's own rules, so demo rows read exactly as beacons would. */
function arrival(referral: Referral, edition: string, siteHost: string): Arrival {
  const referrer = referral.referrer.replace(SELF, siteHost).replace('{edition}', edition);
  const query = referral.query ?? '';
  const facts = classifyChannel({
    referrer,
    pageUrl: `https://${siteHost}/${edition}/1${query}`,
    siteHosts: [siteHost],
  });
  return {
    referrer,
    query,
    channel: facts.channel,
    source: facts.source,
    referrerHost: facts.referrerHost,
    utm: facts.utm,
  };
}
