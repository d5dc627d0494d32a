import { forbidden } from '@byline/graphql';

export type Role = 'viewer' | 'editor' | 'analyst' | 'marketing' | 'admin';

/** Who is asking. Resolvers check roles here and nowhere else. */
export interface Viewer {
  roles: readonly Role[];
}

/**
 * The one place where authentication plugs in. Until the gateway passes a
 * signed identity (security issue), every request is trusted as the
 * newsroom: the subgraph listens on loopback only by default.
 */
export function viewerFromHeaders(_headers: Record<string, string | string[] | undefined>): Viewer {
  return { roles: ['editor'] };
}

export function canEdit(viewer: Viewer): boolean {
  return viewer.roles.includes('editor') || viewer.roles.includes('admin');
}

export function requireEditor(viewer: Viewer): void {
  if (!canEdit(viewer)) throw forbidden('this needs the editor role');
}
