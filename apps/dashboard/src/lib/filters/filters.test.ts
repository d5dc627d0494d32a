import { describe, expect, it } from 'vitest';
import { activeDimensions, hrefWith, parseFilters, toSearchParams } from './filters';

const ZONE = 'Asia/Baku';
const parse = (query: string) => parseFilters(new URLSearchParams(query), ZONE);

describe('filters in the URL', () => {
  it('defaults to the last 7 days in the newsroom zone', () => {
    expect(parse('')).toEqual({ range: '7d', tz: ZONE });
    expect(toSearchParams(parse(''), ZONE).toString()).toBe('');
  });

  it('reads every filter and writes it back in a stable order', () => {
    const query =
      'device=mobile&range=30d&tz=Europe%2FBerlin&channel=social&region=Baku+City&country=AZ&section=world&edition=ru';
    const filters = parse(query);
    expect(filters).toEqual({
      range: '30d',
      tz: 'Europe/Berlin',
      edition: 'ru',
      section: 'world',
      country: 'AZ',
      region: 'Baku City',
      channel: 'social',
      device: 'mobile',
    });
    expect(toSearchParams(filters, ZONE).toString()).toBe(
      'range=30d&edition=ru&section=world&country=AZ&region=Baku+City&channel=social&device=mobile&tz=Europe%2FBerlin',
    );
    expect(parse(toSearchParams(filters, ZONE).toString())).toEqual(filters);
  });

  it('drops values that are not valid instead of failing the page', () => {
    expect(
      parse('range=forever&tz=Mars%2FOlympus&edition=English&section=../x&country=az&channel=tv&device=fridge'),
    ).toEqual({
      range: '7d',
      tz: ZONE,
    });
  });

  it('keeps a region only with its country', () => {
    expect(parse('region=Baku+City')).toEqual({ range: '7d', tz: ZONE });
  });

  it('needs both days of a custom range, in order, else falls back to the default range', () => {
    expect(parse('range=custom&from=2026-11-01&to=2026-11-07')).toMatchObject({
      range: 'custom',
      from: '2026-11-01',
      to: '2026-11-07',
    });
    expect(parse('range=custom&from=2026-11-07&to=2026-11-01')).toEqual({ range: '7d', tz: ZONE });
    expect(parse('range=custom&from=2026-02-30&to=2026-03-01')).toEqual({ range: '7d', tz: ZONE });
    expect(parse('range=custom&from=2026-11-01')).toEqual({ range: '7d', tz: ZONE });
  });

  it('builds links that change one filter and keep the others', () => {
    const filters = parse('range=today&country=AZ&region=Baku+City&channel=search');
    expect(hrefWith('/regions', filters, ZONE, { channel: 'social' })).toBe(
      '/regions?range=today&country=AZ&region=Baku+City&channel=social',
    );
    expect(hrefWith('/regions', filters, ZONE, { channel: undefined })).toBe(
      '/regions?range=today&country=AZ&region=Baku+City',
    );
    // Another country: its regions differ.
    expect(hrefWith('/regions', filters, ZONE, { country: 'TR' })).toBe(
      '/regions?range=today&country=TR&channel=search',
    );
    expect(hrefWith('/live', parse(''), ZONE)).toBe('/live');
  });

  it('forgets the days of a custom range when a preset is chosen', () => {
    const filters = parse('range=custom&from=2026-11-01&to=2026-11-07');
    expect(hrefWith('/sections', filters, ZONE, { range: '30d' })).toBe('/sections?range=30d');
  });

  it('lists the dimension filters that are set', () => {
    expect(activeDimensions(parse('edition=en&device=tablet&range=today'))).toEqual(['edition', 'device']);
  });
});
