import { createHash } from 'node:crypto';
import { ANONYMOUS, type Identity, isRole, serviceHeaders } from '@byline/auth';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';

export interface AuthenticatorOptions {
  /** The accounts subgraph's GraphQL URL (its `/authenticate` sits beside it); undefined until the gateway has loaded. */
  accountsUrl: () => string | undefined;
  secret: string;
  /** How long an answer is reused: a revoked session stops working within this. 0: ask every time. */
  cacheMs: number;
  timeoutMs: number;
}

type Answer = Omit<Identity, 'ip' | 'userAgent'> | null;

/**
 * Turns a request's credential into an identity by asking the accounts
 * service, which owns users, sessions and tokens. Answers are cached by the
 * credential's hash (never the credential itself) for `cacheMs`.
 */
export function createAuthenticator(options: AuthenticatorOptions) {
  const cache =
    options.cacheMs > 0 ? new LRUCache<string, { answer: Answer }>({ max: 50_000, ttl: options.cacheMs }) : null;

  async function ask(credential: string): Promise<Answer> {
    const base = options.accountsUrl();
    if (!base) throw unavailable();
    let response: Response;
    try {
      response = await fetch(new URL('/authenticate', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...serviceHeaders('gateway', options.secret, 'accounts') },
        body: JSON.stringify({ token: credential }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch {
      throw unavailable();
    }
    if (!response.ok) throw unavailable();
    const { identity } = (await response.json()) as { identity: Answer };
    if (identity === null) return null;
    if (typeof identity?.sub !== 'string' || !isRole(identity.role)) throw unavailable();
    return identity.sid
      ? { sub: identity.sub, role: identity.role, sid: identity.sid }
      : { sub: identity.sub, role: identity.role };
  }

  /** `client`: the caller's address and user agent as the gateway saw them, carried to the subgraphs. */
  return async (credential: string | null, client: Pick<Identity, 'ip' | 'userAgent'>): Promise<Identity> => {
    if (credential === null) return { ...ANONYMOUS, ...client };
    if (credential === '' || credential.length > 512) throw unauthenticated();
    const key = createHash('sha256').update(credential).digest('base64url');
    let cached = cache?.get(key);
    if (!cached) {
      cached = { answer: await ask(credential) };
      cache?.set(key, cached);
    }
    if (!cached.answer) throw unauthenticated();
    return { ...cached.answer, ...client };
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;

function unauthenticated(): GraphQLError {
  return new GraphQLError('the session or API token is invalid, expired or revoked: sign in again', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

function unavailable(): GraphQLError {
  return new GraphQLError('cannot check credentials right now: try again shortly', {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
  });
}
