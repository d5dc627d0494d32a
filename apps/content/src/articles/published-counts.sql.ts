import type { DataSource } from 'typeorm';
import type { PublishedWindow } from '../common/published-window-bounds.js';

/**
 * Articles published in a window, for many sections or authors in one query
 * (archived ones count: they were published in the window too).
 */
export async function publishedCounts(
  db: DataSource,
  by: 'section' | 'author',
  ids: readonly string[],
  window: PublishedWindow,
): Promise<Map<string, number>> {
  const [key, join] =
    by === 'section' ? ['a.section_id', ''] : ['aa.author_id', 'JOIN article_authors aa ON aa.article_id = a.id'];
  const rows: { id: string; count: string }[] = await db.query(
    `SELECT ${key}::text AS id, count(*) AS count
       FROM articles a ${join}
      WHERE ${key} = ANY($1::bigint[])
        AND a.status IN ('published', 'archived')
        AND a.published_at IS NOT NULL AND a.listed_at >= $2 AND a.listed_at < $3
        AND ($4::text IS NULL OR a.edition = $4)
      GROUP BY ${key}`,
    [ids, window.from, window.to, window.edition],
  );
  return new Map(rows.map((row) => [row.id, Number(row.count)]));
}
