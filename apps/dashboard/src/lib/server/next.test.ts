import { describe, expect, it } from 'vitest';
import { HOME, loginPath, safeNext } from './next';

describe('safeNext', () => {
  it('keeps paths on this site with their query and fragment', () => {
    expect(safeNext('/sections?period=7d&edition=en')).toBe('/sections?period=7d&edition=en');
    expect(safeNext('/articles/12#views')).toBe('/articles/12#views');
    expect(safeNext('/regions/../shares')).toBe('/shares');
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    'http:evil.example',
    '//evil.example/live',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    'live',
    '/login?next=https://evil.example',
    '/logout',
    `/${'a'.repeat(2_001)}`,
  ])('sends %j home', (value) => {
    expect(safeNext(value)).toBe(HOME);
  });
});

describe('loginPath', () => {
  it('asks to come back to the page with its filters', () => {
    const path = loginPath(new URL('http://dash.example/regions?country=AZ&channel=social'), 'expired');
    const url = new URL(path, 'http://dash.example');
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('next')).toBe('/regions?country=AZ&channel=social');
    expect(url.searchParams.get('reason')).toBe('expired');
    expect(safeNext(url.searchParams.get('next'))).toBe('/regions?country=AZ&channel=social');
  });
});
