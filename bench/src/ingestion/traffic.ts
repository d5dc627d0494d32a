import { randomUUID } from 'node:crypto';

/** The site the collector serves in this benchmark (SITE_HOSTS). */
export const SITE = 'news.example';

/** Articles the fixed catalogue knows: ids 1..ARTICLES. */
export const ARTICLES = 1_000;

/** Events a batch request carries: the collector's maximum. */
export const BATCH_SIZE = 100;

// A handful of browsers and versions, as a news site's traffic looks (none of them a bot).
const BROWSERS = [
  (v: number) =>
    `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`,
  (v: number) =>
    `Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Mobile Safari/537.36`,
  (v: number) =>
    `Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${v - 110}.0 Mobile/15E148 Safari/604.1`,
  (v: number) =>
    `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${v - 110}.1 Safari/605.1.15`,
  (v: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`,
  (v: number) =>
    `Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/${v - 100}.0 Chrome/${v}.0.0.0 Mobile Safari/537.36`,
];
const USER_AGENTS = BROWSERS.flatMap((browser) => [124, 125, 126, 127, 128].map(browser));

// Public /16 networks the bundled geo database places in several countries (AZ, RU, TR, DE, GB).
const NETWORKS = ['85.132', '77.88', '212.156', '130.149', '81.2'];
/** Distinct reader addresses cycled through: each stays far below the per-IP rate limit. */
const READERS = NETWORKS.length * 65_536;

const REFERRERS = ['', 'https://www.google.com/', 'https://t.me/', `https://${SITE}/`, 'https://www.facebook.com/'];

/** The n-th reader's headers: a distinct client IP (behind our proxy) and one of USER_AGENTS. */
export function readerHeaders(n: number): Record<string, string> {
  const ip = `${NETWORKS[n % NETWORKS.length]}.${(n >> 8) & 255}.${n & 255}`;
  return {
    'content-type': 'text/plain;charset=UTF-8',
    origin: `https://${SITE}`,
    'user-agent': USER_AGENTS[n % USER_AGENTS.length] ?? '',
    'x-forwarded-for': ip,
  };
}

export function nextReader(n: number): number {
  return (n + 7919) % READERS;
}

const articleOf = (n: number) => String((n % ARTICLES) + 1);
const pageOf = (articleId: string) => `https://${SITE}/articles/${articleId}`;

/** One view as the snippet sends it: `{ events: [view] }` with a fresh event id. */
export function singleBody(n: number): string {
  const articleId = articleOf(n);
  const referrer = REFERRERS[n % REFERRERS.length];
  const view = { type: 'view', articleId, url: pageOf(articleId), ...(referrer ? { referrer } : {}), id: randomUUID() };
  return JSON.stringify({ events: [view] });
}

/**
 * A batch of BATCH_SIZE views of different articles; without event ids, which
 * would not fit the collector's 8 KiB beacon limit (the server assigns them).
 */
export function batchBody(n: number): string {
  const events = Array.from({ length: BATCH_SIZE }, (_, i) => {
    const articleId = articleOf(n + i * 13);
    return { type: 'view', articleId, url: pageOf(articleId) };
  });
  return JSON.stringify({ events });
}
