import type { Device } from '@byline/analytics';

/** A kind of browser demo readers use: what the collector derives from its user agents, and how common it is. */
export interface DemoAgent {
  device: Device;
  browser: string;
  os: string;
  /** Share of readers, in percent: about 65% on phones. */
  weight: number;
  /** Real-looking User-Agent headers that `describeAgent` reads as this device, browser and OS. */
  userAgents: readonly string[];
}

const WEBKIT = 'AppleWebKit/537.36 (KHTML, like Gecko)';
const IOS_WEBKIT = 'AppleWebKit/605.1.15 (KHTML, like Gecko)';
const WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)';
const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)';

export const DEMO_AGENTS: readonly DemoAgent[] = [
  {
    device: 'mobile',
    browser: 'Chrome',
    os: 'Android',
    weight: 27,
    userAgents: [
      `Mozilla/5.0 (Linux; Android 14; SM-S918B) ${WEBKIT} Chrome/126.0.6478.122 Mobile Safari/537.36`,
      `Mozilla/5.0 (Linux; Android 13; Pixel 7) ${WEBKIT} Chrome/125.0.6422.165 Mobile Safari/537.36`,
      `Mozilla/5.0 (Linux; Android 12; 2201117TG) ${WEBKIT} Chrome/124.0.6367.179 Mobile Safari/537.36`,
    ],
  },
  {
    device: 'mobile',
    browser: 'Samsung Internet',
    os: 'Android',
    weight: 6,
    userAgents: [
      `Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-A546B) ${WEBKIT} SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36`,
    ],
  },
  {
    device: 'mobile',
    browser: 'Yandex',
    os: 'Android',
    weight: 2,
    userAgents: [
      `Mozilla/5.0 (Linux; Android 13; M2101K6G) ${WEBKIT} Chrome/122.0.0.0 YaBrowser/24.4.1.100 Mobile Safari/537.36`,
    ],
  },
  {
    device: 'mobile',
    browser: 'Opera',
    os: 'Android',
    weight: 2,
    userAgents: [
      `Mozilla/5.0 (Linux; Android 13; SM-A536B) ${WEBKIT} Chrome/119.0.0.0 Mobile Safari/537.36 OPR/80.4.4244.77784`,
    ],
  },
  {
    device: 'mobile',
    browser: 'Firefox',
    os: 'Android',
    weight: 1,
    userAgents: ['Mozilla/5.0 (Android 14; Mobile; rv:127.0) Gecko/127.0 Firefox/127.0'],
  },
  {
    device: 'mobile',
    browser: 'Safari',
    os: 'iOS',
    weight: 22,
    userAgents: [
      `Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) ${IOS_WEBKIT} Version/17.5 Mobile/15E148 Safari/604.1`,
      `Mozilla/5.0 (iPhone; CPU iPhone OS 16_7_8 like Mac OS X) ${IOS_WEBKIT} Version/16.6 Mobile/15E148 Safari/604.1`,
    ],
  },
  {
    device: 'mobile',
    browser: 'Chrome',
    os: 'iOS',
    weight: 5,
    userAgents: [
      `Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) ${IOS_WEBKIT} CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1`,
    ],
  },
  {
    device: 'desktop',
    browser: 'Chrome',
    os: 'Windows',
    weight: 14,
    userAgents: [
      `${WINDOWS} ${WEBKIT} Chrome/126.0.0.0 Safari/537.36`,
      `${WINDOWS} ${WEBKIT} Chrome/125.0.0.0 Safari/537.36`,
    ],
  },
  {
    device: 'desktop',
    browser: 'Edge',
    os: 'Windows',
    weight: 4,
    userAgents: [`${WINDOWS} ${WEBKIT} Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0`],
  },
  {
    device: 'desktop',
    browser: 'Firefox',
    os: 'Windows',
    weight: 2,
    userAgents: ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0'],
  },
  {
    device: 'desktop',
    browser: 'Opera',
    os: 'Windows',
    weight: 1.5,
    userAgents: [`${WINDOWS} ${WEBKIT} Chrome/125.0.0.0 Safari/537.36 OPR/111.0.0.0`],
  },
  {
    device: 'desktop',
    browser: 'Yandex',
    os: 'Windows',
    weight: 1.5,
    userAgents: [`${WINDOWS} ${WEBKIT} Chrome/124.0.0.0 YaBrowser/24.6.0.0 Safari/537.36`],
  },
  {
    device: 'desktop',
    browser: 'Safari',
    os: 'macOS',
    weight: 3,
    userAgents: [`${MAC} ${IOS_WEBKIT} Version/17.5 Safari/605.1.15`],
  },
  {
    device: 'desktop',
    browser: 'Chrome',
    os: 'macOS',
    weight: 2.5,
    userAgents: [`${MAC} ${WEBKIT} Chrome/126.0.0.0 Safari/537.36`],
  },
  {
    device: 'desktop',
    browser: 'Firefox',
    os: 'Linux',
    weight: 0.5,
    userAgents: ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0'],
  },
  {
    device: 'desktop',
    browser: 'Chrome',
    os: 'Linux',
    weight: 0.5,
    userAgents: [`Mozilla/5.0 (X11; Linux x86_64) ${WEBKIT} Chrome/126.0.0.0 Safari/537.36`],
  },
  {
    device: 'desktop',
    browser: 'Chrome',
    os: 'ChromeOS',
    weight: 0.5,
    userAgents: [`Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) ${WEBKIT} Chrome/126.0.0.0 Safari/537.36`],
  },
  {
    device: 'tablet',
    browser: 'Safari',
    os: 'iOS',
    weight: 2.5,
    userAgents: [`Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) ${IOS_WEBKIT} Version/17.5 Mobile/15E148 Safari/604.1`],
  },
  {
    device: 'tablet',
    browser: 'Chrome',
    os: 'Android',
    weight: 1.5,
    userAgents: [`Mozilla/5.0 (Linux; Android 13; SM-X710) ${WEBKIT} Chrome/126.0.0.0 Safari/537.36`],
  },
  {
    device: 'other',
    browser: 'Samsung Internet',
    os: 'Tizen',
    weight: 0.6,
    userAgents: [
      `Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) ${WEBKIT} SamsungBrowser/4.0 Chrome/76.0.3809.146 TV Safari/537.36`,
    ],
  },
  {
    device: 'other',
    browser: 'Chrome',
    os: 'Android',
    weight: 0.4,
    userAgents: [
      `Mozilla/5.0 (Linux; Android 11; BRAVIA 4K VH2 Build/RTM5.230306.038) ${WEBKIT} Chrome/124.0.0.0 Safari/537.36`,
    ],
  },
];
