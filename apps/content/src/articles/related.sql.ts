import type { DataSource } from 'typeorm';
import type { Article } from './article.type.js';
import { CARD_COLUMNS } from './articles.sql.js';

/**
 * Candidates are the newest 200 articles of each of the article's tags (ids
 * grow with time), so the cost stays flat however large a tag becomes.
 * Ranked by shared tags, then same section, then recency.
 */
export function relatedArticles(db: DataSource, article: Article, limit: number): Promise<Article[]> {
  return db.query(
    `WITH candidates AS (
       SELECT c.article_id, count(*) AS shared
         FROM article_tags mine
         CROSS JOIN LATERAL (
           SELECT other.article_id FROM article_tags other
            WHERE other.tag_id = mine.tag_id AND other.article_id <> mine.article_id
            ORDER BY other.article_id DESC
            LIMIT 200
         ) c
        WHERE mine.article_id = $1::bigint
        GROUP BY c.article_id
     )
     SELECT ${CARD_COLUMNS}
       FROM candidates c
       JOIN articles a ON a.id = c.article_id
      WHERE a.status = 'published' AND a.edition = $2
      ORDER BY c.shared DESC, (a.section_id = $3::bigint) DESC, a.listed_at DESC, a.id DESC
      LIMIT $4`,
    [article.id, article.edition, article.sectionId, limit],
  );
}
