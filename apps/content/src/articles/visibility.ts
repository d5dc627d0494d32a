import { canEdit, type Viewer } from '../auth/viewer.js';
import { type Article, ArticleStatus } from './article.type.js';

/** Drafts exist only for the newsroom; everyone else sees them as missing. */
export function visibleTo<T extends Article | null>(viewer: Viewer, article: T): T | null {
  if (!article) return null;
  return article.status === ArticleStatus.DRAFT && !canEdit(viewer) ? null : article;
}
