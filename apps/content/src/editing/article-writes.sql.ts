import type { EntityManager } from 'typeorm';
import type { ArticleStatus } from '../articles/article.type.js';
import type { ArticleInput } from './article.input.js';

/** Rows of the given table among `ids`, to tell which referenced ids do not exist. */
export async function existingIds(tx: EntityManager, table: 'sections' | 'authors' | 'tags', ids: readonly string[]) {
  const rows: { id: string }[] = await tx.query(`SELECT id::text AS id FROM ${table} WHERE id = ANY($1::bigint[])`, [
    ids,
  ]);
  return new Set(rows.map((row) => row.id));
}

export interface NewArticle {
  edition: string;
  searchConfig: string;
  storyId: string | null;
  readingMinutes: number;
  input: ArticleInput;
}

export async function insertArticle(tx: EntityManager, article: NewArticle): Promise<string> {
  const { input } = article;
  const rows: { id: string }[] = await tx.query(
    `INSERT INTO articles (edition, search_config, story_id, slug, title, source, lead, body, section_id,
                           cover_url, cover_caption, reading_minutes)
     VALUES ($1, $2::regconfig, coalesce($3::uuid, gen_random_uuid()), $4, $5, $6, $7, $8::text[], $9::bigint,
             $10, $11, $12)
     RETURNING id::text AS id`,
    [
      article.edition,
      article.searchConfig,
      article.storyId,
      input.slug,
      input.title,
      input.source ?? null,
      input.lead,
      input.body,
      input.sectionId,
      input.coverUrl ?? null,
      input.coverCaption ?? null,
      article.readingMinutes,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('INSERT INTO articles returned no id');
  return id;
}

export async function updateArticleContent(tx: EntityManager, id: string, input: ArticleInput, minutes: number) {
  await tx.query(
    `UPDATE articles
        SET slug = $2, title = $3, source = $4, lead = $5, body = $6::text[], section_id = $7::bigint,
            cover_url = $8, cover_caption = $9, reading_minutes = $10, updated_at = now()
      WHERE id = $1::bigint`,
    [
      id,
      input.slug,
      input.title,
      input.source ?? null,
      input.lead,
      input.body,
      input.sectionId,
      input.coverUrl ?? null,
      input.coverCaption ?? null,
      minutes,
    ],
  );
}

/** Replaces the byline and the tags of an article. */
export async function setBylineAndTags(tx: EntityManager, id: string, authorIds: string[], tagIds: string[]) {
  await tx.query('DELETE FROM article_authors WHERE article_id = $1::bigint', [id]);
  await tx.query(
    `INSERT INTO article_authors (article_id, author_id, position)
     SELECT $1::bigint, author_id, ord - 1 FROM unnest($2::bigint[]) WITH ORDINALITY AS t(author_id, ord)`,
    [id, authorIds],
  );
  await tx.query('DELETE FROM article_tags WHERE article_id = $1::bigint', [id]);
  await tx.query('INSERT INTO article_tags (article_id, tag_id) SELECT $1::bigint, unnest($2::bigint[])', [id, tagIds]);
}

export async function setStatus(tx: EntityManager, id: string, status: ArticleStatus, publishedAt: Date | null) {
  await tx.query('UPDATE articles SET status = $2, published_at = $3, updated_at = now() WHERE id = $1::bigint', [
    id,
    status.toLowerCase(),
    publishedAt,
  ]);
}
