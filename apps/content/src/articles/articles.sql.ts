import type { DataSource, EntityManager } from 'typeorm';
import type { Article } from './article.type.js';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/**
 * Every column but the body, which is most of a row: lists (feeds, search,
 * related) read these, and `Article.body` loads the body when a list asks for it.
 */
export const CARD_COLUMNS = `
  a.id::text AS id, a.slug, a.edition, upper(a.status) AS status, a.title, a.source, a.lead,
  a.section_id::text AS "sectionId", a.story_id::text AS "storyId",
  a.reading_minutes AS "readingMinutes", a.published_at AS "publishedAt", a.updated_at AS "updatedAt",
  CASE WHEN a.cover_url IS NULL THEN NULL
       ELSE json_build_object('url', a.cover_url, 'caption', a.cover_caption) END AS "coverImage",
  to_char(a.listed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "listedAt"`;

const ARTICLE_COLUMNS = `${CARD_COLUMNS}, a.body`;

export function bodiesByIds(db: Queryable, ids: readonly string[]): Promise<{ id: string; body: string[] }[]> {
  return db.query('SELECT a.id::text AS id, a.body FROM articles a WHERE a.id = ANY($1::bigint[])', [ids]);
}

export function articlesByIds(db: Queryable, ids: readonly string[]): Promise<Article[]> {
  return db.query(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ANY($1::bigint[])`, [ids]);
}

export async function articleBySlug(db: Queryable, edition: string, slug: string): Promise<Article | null> {
  const rows: Article[] = await db.query(
    `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.edition = $1 AND a.slug = $2`,
    [edition, slug],
  );
  return rows[0] ?? null;
}

/** Every edition of the given stories (translations are the other members). */
export function articlesOfStories(db: Queryable, storyIds: readonly string[]): Promise<Article[]> {
  return db.query(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.story_id = ANY($1::uuid[]) ORDER BY a.edition`, [
    storyIds,
  ]);
}
