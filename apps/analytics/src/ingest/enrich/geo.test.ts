import { beforeAll, describe, expect, it } from 'vitest';
import { countryFromHeader, createGeoLookup, type GeoFacts } from './geo.js';

describe('createGeoLookup', () => {
  let lookup: (ip: string) => GeoFacts;
  beforeAll(async () => {
    lookup = await createGeoLookup();
  });

  it.each([
    ['85.132.1.1', 'AZ'],
    ['8.8.8.8', 'US'],
    ['::ffff:8.8.8.8', 'US'],
    ['::FFFF:85.132.1.1', 'AZ'],
    ['2001:4860:4860::8888', 'US'],
    ['2a02:6b8::2:242', 'RU'],
  ])('%s is in %s', (ip, country) => {
    expect(lookup(ip).country).toBe(country);
  });

  it('knows the region when the database does', () => {
    expect(lookup('95.173.136.70')).toEqual({ country: 'RU', region: 'Moscow' });
  });

  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '192.168.0.1',
    '::1',
    'fe80::1%eth0',
    'garbage',
    '',
    '999.1.1.1',
    '8.8.8.8, 1.1.1.1',
  ])('knows nothing of %j', (ip) => {
    expect(lookup(ip)).toEqual({ country: '', region: '' });
  });
});

describe('countryFromHeader', () => {
  it.each([
    ['AZ', 'AZ'],
    ['ru', 'RU'],
    [' de ', 'DE'],
    ['XX', ''],
    ['zz', ''],
    ['ß', ''],
    ['ıd', ''],
    ['T1', ''],
    ['USA', ''],
    ['', ''],
    [undefined, ''],
    ['Ⅸ', ''],
    ['a1', ''],
  ])('%j → %j', (value, country) => {
    expect(countryFromHeader(value)).toBe(country);
  });
});
