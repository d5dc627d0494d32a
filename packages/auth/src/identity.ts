import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRole, type Role, type Scope, scopesOf } from './roles.js';

/** The header the gateway signs for every subgraph call. */
export const IDENTITY_HEADER = 'x-byline-identity';

/** How long a signed identity is accepted: one request, with room for clock skew between hosts. */
export const IDENTITY_TTL_MS = 60_000;

/** Who is asking, as the gateway established it. */
export interface Identity {
  /** `user:<id>` for a person or an API token's owner, `service:<name>` for a Byline service, `anonymous` otherwise. */
  sub: string;
  /** Null for anonymous readers and services acting on their own behalf: public data only. */
  role: Role | null;
  /** The session behind a browser request (so `logout` can end it). */
  sid?: string;
  /** The client's IP address as the gateway saw it (for login rate limits, and the reader of a recorded event). */
  ip?: string;
  /** The client's user agent as the gateway saw it (the reader of a recorded event). */
  userAgent?: string;
}

export const ANONYMOUS: Identity = { sub: 'anonymous', role: null };

export function serviceIdentity(name: string): Identity {
  return { sub: `service:${name}`, role: null };
}

export function hasScope(identity: Identity, scope: Scope): boolean {
  return scopesOf(identity.role).includes(scope);
}

interface Claims extends Identity {
  /** The one service that may accept the token, so one captured on its way to a subgraph is refused by the others. */
  aud: string;
  exp: number;
}

const encode = (value: Buffer | string) => Buffer.from(value).toString('base64url');
const mac = (payload: string, secret: string) => createHmac('sha256', secret).update(`v1.${payload}`).digest();

/** `v1.<claims>.<HMAC-SHA256>`: a compact token only holders of the internal secret can mint. */
export function signIdentity(identity: Identity, secret: string, audience: string, now = Date.now()): string {
  const claims: Claims = { ...identity, aud: audience, exp: now + IDENTITY_TTL_MS };
  const payload = encode(JSON.stringify(claims));
  return `v1.${payload}.${encode(mac(payload, secret))}`;
}

/** The identity in a signed token, or null when it is malformed, forged, expired or meant for another service. */
export function verifyIdentity(
  token: string | undefined,
  secret: string,
  audience: string,
  now = Date.now(),
): Identity | null {
  const [version, payload, signature, extra] = token?.split('.') ?? [];
  if (version !== 'v1' || !payload || !signature || extra !== undefined) return null;
  const expected = mac(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: Partial<Claims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof claims.exp !== 'number' || claims.exp < now || claims.aud !== audience) return null;
  if (typeof claims.sub !== 'string' || !(claims.role === null || isRole(claims.role))) return null;
  const identity: Identity = { sub: claims.sub, role: claims.role };
  if (typeof claims.sid === 'string') identity.sid = claims.sid;
  if (typeof claims.ip === 'string') identity.ip = claims.ip;
  if (typeof claims.userAgent === 'string') identity.userAgent = claims.userAgent;
  return identity;
}

/** Headers for a Byline service's own call to another (e.g. analytics asking content for an article). */
export function serviceHeaders(service: string, secret: string, audience: string): Record<string, string> {
  return { [IDENTITY_HEADER]: signIdentity(serviceIdentity(service), secret, audience) };
}

/** The dashboard's session cookie, which the gateway also accepts from browsers. */
export const SESSION_COOKIE = 'byline_session';
