import { describe, expect, it } from 'vitest';
import { describeAgent } from './device.js';

const agents: [userAgent: string, bot: boolean, device: string, browser: string, os: string][] = [
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    false,
    'desktop',
    'Chrome',
    'Windows',
  ],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15',
    false,
    'desktop',
    'Safari',
    'macOS',
  ],
  [
    'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
    false,
    'desktop',
    'Firefox',
    'Linux',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80',
    false,
    'desktop',
    'Edge',
    'Windows',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 YaBrowser/24.4.0.0 Safari/537.36',
    false,
    'desktop',
    'Yandex',
    'Windows',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 OPR/110.0.0.0',
    false,
    'desktop',
    'Opera',
    'Windows',
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1',
    false,
    'mobile',
    'Safari',
    'iOS',
  ],
  [
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
    false,
    'mobile',
    'Chrome',
    'Android',
  ],
  [
    'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36',
    false,
    'mobile',
    'Samsung Internet',
    'Android',
  ],
  [
    'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    false,
    'tablet',
    'Safari',
    'iOS',
  ],
  [
    'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    false,
    'tablet',
    'Chrome',
    'Android',
  ],
  [
    'Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/4.0 Chrome/76.0.3809.146 TV Safari/537.36',
    false,
    'other',
    'Samsung Internet',
    'Tizen',
  ],
  ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', true, 'other', '', ''],
  [
    'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.118 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    true,
    'mobile',
    'Chrome',
    'Android',
  ],
  ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', true, 'other', '', ''],
  ['Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)', true, 'other', '', ''],
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36',
    true,
    'desktop',
    'Chrome Headless',
    'Linux',
  ],
  [
    'Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1',
    true,
    'desktop',
    'PhantomJS',
    'Linux',
  ],
  ['curl/8.4.0', true, 'other', '', ''],
  ['python-requests/2.31.0', true, 'other', '', ''],
  ['', true, 'other', '', ''],
];

describe('describeAgent', () => {
  it.each(agents)('%s', (userAgent, bot, device, browser, os) => {
    expect(describeAgent(userAgent)).toEqual({ bot, device, browser, os });
  });

  it('flags automation markers that look like a normal browser', () => {
    const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0';
    expect(describeAgent(`${chrome} Puppeteer`).bot).toBe(true);
    expect(describeAgent(`${chrome} Playwright/1.44`).bot).toBe(true);
    expect(describeAgent('   ').bot).toBe(true);
  });

  it('answers the same agent from the cache without sharing mutable state', () => {
    const ua = agents[0]?.[0] ?? '';
    const first = describeAgent(ua);
    expect(describeAgent(ua)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('does not choke on a very long agent', () => {
    expect(describeAgent(`Mozilla/5.0 ${'x'.repeat(100_000)}`)).toMatchObject({ browser: '' });
  });
});
