import { launchChromium } from '@byline/testing';
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';

export interface TestBrowser {
  browser: Browser;
  /** A new page at a desktop size, recording console errors and failed requests; `cookies` (a session) set first. */
  open(options?: OpenOptions): Promise<WatchedPage>;
  close(): Promise<void>;
}

interface OpenOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  cookies?: Cookie[];
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and failed same-origin requests seen so far. */
  errors: string[];
}

/** Debian's headless Chromium driven by playwright-core (which gives it a fresh temporary profile). */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await launchChromium();
  return {
    browser,
    open: async ({ width = 1440, height = 900, colorScheme = 'light', cookies = [] } = {}) => {
      const context = await browser.newContext({
        viewport: { width, height },
        locale: 'en-GB',
        colorScheme,
        acceptDownloads: true,
      });
      await context.addCookies(cookies);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
      });
      return { page, context, errors };
    },
    close: () => browser.close(),
  };
}
