/**
 * Who reads, from where and how, for generated readership: weights close to
 * the demo generator's (demo/src/readership), as flat tables SQL can index.
 */
type Weights = Record<string, number>;

export const COUNTRIES: Record<string, { weight: number; regions: Weights }> = {
  AZ: { weight: 58, regions: { 'Baku City': 70, 'Sumqayit City': 7, 'Ganja City': 7, Shaki: 4, '': 12 } },
  RU: { weight: 9, regions: { Moscow: 45, 'St.-Petersburg': 14, 'Krasnodar Krai': 6, Dagestan: 5, '': 30 } },
  TR: { weight: 6, regions: { Istanbul: 50, Ankara: 22, 'Izmir Province': 9, '': 19 } },
  US: { weight: 5, regions: { California: 20, 'New York': 18, Texas: 12, Virginia: 8, '': 42 } },
  GE: { weight: 4, regions: { Tbilisi: 68, Adjara: 10, 'Kvemo Kartli': 12, '': 10 } },
  DE: { weight: 4, regions: { 'State of Berlin': 24, Bavaria: 14, 'North Rhine-Westphalia': 16, '': 46 } },
  GB: { weight: 3.5, regions: { England: 82, Scotland: 8, Wales: 4, '': 6 } },
  UA: { weight: 3.5, regions: { 'Kyiv City': 40, 'Kharkiv Oblast': 12, Odesa: 12, '': 36 } },
  KZ: { weight: 3.5, regions: { Almaty: 40, Astana: 30, Shymkent: 8, '': 22 } },
  IL: { weight: 3.5, regions: { 'Tel Aviv': 30, Haifa: 14, Jerusalem: 12, '': 44 } },
};

/** Arrivals: [channel, source, referrer host, weight]. */
export const ARRIVALS: [string, string, string, number][] = [
  ['direct', '', '', 30],
  ['internal', 'byline.example', 'byline.example', 14],
  ['search', 'google', 'www.google.com', 22],
  ['search', 'yandex', 'yandex.ru', 4],
  ['social', 'facebook', 'facebook.com', 10],
  ['social', 'x', 't.co', 4],
  ['social', 'telegram', 't.me', 5],
  ['social', 'instagram', 'instagram.com', 2],
  ['email', 'newsletter', '', 4],
  ['campaign', 'partner', 'partner.example', 2],
  ['other', 'news.example', 'news.example', 3],
];

/** Devices: [device, browser, os, weight]. */
export const AGENTS: [string, string, string, number][] = [
  ['mobile', 'Mobile Chrome', 'Android', 40],
  ['mobile', 'Mobile Safari', 'iOS', 18],
  ['desktop', 'Chrome', 'Windows', 24],
  ['desktop', 'Safari', 'Mac OS', 6],
  ['desktop', 'Firefox', 'Linux', 4],
  ['tablet', 'Mobile Safari', 'iOS', 5],
  ['other', 'Other', 'Other', 3],
];

export const NETWORKS: Weights = { facebook: 35, whatsapp: 20, telegram: 20, x: 12, copy_link: 13 };

/** Views by hour of the newsroom's day: a morning peak, an evening one, quiet nights. */
export const HOURS = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 4, 4.5, 4.2, 4, 4.2, 4.3, 4, 3.8, 3.8, 4, 4.6, 5, 4.8, 4, 3, 1.8,
];

/** Running totals normalised to 1, for `arrayFirstIndex(c -> c >= u, …)`. */
export function cumulative(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let running = 0;
  return weights.map((weight) => {
    running += weight;
    return running / total;
  });
}
