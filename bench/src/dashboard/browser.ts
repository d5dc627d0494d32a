import { launchChromium } from '@byline/testing';
import type { Browser, Cookie, Page } from 'playwright-core';
import { type Transfer, trackNetwork } from './network.js';
import type { Analyst } from './stack.js';

const DRAWN_TIMEOUT_MS = 30_000;
const SIGN_IN_TIMEOUT_MS = 30_000;

/**
 * Resolves `window.__bylineDrawn` with `performance.now()` (milliseconds since
 * the navigation started) at the moment every chart canvas in `main` carries
 * `data-drawn`, which the dashboard's Chart.js plugin sets after a chart's
 * first render (src/lib/charts/config.ts): the page is hydrated and drawn.
 */
const WATCH_DRAWN = `window.__bylineDrawn = new Promise((resolve) => {
  const drawn = () => {
    const canvases = document.querySelectorAll('main canvas');
    return canvases.length > 0 && [...canvases].every((canvas) => canvas.hasAttribute('data-drawn'));
  };
  const observer = new MutationObserver(() => {
    if (!drawn()) return;
    observer.disconnect();
    resolve(performance.now());
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
});`;

export interface Load extends Transfer {
  /** Navigation start to every chart drawn. */
  drawnMs: number;
  /** Navigation start to the first byte of the server-rendered page (the server's data loading). */
  firstByteMs: number;
}

export interface BenchBrowser {
  /** A fresh context (empty cache) signed in: loads `url` cold, then again warm in the same tab. */
  coldThenWarm(url: string): Promise<{ cold: Load; warm: Load }>;
  close(): Promise<void>;
}

async function measure(page: Page, url: string, reset: () => void, transfer: () => Transfer): Promise<Load> {
  // From a blank page, so a second visit is a new navigation (not a reload, which revalidates).
  await page.goto('about:blank');
  reset();
  await page.goto(url, { waitUntil: 'commit' });
  const drawnMs = await page.evaluate(
    ([timeout]) =>
      Promise.race([
        (window as unknown as { __bylineDrawn: Promise<number> }).__bylineDrawn,
        new Promise<number>((_, reject) => setTimeout(() => reject(new Error('charts not drawn')), timeout)),
      ]),
    [DRAWN_TIMEOUT_MS],
  );
  if (typeof drawnMs !== 'number') throw new Error(`${url}: the drawn watcher did not run`);
  const firstByteMs = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseStart,
  );
  return { drawnMs, firstByteMs, ...transfer() };
}

async function signIn(browser: Browser, origin: string, analyst: Analyst): Promise<Cookie> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/login`);
    await page.fill('input[name="email"]', analyst.email);
    await page.fill('input[name="password"]', analyst.password);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.pathname !== '/login', { waitUntil: 'commit', timeout: SIGN_IN_TIMEOUT_MS });
    const cookie = (await context.cookies()).find((candidate) => candidate.name === 'byline_session');
    if (!cookie) throw new Error('signing in set no session cookie');
    return cookie;
  } finally {
    await context.close();
  }
}

/** Debian's headless Chromium, signed in to the dashboard at `origin` as the analyst once. */
export async function launchBenchBrowser(origin: string, analyst: Analyst): Promise<BenchBrowser> {
  const browser = await launchChromium();
  try {
    const session = await signIn(browser, origin, analyst);
    return {
      coldThenWarm: async (url) => {
        // The drawn watcher is an inline init script, which the dashboard's CSP refuses (as it should for any
        // injected script): the bench's own context bypasses CSP; test/browser checks the policy itself.
        const context = await browser.newContext({
          viewport: { width: 1440, height: 900 },
          locale: 'en-GB',
          bypassCSP: true,
        });
        try {
          await context.addCookies([session]);
          await context.addInitScript(WATCH_DRAWN);
          const page = await context.newPage();
          const network = await trackNetwork(await context.newCDPSession(page));
          const cold = await measure(page, url, network.reset, network.transfer);
          const warm = await measure(page, url, network.reset, network.transfer);
          return { cold, warm };
        } finally {
          await context.close();
        }
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
