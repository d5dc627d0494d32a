import { type Handle, redirect } from '@sveltejs/kit';
import { pickLocale } from '$lib/format/format';
import { parseThemeChoice, THEME_COOKIE } from '$lib/theme.svelte';

/**
 * The reader's locale and theme, and the theme set on <html> before the first
 * paint. `/` is the live page, what a newsroom opens first (redirected here,
 * before any data is loaded, so it works even while the gateway is down).
 */
export const handle: Handle = async ({ event, resolve }) => {
  if (event.url.pathname === '/') redirect(307, `/live${event.url.search}`);
  event.locals.locale = pickLocale(event.request.headers.get('accept-language'));
  event.locals.theme = parseThemeChoice(event.cookies.get(THEME_COOKIE));
  const attribute = event.locals.theme === 'system' ? '' : `data-theme="${event.locals.theme}"`;
  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%byline.theme%', attribute),
  });
};
