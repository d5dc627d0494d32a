import { badInput, checkId } from '@byline/graphql';
import type { EntityManager } from 'typeorm';
import { type Article, ArticleStatus } from '../articles/article.type.js';
import { articlesByIds, articlesOfStories } from '../articles/articles.sql.js';
import type { Context } from '../context.js';
import type { ArticleInput } from './article.input.js';
import { existingIds, insertArticle, setBylineAndTags, setStatus, updateArticleContent } from './article-writes.sql.js';
import { readingMinutes } from './reading-time.js';

const UNIQUE_VIOLATION = '23505';

/** Checks that every referenced section, author and tag exists, naming the first that does not. */
async function checkReferences(tx: EntityManager, input: ArticleInput) {
  const references = [
    { field: 'input.sectionId', table: 'sections', ids: [input.sectionId] },
    { field: 'input.authorIds', table: 'authors', ids: input.authorIds },
    { field: 'input.tagIds', table: 'tags', ids: input.tagIds },
  ] as const;
  for (const { field, table, ids } of references) {
    const found = await existingIds(tx, table, ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw badInput(field, `no such id ${missing}`);
  }
}

async function loadForUpdate(tx: EntityManager, id: string): Promise<Article> {
  await tx.query('SELECT 1 FROM articles WHERE id = $1::bigint FOR UPDATE', [checkId('id', id)]);
  const [article] = await articlesByIds(tx, [id]);
  if (!article) throw badInput('id', `no article ${id}`);
  return article;
}

/** Unique constraints a client can run into, and what to tell it. */
const CONFLICTS: Record<string, [field: string, message: string]> = {
  articles_edition_slug_key: ['input.slug', 'is already used by another article of this edition'],
  articles_story_edition_key: ['translationOf', 'the story already has an article in this edition'],
};

/** Runs a write in one transaction; a unique-constraint conflict becomes a BAD_USER_INPUT naming the field. */
async function write<T>(ctx: Context, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction(work);
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    const conflict = code === UNIQUE_VIOLATION && constraint ? CONFLICTS[constraint] : undefined;
    if (conflict) throw badInput(...conflict);
    throw error;
  }
}

async function reload(ctx: Context, id: string): Promise<Article> {
  const [article] = await articlesByIds(ctx.db, [id]);
  if (!article) throw new Error(`article ${id} vanished after a write`);
  return article;
}

async function storyFor(tx: EntityManager, edition: string, translationOf: string | null): Promise<string | null> {
  if (translationOf === null) return null;
  const [original] = await articlesByIds(tx, [checkId('translationOf', translationOf)]);
  if (!original) throw badInput('translationOf', `no article ${translationOf}`);
  const story = await articlesOfStories(tx, [original.storyId]);
  if (story.some((member) => member.edition === edition)) {
    throw badInput('translationOf', `the story already has a "${edition}" edition`);
  }
  return original.storyId;
}

const minutesOf = (input: ArticleInput) => readingMinutes([input.title, input.lead, ...input.body]);

export async function createArticle(
  ctx: Context,
  edition: string,
  input: ArticleInput,
  translationOf: string | null,
): Promise<Article> {
  const searchConfig = ctx.editions.get(edition);
  if (!searchConfig) throw badInput('edition', `unknown edition; one of ${[...ctx.editions.keys()].join(', ')}`);
  const id = await write(ctx, async (tx) => {
    await checkReferences(tx, input);
    const storyId = await storyFor(tx, edition, translationOf);
    const created = await insertArticle(tx, {
      edition,
      searchConfig,
      storyId,
      readingMinutes: minutesOf(input),
      input,
    });
    await setBylineAndTags(tx, created, input.authorIds, input.tagIds);
    return created;
  });
  return reload(ctx, id);
}

export async function updateArticle(ctx: Context, id: string, input: ArticleInput): Promise<Article> {
  await write(ctx, async (tx) => {
    await loadForUpdate(tx, id);
    await checkReferences(tx, input);
    await updateArticleContent(tx, id, input, minutesOf(input));
    await setBylineAndTags(tx, id, input.authorIds, input.tagIds);
  });
  return reload(ctx, id);
}

/** Publishes at `at` (default: keeps an earlier publication time, else now). */
export async function publishArticle(ctx: Context, id: string, at: Date | null): Promise<Article> {
  await write(ctx, async (tx) => {
    const article = await loadForUpdate(tx, id);
    await setStatus(tx, id, ArticleStatus.PUBLISHED, at ?? article.publishedAt ?? new Date());
  });
  return reload(ctx, id);
}

/** Back to draft: out of every feed and hidden from the public. */
export async function unpublishArticle(ctx: Context, id: string): Promise<Article> {
  await write(ctx, async (tx) => {
    await loadForUpdate(tx, id);
    await setStatus(tx, id, ArticleStatus.DRAFT, null);
  });
  return reload(ctx, id);
}

/** Out of the feeds, still readable by link. */
export async function archiveArticle(ctx: Context, id: string): Promise<Article> {
  await write(ctx, async (tx) => {
    const article = await loadForUpdate(tx, id);
    if (!article.publishedAt) throw badInput('id', 'only a published article can be archived');
    await setStatus(tx, id, ArticleStatus.ARCHIVED, article.publishedAt);
  });
  return reload(ctx, id);
}
