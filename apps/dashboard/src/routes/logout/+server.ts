import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/cookie';
import { signOut } from '$lib/server/session';
import type { RequestHandler } from './$types';

/**
 * Ends the session at the gateway (so the token is refused everywhere), then
 * forgets the cookie. A form POST only: SvelteKit refuses cross-site ones.
 */
export const POST: RequestHandler = async ({ locals, cookies, url }) => {
  if (locals.session) {
    // A session that outlives a failed sign-out still expires; the browser forgets it either way.
    await signOut(locals.session.token).catch((cause) => console.error('sign-out failed at the gateway', cause));
  }
  clearSessionCookie(cookies, url);
  redirect(303, '/login');
};
