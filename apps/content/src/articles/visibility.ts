import type { Identity } from '@byline/auth';
import { canEdit } from '../auth/can-edit.js';
import { type Article, ArticleStatus } from './article.type.js';

/** Drafts exist only for the newsroom; everyone else sees them as missing. */
export function visibleTo<T extends Article | null>(identity: Identity, article: T): T | null {
  if (!article) return null;
  return article.status === ArticleStatus.DRAFT && !canEdit(identity) ? null : article;
}
