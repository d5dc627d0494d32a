import { hasScope, type Identity } from '@byline/auth';

/** Editors (and admins) see drafts and archived articles; everyone else sees them as missing. */
export function canEdit(identity: Identity): boolean {
  return hasScope(identity, 'content:edit');
}
