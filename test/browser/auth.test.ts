import { type AddressInfo, createServer } from 'node:net';
import { mulberry32 } from '@byline/random';
import { type DashboardProcess, startDashboardProcess } from '@byline/testing';
import type { Cookie } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Stack, startStack } from '../support/stack.js';
import { launchBrowser, type TestBrowser } from './support/browser.js';
import { type Article, readerPool, send, traffic } from './support/readers.js';
import { type Credentials, SESSION_COOKIE, sessionCookieOf, signIn, submitLogin } from './support/session.js';
import { cells, readTable } from './support/tables.js';

const VIEWS = 120;
const RANGE = { preset: 'LAST_7_DAYS', timeZone: 'Asia/Baku' };

let stack: Stack;
let dashboard: DashboardProcess;
let browser: TestBrowser;
let articles: Article[];

const userOf = (role: 'viewer' | 'analyst' | 'marketing'): Credentials => stack.users[role];

/** `me` asked of the gateway with `token` as the bearer: who it is, null when the gateway refuses it. */
async function gatewayMe(token: string): Promise<string | null> {
  const response = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { email } }' }),
  });
  const body = (await response.json()) as { data?: { me: { email: string } | null } };
  return body.data?.me?.email ?? null;
}

beforeAll(async () => {
  stack = await startStack({
    articles: 60,
    analyticsEnv: { TRUSTED_PROXY_HEADER: 'x-forwarded-for', RATE_LIMIT_PER_MINUTE: '100000' },
    // As `pnpm start` runs it: the dashboard forwards the browser's address at sign-in.
    gatewayEnv: { TRUSTED_PROXY_HEADER: 'x-forwarded-for' },
  });
  articles = await stack.content.db.query(
    `SELECT id::text AS id, slug, edition FROM articles WHERE status = 'published' ORDER BY id LIMIT 12`,
  );
  const collectUrl = stack.analytics.url.replace(/\/graphql$/, '/collect');
  const random = mulberry32(20_260_105);
  for (const [reader, beacons] of traffic(random, articles, readerPool(random, 40), VIEWS)) {
    await send(collectUrl, reader, beacons);
  }
  const token = await stack.tokenFor('analyst');
  await vi.waitFor(
    async () => {
      const { body } = await stack.query<{ readership: { views: number }[] }>(
        'query($range: RangeInput) { readership(by: [], range: $range) { views } }',
        { range: RANGE },
        { token },
      );
      expect(body.data?.readership[0]?.views).toBe(VIEWS);
    },
    { timeout: 20_000, interval: 200 },
  );
  [dashboard, browser] = await Promise.all([startDashboardProcess(stack.gateway.url), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
  await stack?.close();
});

describe('signed out', () => {
  it('a page sends the visitor to sign in, keeping the page and its filters to come back to', async () => {
    const { page, context } = await browser.open();
    const response = await page.goto(`${dashboard.url}/regions?channel=social`);
    expect(response?.status()).toBe(200);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('next')).toBe('/regions?channel=social');
    expect(await page.locator('input[name="password"]').isVisible()).toBe(true);
    expect(await page.locator('nav[aria-label="Dashboards"] a').count()).toBe(0);
    expect(await page.locator('table').count()).toBe(0);
    await context.close();
  });

  it('the live data endpoint answers 401 JSON', async () => {
    const response = await fetch(`${dashboard.url}/live/data`, { redirect: 'manual' });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(((await response.json()) as { error: string }).error).toMatch(/sign in/i);
  });

  it('a wrong password is refused with a clear message and no cookie', async () => {
    const { page, context } = await browser.open();
    const analyst = userOf('analyst');
    await submitLogin(page, dashboard.url, { email: analyst.email, password: `${analyst.password}-wrong` });
    const alert = page.locator('[data-login-error]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Wrong email or password');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.inputValue('input[name="email"]')).toBe(analyst.email);
    expect(await sessionCookieOf(page)).toBeUndefined();
    await context.close();
  });
});

