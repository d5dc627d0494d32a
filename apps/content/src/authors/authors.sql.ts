import type { DataSource } from 'typeorm';
import type { Author } from './author.type.js';

const COLUMNS = 'a.id::text AS id, a.slug, a.name, a.bio';

export function authorsByIds(db: DataSource, ids: readonly string[]): Promise<Author[]> {
  return db.query(`SELECT ${COLUMNS} FROM authors a WHERE a.id = ANY($1::bigint[])`, [ids]);
}

export function listAuthors(db: DataSource, limit: number): Promise<Author[]> {
  return db.query(`SELECT ${COLUMNS} FROM authors a ORDER BY a.name, a.id LIMIT $1`, [limit]);
}

export async function authorBySlug(db: DataSource, slug: string): Promise<Author | null> {
  const rows: Author[] = await db.query(`SELECT ${COLUMNS} FROM authors a WHERE a.slug = $1`, [slug]);
  return rows[0] ?? null;
}

/** The bylines of many articles at once, in byline order. */
export function authorsOfArticles(
  db: DataSource,
  articleIds: readonly string[],
): Promise<(Author & { articleId: string })[]> {
  return db.query(
    `SELECT aa.article_id::text AS "articleId", ${COLUMNS}
       FROM article_authors aa
       JOIN authors a ON a.id = aa.author_id
      WHERE aa.article_id = ANY($1::bigint[])
      ORDER BY aa.article_id, aa.position`,
    [articleIds],
  );
}
