import { SESSION_COOKIE } from '@byline/auth';
import type { RequestHeaders } from '@byline/http';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The credential a request carries: an API token or session token as
 * `Authorization: Bearer …`, else the dashboard's session cookie. Null when
 * there is none (a public request). Only the first of each header is read.
 */
export function credentialOf(headers: RequestHeaders): string | null {
  const authorization = first(headers.authorization);
  if (authorization !== undefined) return BEARER.exec(authorization)?.[1] ?? '';
  const cookie = first(headers.cookie);
  if (!cookie) return null;
  for (const pair of cookie.split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === SESSION_COOKIE) return decoded(value.join('='));
  }
  return null;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A cookie value; a malformed escape makes it an invalid (refused) credential rather than a crash. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
