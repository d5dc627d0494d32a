import { isRole, type Scope, scopesOf } from '@byline/auth';

/** What a route asks of whoever requests it. */
export type Need = 'nothing' | 'session' | Scope;

/** Routes answering JSON: refused with a JSON status rather than a redirect or an error page. */
const JSON_ROUTES = new Set(['/(readership)/live/data']);

/**
 * Signing in and out need nothing; the readership pages and their data need
 * the readership scope; anything else (including unknown paths, so they
 * reveal nothing) a session.
 */
export function needOf(routeId: string | null): Need {
  if (routeId === '/login' || routeId === '/logout') return 'nothing';
  if (routeId?.startsWith('/(readership)')) return 'readership:read';
  return 'session';
}

export const answersJson = (routeId: string | null) => routeId !== null && JSON_ROUTES.has(routeId);

/** The gateway spells roles in capitals (GraphQL enum values); packages/auth in lower case. */
export function roleHas(role: string, scope: Scope): boolean {
  const name = role.toLowerCase();
  return isRole(name) && scopesOf(name).includes(scope);
}

/** Null when `user` may go ahead; 401 without a session, 403 without the scope. */
export function refusal(need: Need, user: { role: string } | null): 401 | 403 | null {
  if (need === 'nothing') return null;
  if (!user) return 401;
  return need === 'session' || roleHas(user.role, need) ? null : 403;
}