describe('an analyst', () => {
  it('signs in, comes back to the page asked for and sees its figures', async () => {
    const { page, context, errors } = await browser.open();
    await signIn(page, dashboard.url, userOf('analyst'), '/regions');
    expect(new URL(page.url()).pathname).toBe('/regions');
    const account = page.locator('[data-user]');
    expect(await account.getAttribute('data-user')).toBe(userOf('analyst').email);
    expect(await account.textContent()).toContain('Analyst');

    const { body } = await stack.query<{ readership: { country: string; views: number; uniqueReaders: number }[] }>(
      'query($range: RangeInput) { readership(by: [COUNTRY], range: $range, first: 250) { country views uniqueReaders } }',
      { range: RANGE },
      { token: await stack.tokenFor('analyst') },
    );
    const countries = body.data?.readership ?? [];
    expect(countries.length).toBeGreaterThan(0);
    await expect
      .poll(async () => (await readTable(page, 'readers-by-country')).rows.map((row) => row.slice(0, 3)))
      .toEqual(countries.map((row) => cells(row.country, row.views, row.uniqueReaders)));

    for (const path of ['/live', '/sections', '/shares', `/articles/${articles[0]?.id}`]) {
      const response = await page.goto(`${dashboard.url}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await page.locator('[role="alert"]').count(), path).toBe(0);
    }
    const live = await page.request.get(`${dashboard.url}/live/data`);
    expect(live.status()).toBe(200);
    expect(((await live.json()) as { perMinute: unknown[] }).perMinute.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('holds the session in an HttpOnly, SameSite=Lax cookie that expires with the session', async () => {
    const { page, context } = await browser.open();
    const ttlProbe = await stack.query<{ login: { expiresAt: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { expiresAt } }',
      { ...userOf('analyst') },
    );
    const ttlMs = Date.parse(ttlProbe.body.data?.login.expiresAt ?? '') - Date.now();
    expect(ttlMs).toBeGreaterThan(60_000);
    await signIn(page, dashboard.url, userOf('analyst'));
    const cookie = (await sessionCookieOf(page)) as Cookie;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    expect(Math.abs(cookie.expires * 1000 - (Date.now() + ttlMs))).toBeLessThan(15_000);
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
    expect(await gatewayMe(cookie.value)).toBe(userOf('analyst').email);
    await context.close();
  });

  it('signing out ends the session at the gateway too', async () => {
    const { page, context } = await browser.open();
    await signIn(page, dashboard.url, userOf('analyst'), '/sections');
    const cookie = (await sessionCookieOf(page)) as Cookie;
    expect(await gatewayMe(cookie.value)).toBe(userOf('analyst').email);

    await Promise.all([page.waitForURL(/\/login$/), page.click('[data-action="logout"]')]);
    expect(await sessionCookieOf(page)).toBeUndefined();
    // The gateway caches a token's identity for a few seconds at most.
    await expect.poll(() => gatewayMe(cookie.value), { timeout: 10_000, interval: 250 }).toBeNull();

    // The old cookie put back: the dashboard clears it and asks to sign in again.
    await context.addCookies([cookie]);
    await page.goto(`${dashboard.url}/sections`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('[data-login-notice="expired"]').isVisible()).toBe(true);
    expect(await sessionCookieOf(page)).toBeUndefined();
    await context.close();
  });

  it('is never sent off the site by next=', async () => {
    const { page, context } = await browser.open();
    const hostile = [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example/',
      '/\t/evil.example/',
      'javascript:alert(1)',
    ];
    await signIn(page, dashboard.url, userOf('analyst'), hostile[0]);
    expect(page.url()).toBe(`${dashboard.url}/live`);
    // Signed in, the sign-in page forwards to next= at once: the same rule applies.
    for (const next of hostile) {
      await page.goto(`${dashboard.url}/login?next=${encodeURIComponent(next)}`);
      expect(page.url(), next).toBe(`${dashboard.url}/live`);
    }
    await page.goto(`${dashboard.url}/login?next=${encodeURIComponent('/shares?channel=social')}`);
    expect(page.url()).toBe(`${dashboard.url}/shares?channel=social`);
    await context.close();
  });
});

describe('a viewer', () => {
  it('signs in but gets a 403 page and a 403 from the live data, with a way to sign out', async () => {
    const { page, context } = await browser.open();
    await signIn(page, dashboard.url, userOf('viewer'), '/sections');
    const response = await page.goto(`${dashboard.url}/sections`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('[role="alert"]').textContent()).toContain('Your role does not include readership data');
    expect(await page.locator('table').count()).toBe(0);
    expect(await page.locator('nav[aria-label="Dashboards"] a').count()).toBe(0);
    expect(await page.locator('[data-user]').getAttribute('data-role')).toBe('VIEWER');
    expect(await page.locator('[data-action="logout"]').isVisible()).toBe(true);

    const live = await page.request.get(`${dashboard.url}/live/data`);
    expect(live.status()).toBe(403);
    expect(((await live.json()) as { error: string }).error).toContain('role');
    await context.close();
  });
});

describe('when the gateway does not answer', () => {
  it('the sign-in form and the pages say so', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const orphan = await startDashboardProcess(`http://127.0.0.1:${closed}/graphql`);
    try {
      const { page, context } = await browser.open();
      await submitLogin(page, orphan.url, userOf('analyst'));
      const alert = page.locator('[data-login-error]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('not answering');

      // A session cookie the dashboard cannot check: a 503, not a sign-in loop.
      await context.addCookies([{ name: SESSION_COOKIE, value: 'bys_unchecked', url: orphan.url }]);
      const response = await page.goto(`${orphan.url}/sections`);
      expect(response?.status()).toBe(503);
      expect(await page.textContent('body')).toContain('not answering');
      await context.close();
    } finally {
      await orphan.close();
    }
  });
});

// Last: the failures it makes rate-limit this address for a minute.
describe('repeated wrong passwords', () => {
  it('are rate-limited, and the form says how long to wait', async () => {
    const { page, context } = await browser.open();
    const marketing = userOf('marketing');
    let message = '';
    let attempts = 0;
    while (!message.includes('Too many') && attempts < 8) {
      attempts++;
      await submitLogin(page, dashboard.url, { email: marketing.email, password: `wrong-${attempts}` });
      const alert = page.locator('[data-login-error]');
      await alert.waitFor();
      message = (await alert.textContent()) ?? '';
    }
    expect(attempts).toBeLessThanOrEqual(6);
    const [, amount, unit] = message.match(/Try again in (\d+) (second|minute)/) ?? [];
    const wait = Number(amount) * (unit === 'minute' ? 60 : 1);
    const { body } = await stack.query(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      {
        email: marketing.email,
        password: 'wrong-again',
      },
    );
    const retryAfter = Number(body.errors?.[0]?.extensions?.retryAfterSeconds);
    expect(body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(wait).toBeGreaterThan(0);
    expect(Math.abs(wait - retryAfter)).toBeLessThanOrEqual(3);
    // Even the right password waits.
    await submitLogin(page, dashboard.url, marketing);
    await page.locator('[data-login-error]').waitFor();
    expect(await page.locator('[data-login-error]').textContent()).toContain('Too many');
    expect(await sessionCookieOf(page)).toBeUndefined();
    await context.close();
  }, 60_000);
});
