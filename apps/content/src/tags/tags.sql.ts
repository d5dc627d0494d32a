import type { DataSource } from 'typeorm';
import type { Tag } from './tag.type.js';

const COLUMNS = 't.id::text AS id, t.slug, t.name';

export function tagsByIds(db: DataSource, ids: readonly string[]): Promise<Tag[]> {
  return db.query(`SELECT ${COLUMNS} FROM tags t WHERE t.id = ANY($1::bigint[])`, [ids]);
}

export function listTags(db: DataSource, limit: number): Promise<Tag[]> {
  return db.query(`SELECT ${COLUMNS} FROM tags t ORDER BY t.name, t.id LIMIT $1`, [limit]);
}

export async function tagBySlug(db: DataSource, slug: string): Promise<Tag | null> {
  const rows: Tag[] = await db.query(`SELECT ${COLUMNS} FROM tags t WHERE t.slug = $1`, [slug]);
  return rows[0] ?? null;
}

export function tagsOfArticles(
  db: DataSource,
  articleIds: readonly string[],
): Promise<(Tag & { articleId: string })[]> {
  return db.query(
    `SELECT at.article_id::text AS "articleId", ${COLUMNS}
       FROM article_tags at
       JOIN tags t ON t.id = at.tag_id
      WHERE at.article_id = ANY($1::bigint[])
      ORDER BY at.article_id, t.name`,
    [articleIds],
  );
}
