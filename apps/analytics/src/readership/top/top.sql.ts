import { idList, inWindow, windowParams } from '../../clickhouse/query.js';
import type { TimeRange } from '../range/range.js';
import { DIMENSION_COLUMNS, Dimension, type Filters } from '../shared/dimensions.js';

/** Articles with the most shares, with their views over the same range; rollups only. */
export function topSharedSql(range: TimeRange, filters: Filters, limit: number) {
  const params: Record<string, unknown> = { ...windowParams(range), limit };
  const where = ['1'];
  for (const dimension of [Dimension.SECTION, Dimension.ARTICLE, Dimension.EDITION, Dimension.COUNTRY] as const) {
    const values = filters[dimension];
    if (!values) continue;
    params[`f${dimension}`] = values;
    const ids = dimension === Dimension.SECTION || dimension === Dimension.ARTICLE;
    where.push(
      `${DIMENSION_COLUMNS[dimension].column} IN ${ids ? idList(`f${dimension}`) : `{f${dimension}:Array(String)}`}`,
    );
  }
  const sql = `
    WITH top AS (
      SELECT article_id, sum(shares) AS shares FROM shares_by_minute
       WHERE ${inWindow('minute')} AND ${where.join(' AND ')}
       GROUP BY article_id ORDER BY shares DESC, article_id LIMIT {limit:UInt32}
    )
    SELECT toString(top.article_id) AS id, top.shares AS shares,
           ifNull(v.views, 0) AS views, ifNull(v.readers, 0) AS readers
      FROM top
      LEFT JOIN (
        SELECT article_id, sum(views) AS views, uniqMerge(visitors) AS readers FROM views_by_minute
         WHERE ${inWindow('minute')} AND article_id IN (SELECT article_id FROM top)
         GROUP BY article_id
      ) AS v ON v.article_id = top.article_id
     ORDER BY shares DESC, top.article_id`;
  return { sql, params };
}
