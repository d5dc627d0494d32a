import { createHash, randomBytes } from 'node:crypto';

/** Login sessions (browser cookie or bearer) and API tokens are told apart by their prefix. */
export const SESSION_PREFIX = 'bys_';
export const API_TOKEN_PREFIX = 'byt_';

/** A new secret: the prefix and 32 random bytes (256 bits), base64url. */
export function newToken(prefix: typeof SESSION_PREFIX | typeof API_TOKEN_PREFIX): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * What the database keeps instead of a token. A plain SHA-256 is right here,
 * unlike for passwords: 256 random bits cannot be guessed, so a slow hash would
 * add nothing but latency, and a fast one lets a token be looked up by its hash.
 */
export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
