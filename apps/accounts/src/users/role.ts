import type { Role } from '@byline/auth';
import { registerEnumType } from 'type-graphql';

/**
 * The roles as a GraphQL enum. Names are upper case and, because a federated
 * subgraph's SDL carries names only, each value equals its name; the lower-case
 * role of @byline/auth is what is stored and signed.
 */
export const RoleName = {
  VIEWER: 'VIEWER',
  EDITOR: 'EDITOR',
  ANALYST: 'ANALYST',
  MARKETING: 'MARKETING',
  ADMIN: 'ADMIN',
} as const satisfies { [R in Role as Uppercase<R>]: Uppercase<R> };
export type RoleName = (typeof RoleName)[keyof typeof RoleName];

registerEnumType(RoleName, { name: 'Role', description: 'What a user or API token may do.' });

export const roleOf = (name: RoleName): Role => name.toLowerCase() as Role;
export const nameOf = (role: Role): RoleName => role.toUpperCase() as RoleName;
