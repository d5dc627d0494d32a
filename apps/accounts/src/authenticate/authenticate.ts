import type { Identity } from '@byline/auth';
import { apiTokenOwner } from '../api-tokens/api-tokens.sql.js';
import type { Accounts } from '../context.js';
import { API_TOKEN_PREFIX, SESSION_PREFIX, tokenHash } from '../credentials/tokens.js';
import { sessionOwner } from '../sessions/sessions.sql.js';

/** What the gateway gets for a credential: no IP (the gateway adds its own). */
export type Authenticated = Omit<Identity, 'ip'> | null;

/**
 * Who a session token or API token stands for, checked live: a session must
 * be unexpired, unrevoked and its user enabled; an API token unexpired and
 * unrevoked. Null for anything else.
 */
export async function authenticate(accounts: Accounts, token: string): Promise<Authenticated> {
  const now = accounts.clock();
  if (token.startsWith(SESSION_PREFIX)) {
    const owner = await sessionOwner(accounts.db, tokenHash(token), now);
    return owner ? { sub: `user:${owner.userId}`, role: owner.role, sid: owner.sessionId } : null;
  }
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const owner = await apiTokenOwner(accounts.db, tokenHash(token), now);
    return owner ? { sub: `token:${owner.tokenId}`, role: owner.role } : null;
  }
  return null;
}
