export {
  ANONYMOUS,
  hasScope,
  IDENTITY_HEADER,
  IDENTITY_TTL_MS,
  type Identity,
  SESSION_COOKIE,
  serviceHeaders,
  serviceIdentity,
  signIdentity,
  verifyIdentity,
} from './identity.js';
export { isRole, isScope, ROLES, type Role, SCOPES, type Scope, scopesOf } from './roles.js';
export { internalSecret, MIN_SECRET_LENGTH } from './secret.js';
