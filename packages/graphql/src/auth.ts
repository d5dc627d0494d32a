import { hasScope, type Identity, isScope, type Scope } from '@byline/auth';
import type { AuthChecker } from 'type-graphql';
import { forbidden, unauthenticated } from './errors.js';

/**
 * type-graphql's check for `@Authorized(...scopes)`: no scopes means any
 * signed-in caller; otherwise the caller's role must grant one of them.
 */
export const authChecker: AuthChecker<{ identity: Identity }, Scope> = ({ context }, scopes) => {
  const { identity } = context;
  if (identity.role === null) throw unauthenticated();
  if (scopes.length > 0 && !scopes.some((scope) => isScope(scope) && hasScope(identity, scope))) {
    throw forbidden(`this needs ${scopes.join(' or ')}`);
  }
  return true;
};
