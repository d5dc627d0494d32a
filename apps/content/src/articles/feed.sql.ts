import type { DataSource } from 'typeorm';
import { SqlParams } from '../common/sql-params.js';
import type { Article, ArticleStatus } from './article.type.js';
import { CARD_COLUMNS } from './articles.sql.js';

export interface FeedQuery {
  statuses: ArticleStatus[];
  edition?: string;
  sectionId?: string;
  authorId?: string;
  tagId?: string;
  publishedAfter?: Date;
  publishedBefore?: Date;
  newestFirst: boolean;
  /** Keyset position: rows strictly after this (listed_at, id). */
  after?: { listedAt: string; id: string };
}

function where(query: FeedQuery, params: SqlParams): string {
  const statuses = query.statuses.map((status) => status.toLowerCase());
  const conditions = [
    statuses.length === 1 ? `a.status = ${params.add(statuses[0])}` : `a.status = ANY(${params.add(statuses)}::text[])`,
  ];
  if (query.edition) conditions.push(`a.edition = ${params.add(query.edition)}`);
  if (query.sectionId) conditions.push(`a.section_id = ${params.add(query.sectionId)}::bigint`);
  if (query.authorId) {
    conditions.push(
      `a.id IN (SELECT article_id FROM article_authors WHERE author_id = ${params.add(query.authorId)}::bigint)`,
    );
  }
  if (query.tagId) {
    conditions.push(`a.id IN (SELECT article_id FROM article_tags WHERE tag_id = ${params.add(query.tagId)}::bigint)`);
  }
  // listed_at equals published_at for published rows, and is what the feed indexes hold.
  if (query.publishedAfter) {
    conditions.push(`a.published_at IS NOT NULL AND a.listed_at >= ${params.add(query.publishedAfter)}`);
  }
  if (query.publishedBefore) {
    conditions.push(`a.published_at IS NOT NULL AND a.listed_at < ${params.add(query.publishedBefore)}`);
  }
  return conditions.join('\n    AND ');
}

/** One page of the feed, plus one row to tell whether another page follows. */
export function feedPage(db: DataSource, query: FeedQuery, limit: number): Promise<Article[]> {
  const params = new SqlParams();
  const conditions = [where(query, params)];
  if (query.after) {
    const position = `(${params.add(query.after.listedAt)}::timestamptz, ${params.add(query.after.id)}::bigint)`;
    conditions.push(`(a.listed_at, a.id) ${query.newestFirst ? '<' : '>'} ${position}`);
  }
  const direction = query.newestFirst ? 'DESC' : 'ASC';
  return db.query(
    `SELECT ${CARD_COLUMNS}
       FROM articles a
      WHERE ${conditions.join(' AND ')}
      ORDER BY a.listed_at ${direction}, a.id ${direction}
      LIMIT ${params.add(limit + 1)}`,
    params.values,
  );
}

export async function feedCount(db: DataSource, query: FeedQuery): Promise<number> {
  const params = new SqlParams();
  const rows: { count: string }[] = await db.query(
    `SELECT count(*) AS count FROM articles a WHERE ${where(query, params)}`,
    params.values,
  );
  return Number(rows[0]?.count ?? 0);
}
