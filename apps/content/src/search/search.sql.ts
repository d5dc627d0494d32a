import type { DataSource } from 'typeorm';
import type { Article } from '../articles/article.type.js';
import { CARD_COLUMNS } from '../articles/articles.sql.js';

/** Private-use characters mark matches; they are turned into <mark> after HTML escaping. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

export interface SearchQuery {
  text: string;
  edition: string;
  /** PostgreSQL text-search configuration of the edition (`english`, `russian`, `simple`). */
  searchConfig: string;
}

export type SearchRow = Article & { rank: number; snippet: string };

/**
 * Ranked full-text search in one edition. Headlines are costly, so they are
 * made only for the page of results, not for every match.
 */
export function searchPage(db: DataSource, query: SearchQuery, offset: number, limit: number): Promise<SearchRow[]> {
  return db.query(
    `WITH q AS (SELECT websearch_to_tsquery($1::regconfig, $2) AS tsq),
     hits AS (
       SELECT a.id, ts_rank_cd(a.search, q.tsq, 1) AS rank
         FROM articles a, q
        WHERE a.edition = $3 AND a.status = 'published' AND a.search @@ q.tsq
        ORDER BY rank DESC, a.listed_at DESC, a.id DESC
        OFFSET $4 LIMIT $5
     )
     SELECT ${CARD_COLUMNS}, hits.rank AS rank,
            ts_headline($1::regconfig, a.lead || E'\\n' || byline_paragraphs(a.body), q.tsq, $6) AS snippet
       FROM hits JOIN articles a ON a.id = hits.id, q
      ORDER BY hits.rank DESC, a.listed_at DESC, a.id DESC`,
    [query.searchConfig, query.text, query.edition, offset, limit, HEADLINE_OPTIONS],
  );
}

export async function searchCount(db: DataSource, query: SearchQuery): Promise<number> {
  const rows: { count: string }[] = await db.query(
    `SELECT count(*) AS count FROM articles a
      WHERE a.edition = $3 AND a.status = 'published' AND a.search @@ websearch_to_tsquery($1::regconfig, $2)`,
    [query.searchConfig, query.text, query.edition],
  );
  return Number(rows[0]?.count ?? 0);
}
