import type { ClickHouseClient } from '@clickhouse/client';
import { idList, inWindow, selectRows } from '../../clickhouse/query.js';
import type { TimeRange } from '../range/range.js';
import type { PastAnswers } from '../shared/past-answers.js';
import { emptyFigures, type PeriodFigures } from './figures.js';
import { sectionFigures } from './section-figures.sql.js';

export type Subject = 'section' | 'author';

/** Which column of the answers (after its `c_` or `p_` prefix) holds each figure. */
const COLUMNS: [keyof PeriodFigures, string][] = [
  ['views', 'views'],
  ['uniqueReaders', 'readers'],
  ['articlesRead', 'articles'],
  ['shares', 'shares'],
  ['engagedViews', 'engaged_views'],
  ['engagedSeconds', 'engaged_seconds'],
];

type Params = Record<string, unknown>;
type Row = Record<string, string>;

/** The current-period test, spelled out in each aggregate (see `authorQueries`). */
const isCurrent = (time: string) => `${time} >= fromUnixTimestamp64Milli({mid:Int64}, 'UTC')`;

/**
 * Authors from raw rows (the byline is an array there; each author gets the
 * view), in three queries: views, shares, engagement. Engaged time is each
 * view's largest heartbeat, in the period of its first one.
 */
function authorQueries(): string[] {
  // The current-period test is spelled out in every -If aggregate: ClickHouse
  // mis-evaluates a WITH alias of it once the WHERE bounds the same column.
  const where = `author_id IN ${idList('ids')} AND ${inWindow('time')}`;
  const cur = isCurrent('time');
  return [
    `SELECT toString(author_id) AS id, countIf(${cur}) AS c_views, countIf(NOT (${cur})) AS p_views,
            uniqIf(visitor_id, ${cur}) AS c_readers, uniqIf(visitor_id, NOT (${cur})) AS p_readers,
            uniqExactIf(article_id, ${cur}) AS c_articles, uniqExactIf(article_id, NOT (${cur})) AS p_articles
       FROM views ARRAY JOIN author_ids AS author_id
      WHERE ${where}
      GROUP BY author_id`,
    `SELECT toString(author_id) AS id, countIf(${cur}) AS c_shares, countIf(NOT (${cur})) AS p_shares
       FROM shares ARRAY JOIN author_ids AS author_id
      WHERE ${where}
      GROUP BY author_id`,
    `SELECT toString(author_id) AS id, countIf(current) AS c_engaged_views, sumIf(seconds, current) AS c_engaged_seconds,
            countIf(NOT current) AS p_engaged_views, sumIf(seconds, NOT current) AS p_engaged_seconds
       FROM (
         SELECT author_id, view_id, ${isCurrent('min(time)')} AS current, max(engaged_seconds) AS seconds
           FROM engagement ARRAY JOIN author_ids AS author_id
          WHERE ${where}
          GROUP BY author_id, view_id
       )
      GROUP BY author_id`,
  ];
}

/**
 * Figures of one period and the period before it, for many sections or
 * authors, in a fixed number of queries whatever their number: both periods
 * are read in one pass, split by the current-period test. Sections read their
 * rollups (see `sectionFigures`), authors raw rows.
 */
export async function periodFigures(
  client: ClickHouseClient,
  subject: Subject,
  ids: readonly string[],
  current: TimeRange,
  previous: TimeRange,
  options: { now: Date; past: PastAnswers },
): Promise<Map<string, { current: PeriodFigures; previous: PeriodFigures }>> {
  if (subject === 'section') return sectionFigures(client, ids, current, previous, options);
  const params: Params = {
    ids: ids,
    from: previous.from.getTime(),
    mid: current.from.getTime(),
    to: current.to.getTime(),
  };
  const answers = await Promise.all(authorQueries().map((query) => selectRows<Row>(client, query, params)));

  const result = new Map<string, { current: PeriodFigures; previous: PeriodFigures }>();
  const entry = (id: string) => {
    let figures = result.get(id);
    if (!figures) {
      figures = emptyFigures();
      result.set(id, figures);
    }
    return figures;
  };
  const figures = (row: Row, prefix: 'c' | 'p'): Partial<PeriodFigures> => {
    const found: Partial<PeriodFigures> = {};
    for (const [field, column] of COLUMNS) {
      const value = row[`${prefix}_${column}`];
      if (value !== undefined) found[field] = Number(value);
    }
    return found;
  };
  for (const row of answers.flat()) {
    const { current, previous } = entry(String(row.id));
    Object.assign(current, figures(row, 'c'));
    Object.assign(previous, figures(row, 'p'));
  }
  return result;
}
