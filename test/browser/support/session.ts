import type { Cookie, Page } from 'playwright-core';

export const SESSION_COOKIE = 'byline_session';

export interface Credentials {
  email: string;
  password: string;
}

/** Fills in and sends the dashboard's sign-in form, as a person would (`next`: the page asked for). */
export async function submitLogin(page: Page, dashboardUrl: string, user: Credentials, next?: string): Promise<void> {
  // Until the page is hydrated, Svelte may still reset what was typed: wait for its scripts to have run.
  await page.goto(`${dashboardUrl}/login${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`, {
    waitUntil: 'networkidle',
  });
  await page.fill('input[name="email"]', user.email);
  await page.fill('input[name="password"]', user.password);
  await page.click('button[type="submit"]');
}

/** Signs in with the form and waits until the dashboard has left the sign-in page. */
export async function signIn(page: Page, dashboardUrl: string, user: Credentials, next?: string): Promise<void> {
  await submitLogin(page, dashboardUrl, user, next);
  // Signing in runs Argon2 and a few gateway calls: generous on a busy shared machine.
  await page.waitForURL((url) => url.pathname !== '/login', { timeout: 30_000 });
}

/** The session cookie the browser holds, if any. */
export async function sessionCookieOf(page: Page): Promise<Cookie | undefined> {
  return (await page.context().cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
}

/** Signs in once with the form and returns the session cookie, to open signed-in pages with. */
export async function sessionFor(page: Page, dashboardUrl: string, user: Credentials): Promise<Cookie> {
  await signIn(page, dashboardUrl, user);
  const cookie = await sessionCookieOf(page);
  if (!cookie) throw new Error(`signing in as ${user.email} set no ${SESSION_COOKIE} cookie`);
  return cookie;
}
