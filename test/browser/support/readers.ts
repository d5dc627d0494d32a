import { randomUUID } from 'node:crypto';
import { type Random, WeightedPicker } from '@byline/random';

/** Addresses whose country (and region) the bundled geo database knows: AZ first, then the diaspora. */
const PLACES = WeightedPicker.fromEntries([
  ['213.154.0.', 40], // AZ, Baku City
  ['85.132.0.', 15], // AZ
  ['88.255.0.', 10], // TR, Istanbul
  ['95.165.0.', 10], // RU, Moscow
  ['176.0.0.', 9], // DE, State of Berlin
  ['24.0.0.', 9], // US, New Jersey
] as const);

const AGENTS = WeightedPicker.fromEntries([
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36', 45],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    40,
  ],
  [
    'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    15,
  ],
] as const);

/** Referrers by channel: direct, search, social (two networks), internal. */
const REFERRERS = WeightedPicker.fromEntries([
  ['', 30],
  ['https://www.google.com/', 30],
  ['https://www.facebook.com/', 15],
  ['https://t.me/', 10],
  ['https://byline.example/en/', 15],
] as const);

const NETWORKS = WeightedPicker.fromEntries([
  ['facebook', 40],
  ['telegram', 30],
  ['whatsapp', 20],
  ['x', 10],
] as const);

export interface Reader {
  ip: string;
  userAgent: string;
}

export interface Article {
  id: string;
  slug: string;
  edition: string;
}

export type Beacon = Record<string, unknown>;

export function readerPool(random: Random, size: number): Reader[] {
  return Array.from({ length: size }, (_, i) => ({
    ip: `${PLACES.pick(random)}${(i % 250) + 1}`,
    userAgent: AGENTS.pick(random),
  }));
}

/**
 * Traffic for `articles`: views with a few hits and a long tail (article i
 * weighs 1/(i+1)), some engagement heartbeats and shares, grouped by reader
 * as the collector counts the reader from each request's headers.
 */
export function traffic(
  random: Random,
  articles: readonly Article[],
  readers: readonly Reader[],
  views: number,
): Map<Reader, Beacon[]> {
  const weighted = new WeightedPicker(
    articles,
    articles.map((_, i) => 1 / (i + 1)),
  );
  const byReader = new Map<Reader, Beacon[]>();
  const add = (reader: Reader, beacon: Beacon) => byReader.set(reader, [...(byReader.get(reader) ?? []), beacon]);
  for (let i = 0; i < views; i++) {
    const reader = readers[Math.floor(random() * readers.length)] as Reader;
    const article = weighted.pick(random);
    const url = `https://byline.example/${article.edition}/${article.slug}`;
    const viewId = randomUUID();
    add(reader, { type: 'view', articleId: article.id, url, referrer: REFERRERS.pick(random), id: viewId });
    if (random() < 0.3) {
      const engagedSeconds = 10 + Math.floor(random() * 170);
      add(reader, {
        type: 'engagement',
        articleId: article.id,
        viewId,
        engagedSeconds,
        previousSeconds: 0,
        scrollDepth: 60,
        url,
      });
    }
    if (random() < 0.12) add(reader, { type: 'share', articleId: article.id, network: NETWORKS.pick(random), url });
  }
  return byReader;
}

/** POSTs a reader's beacons to `/collect` in batches the collector accepts (8 KB, 100 events). */
export async function send(collectUrl: string, reader: Reader, beacons: readonly Beacon[]): Promise<void> {
  for (let i = 0; i < beacons.length; i += 20) {
    const response = await fetch(collectUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-forwarded-for': reader.ip, 'user-agent': reader.userAgent },
      body: JSON.stringify({ events: beacons.slice(i, i + 20) }),
    });
    if (response.status !== 202) throw new Error(`/collect answered ${response.status}: ${await response.text()}`);
  }
}
