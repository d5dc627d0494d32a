import type { GeoFacts } from '@byline/analytics';

/**
 * Public addresses the bundled geo database places in each country: public
 * resolvers, national ISPs and well-known sites (demo/test/readership.test.ts checks
 * them). Only ever sent to our own collector on 127.0.0.1, in a header.
 */
export const PUBLIC_IPS: Readonly<Record<string, readonly string[]>> = {
  AZ: ['85.132.85.85', '213.154.0.1', '62.212.224.1', '85.132.32.1', '217.25.16.1', '94.20.20.20'],
  RU: ['77.88.8.8', '5.255.255.242', '87.250.250.242', '95.173.136.70'],
  TR: ['212.156.4.1', '88.255.96.1', '195.175.39.39'],
  GE: ['31.146.1.1', '212.72.130.1'],
  DE: ['130.149.7.1', '193.99.144.80', '176.28.0.1'],
  US: ['8.8.8.8', '208.67.222.222', '4.2.2.2'],
  GB: ['212.58.244.22', '81.2.69.142', '193.61.0.1'],
  UA: ['194.44.0.1', '193.41.60.1'],
  KZ: ['2.133.0.1', '95.59.0.1'],
  IL: ['192.114.0.1', '80.179.52.100', '147.237.0.1'],
};

/**
 * Addresses of the listed addresses' /24 networks that `geo` places in
 * `country`: many readers per country, so unique-reader counts look real.
 */
export function addressesIn(country: string, geo: (ip: string) => GeoFacts): string[] {
  const networks = new Set((PUBLIC_IPS[country] ?? []).map((ip) => ip.split('.').slice(0, 3).join('.')));
  return [...networks].flatMap((network) =>
    Array.from({ length: 254 }, (_, i) => `${network}.${i + 1}`).filter((ip) => geo(ip).country === country),
  );
}
