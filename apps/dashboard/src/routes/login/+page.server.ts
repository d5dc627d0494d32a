import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/cookie';
import { GatewayUnreachable } from '$lib/server/gateway';
import { safeNext } from '$lib/server/next';
import { type SignIn, signIn } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.session) redirect(303, safeNext(url.searchParams.get('next')));
  return { expired: url.searchParams.get('reason') === 'expired' };
};

const waitText = (seconds: number) =>
  seconds < 90 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;

export const actions: Actions = {
  default: async ({ request, url, cookies, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const refuse = (status: number, message: string, details: { field?: string; retryAfterSeconds?: number } = {}) =>
      fail(status, { email, message, field: details.field, retryAfterSeconds: details.retryAfterSeconds });
    if (!email) return refuse(400, 'Enter your email address.', { field: 'email' });
    if (!password) return refuse(400, 'Enter your password.', { field: 'password' });

    let result: SignIn;
    try {
      result = await signIn(email, password, getClientAddress());
    } catch (cause) {
      if (!(cause instanceof GatewayUnreachable)) throw cause;
      console.error(`signing in: ${cause.message}`);
      return refuse(503, 'The sign-in service is not answering. Try again in a moment.');
    }
    if (!result.ok) {
      const { code, field, retryAfterSeconds } = result.error.extensions ?? {};
      if (code === 'UNAUTHENTICATED') return refuse(401, 'Wrong email or password.');
      if (code === 'RATE_LIMITED') {
        const wait = Math.max(1, Math.ceil(retryAfterSeconds ?? 60));
        return refuse(429, `Too many failed sign-ins. Try again in ${waitText(wait)}.`, { retryAfterSeconds: wait });
      }
      if (code === 'BAD_USER_INPUT') return refuse(400, result.error.message, { field });
      console.error('sign-in failed', result.error.message);
      return refuse(502, 'Signing in failed on the server. Try again in a moment.');
    }
    setSessionCookie(cookies, url, result.token, result.expiresAt);
    redirect(303, safeNext(url.searchParams.get('next')));
  },
};
