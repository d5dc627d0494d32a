import { error, type Handle, json, type RequestEvent, redirect } from '@sveltejs/kit';
import { pickLocale } from '$lib/format/format';
import { answersJson, needOf, refusal } from '$lib/server/access';
import { clearSessionCookie, sessionToken } from '$lib/server/cookie';
import { deadlineOf } from '$lib/server/deadline';
import { GatewayUnreachable } from '$lib/server/gateway';
import { FORBIDDEN_MESSAGE, RETRY_AFTER_SECONDS, UNREACHABLE_MESSAGE } from '$lib/server/gateway-failure';
import { loginPath } from '$lib/server/next';
import { userOf } from '$lib/server/session';
import { parseThemeChoice, THEME_COOKIE } from '$lib/theme.svelte';

/** The session cookie's user, asked of the gateway; a dead session's cookie is cleared. */
async function sessionOf(event: RequestEvent): Promise<App.Locals['session'] | 'unknown' | 'ended'> {
  const token = sessionToken(event.cookies);
  if (!token) return null;
  try {
    const user = await userOf(token, event.locals.deadline);
    if (user) return { token, user };
    clearSessionCookie(event.cookies, event.url);
    return 'ended';
  } catch (cause) {
    if (!(cause instanceof GatewayUnreachable)) throw cause;
    console.error(`checking a session: ${cause.message}`);
    return 'unknown';
  }
}

/**
 * Who is asking, and whether they may: a signed-out visitor is sent to the
 * sign-in page (coming back afterwards), an endpoint answers 401 or 403 JSON.
 * A page refused for want of the readership scope gets its 403 from the
 * readership layout (every page's load awaits it), so it renders inside the
 * dashboard; the subgraphs check the role again on every call.
 */
export const handle: Handle = async ({ event, resolve }) => {
  // `/` is the live page, what a newsroom opens first.
  if (event.url.pathname === '/') redirect(307, `/live${event.url.search}`);
  event.locals.locale = pickLocale(event.request.headers.get('accept-language'));
  event.locals.theme = parseThemeChoice(event.cookies.get(THEME_COOKIE));
  event.locals.deadline = deadlineOf(event.route.id);

  const need = needOf(event.route.id);
  const session = await sessionOf(event);
  event.locals.session = typeof session === 'string' ? null : session;
  if (session === 'unknown' && need !== 'nothing') {
    if (answersJson(event.route.id)) {
      return json(
        { error: UNREACHABLE_MESSAGE },
        { status: 503, headers: { 'retry-after': RETRY_AFTER_SECONDS_TEXT } },
      );
    }
    error(503, UNREACHABLE_MESSAGE);
  }
  const refused = refusal(need, event.locals.session?.user ?? null);
  if (refused && answersJson(event.route.id)) {
    const message = refused === 401 ? 'Sign in first.' : FORBIDDEN_MESSAGE;
    return json({ error: message }, { status: refused, headers: { 'cache-control': 'no-store' } });
  }
  if (refused === 401) redirect(303, loginPath(event.url, session === 'ended' ? 'expired' : undefined));

  const attribute = event.locals.theme === 'system' ? '' : `data-theme="${event.locals.theme}"`;
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%byline.theme%', attribute),
  });
  // A 503 is the gateway overloaded or silent (gql): tell the browser when to ask again.
  if (response.status === 503) response.headers.set('retry-after', RETRY_AFTER_SECONDS_TEXT);
  return response;
};

const RETRY_AFTER_SECONDS_TEXT = String(RETRY_AFTER_SECONDS);
