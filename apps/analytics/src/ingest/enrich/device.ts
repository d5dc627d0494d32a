import { isbot } from 'isbot';
import { LRUCache } from 'lru-cache';
import { UAParser } from 'ua-parser-js';
import type { Device } from '../events.js';

export interface AgentFacts {
  bot: boolean;
  device: Device;
  /** Short, stable browser name such as 'Chrome' or 'Samsung Internet'; '' when unknown. */
  browser: string;
  /** 'Android', 'iOS', 'Windows', 'macOS', 'Linux', ...; '' when unknown. */
  os: string;
}

// Automation that isbot's list lets through, or that we want named here regardless.
const AUTOMATION = /headless|phantomjs|puppeteer|playwright|selenium|webdriver|^curl\/|python-requests/i;

// ua-parser-js names mobile builds apart ('Mobile Safari'); one name per browser keeps reports comparable.
const BROWSER_NAMES: Record<string, string> = {
  'Mobile Safari': 'Safari',
  'Mobile Chrome': 'Chrome',
  'Mobile Firefox': 'Firefox',
  'Chrome WebView': 'Chrome',
  'Opera Mobi': 'Opera',
  'Opera Touch': 'Opera',
  'Opera GX': 'Opera',
  'Opera Tablet': 'Opera',
};

const LINUX_DISTRIBUTIONS = new Set([
  'Arch',
  'CentOS',
  'Debian',
  'Deepin',
  'elementary OS',
  'Fedora',
  'Gentoo',
  'Kubuntu',
  'Manjaro',
  'Mint',
  'RedHat',
  'SUSE',
  'Ubuntu',
  'Xubuntu',
]);
const OS_NAMES: Record<string, string> = { 'Chrome OS': 'ChromeOS', 'Chromium OS': 'ChromeOS', 'Mac OS': 'macOS' };

const DESKTOP_OS = new Set(['Windows', 'macOS', 'Linux', 'ChromeOS', 'FreeBSD', 'OpenBSD', 'NetBSD', 'Solaris']);

// The same few hundred agents make most of the traffic, and parsing one costs far more than a lookup.
// Bounded by size too: clients choose the keys.
const cache = new LRUCache<string, AgentFacts>({
  max: 10_000,
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (_facts, userAgent) => userAgent.length + 100,
});

/** Bot flag, device class, browser and OS of a User-Agent header. */
export function describeAgent(userAgent: string): AgentFacts {
  let facts = cache.get(userAgent);
  if (!facts) {
    facts = Object.freeze(parse(userAgent));
    cache.set(userAgent, facts);
  }
  return facts;
}

function parse(userAgent: string): AgentFacts {
  const { browser, os, device } = new UAParser(userAgent).getResult();
  const browserName = browser.name ? (BROWSER_NAMES[browser.name] ?? browser.name) : '';
  const osName = os.name ? osFamily(os.name) : '';
  return {
    bot: userAgent.trim() === '' || isbot(userAgent) || AUTOMATION.test(userAgent),
    device: deviceClass(device.type, osName),
    browser: browserName,
    os: osName,
  };
}

function osFamily(name: string): string {
  if (LINUX_DISTRIBUTIONS.has(name)) return 'Linux';
  return OS_NAMES[name] ?? name;
}

// ua-parser-js leaves the type unset for desktops, so a desktop is "no type, desktop OS".
function deviceClass(type: string | undefined, os: string): Device {
  if (type === 'mobile' || type === 'tablet') return type;
  if (type === undefined && DESKTOP_OS.has(os)) return 'desktop';
  return 'other';
}
