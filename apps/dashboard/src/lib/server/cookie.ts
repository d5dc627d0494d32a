import { SESSION_COOKIE } from '@byline/auth';
import type { Cookies } from '@sveltejs/kit';

/**
 * The session cookie: out of scripts' reach, sent on top-level navigations
 * from other sites but not on their POSTs, Secure whenever the dashboard is
 * served over HTTPS (adapter-node derives the protocol from ORIGIN or
 * PROTOCOL_HEADER), and gone when the session expires.
 */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    expires: expiresAt,
  });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

export const sessionToken = (cookies: Cookies) => cookies.get(SESSION_COOKIE);
