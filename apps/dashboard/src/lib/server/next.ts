/** Where a sign-in goes when it was asked for nothing (or for somewhere it may not go). */
export const HOME = '/live';

const MAX_LENGTH = 2_000;
const BASE = 'http://dashboard.invalid';

/**
 * A path on this site to go to after signing in; anything else (another
 * site, `//host`, backslashes and control characters browsers rewrite into
 * one, the sign-in pages themselves) goes home, so `next` is no open redirect.
 */
export function safeNext(value: string | null | undefined): string {
  if (!value || value.length > MAX_LENGTH || !value.startsWith('/')) return HOME;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point.
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.startsWith('//')) return HOME;
  const url = new URL(value, BASE);
  if (url.origin !== BASE || url.pathname === '/login' || url.pathname === '/logout') return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, coming back to `url` afterwards. */
export function loginPath(url: URL, reason?: 'expired'): string {
  const query = new URLSearchParams({ next: `${url.pathname}${url.search}` });
  if (reason) query.set('reason', reason);
  return `/login?${query}`;
}
