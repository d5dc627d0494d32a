import { LoginDocument, LogoutDocument, MeDocument, type SignedInUserFragment } from '$lib/graphql/generated';
import { callGateway, GatewayUnreachable } from './gateway';
import { type GatewayError, isOverloaded } from './gateway-failure';

export type SignedInUser = SignedInUserFragment;

/**
 * Who a session token belongs to: null when the gateway says nobody (the
 * session expired or was revoked). Asked afresh on every request, for that
 * token only. Throws GatewayUnreachable when the gateway cannot tell (silent or overloaded).
 */
export async function userOf(token: string, deadline?: AbortSignal): Promise<SignedInUser | null> {
  const answer = await callGateway(MeDocument, {}, { token, deadline });
  if (answer.status === 401 || answer.errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) return null;
  if (isOverloaded(answer)) throw new GatewayUnreachable(`the gateway answered ${answer.status}: overloaded`);
  if (answer.errors.length > 0 || !answer.data) {
    throw new Error(`the gateway answered ${answer.status} to me: ${answer.errors[0]?.message ?? 'no data'}`);
  }
  return answer.data.me;
}

export type SignIn =
  | { ok: true; token: string; expiresAt: Date; user: SignedInUser }
  | { ok: false; error: GatewayError };

/** Signs in as the browser at `clientAddress` (the gateway rate-limits failures per address and per account). */
export async function signIn(email: string, password: string, clientAddress: string): Promise<SignIn> {
  const answer = await callGateway(
    LoginDocument,
    { email, password },
    { headers: { 'x-forwarded-for': clientAddress } },
  );
  const login = answer.data?.login;
  if (login) return { ok: true, token: login.token, expiresAt: new Date(login.expiresAt), user: login.user };
  return { ok: false, error: answer.errors[0] ?? { message: `the gateway answered ${answer.status}` } };
}

/** Ends the session server-side, so its token stops working everywhere. */
export async function signOut(token: string): Promise<void> {
  const answer = await callGateway(LogoutDocument, {}, { token });
  if (answer.errors.length > 0) throw new Error(`logout failed: ${answer.errors[0]?.message}`);
}
