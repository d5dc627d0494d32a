/** The newsroom's roles, as stored on users and API tokens. */
export const ROLES = ['viewer', 'editor', 'analyst', 'marketing', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a role may do; resolvers check scopes, never role names. */
export const SCOPES = ['content:edit', 'readership:read', 'users:manage'] as const;
export type Scope = (typeof SCOPES)[number];

const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  viewer: [],
  editor: ['content:edit', 'readership:read'],
  analyst: ['readership:read'],
  marketing: ['readership:read'],
  admin: ['content:edit', 'readership:read', 'users:manage'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function scopesOf(role: Role | null): readonly Scope[] {
  return role ? ROLE_SCOPES[role] : [];
}

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}
