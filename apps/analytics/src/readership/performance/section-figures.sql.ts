import type { ClickHouseClient } from '@clickhouse/client';
import { idList, selectRows } from '../../clickhouse/query.js';
import { type Span, splitByUtcDays } from '../range/day-split.js';
import type { TimeRange } from '../range/range.js';
import type { PastAnswers } from '../shared/past-answers.js';
import { sectionRows } from '../shared/section-rows.js';
import type { PeriodFigures } from './figures.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const SUMS = ['views', 'readers', 'shares', 'engaged_views', 'engaged_seconds'] as const;

type Row = { id: string; c_articles: string[]; p_articles: string[] } & Record<string, unknown>;
type Totals = Record<(typeof SUMS)[number], number> & { articles: Set<string> };

/**
 * Both periods of every asked section over `rows`, split by the current-period
 * test. No UTC day straddles the two periods, so readers are counted per day
 * and added (visitor ids change daily); articles come back as ids so parts of
 * a range can be joined exactly.
 */
function figuresSql(rows: string): string {
  const both = (column: string) => `sumIf(${column}, cur) AS c_${column}, sumIf(${column}, NOT cur) AS p_${column}`;
  const articles = (test: string) =>
    `arrayMap(x -> toString(x), bitmapToArray(groupBitmapMergeStateIf(articles, ${test})))`;
  return `
    SELECT toString(section_id) AS id, ${SUMS.map(both).join(', ')},
           ${articles('cur')} AS c_articles, ${articles('NOT cur')} AS p_articles
      FROM (
        SELECT section_id, t >= fromUnixTimestamp64Milli({mid:Int64}, 'UTC') AS cur, toDate(t) AS day,
               sum(views) AS views, uniqCombinedMerge(12)(readers) AS readers, groupBitmapMergeState(articles) AS articles,
               sum(shares) AS shares, sum(engaged_views) AS engaged_views, sum(engaged_seconds) AS engaged_seconds
          FROM ${rows}
         WHERE section_id IN ${idList('ids')}
         GROUP BY section_id, cur, day
      )
     GROUP BY section_id`;
}

/**
 * Sections' figures from their rollups: whole UTC days from section_days, the
 * edges from section_hours. Days before today are read through `past` (they
 * rarely change), today fresh; the two answers add up. The previous period
 * starts on the hour, the rollups' grain: up to an hour longer than asked.
 */
export async function sectionFigures(
  client: ClickHouseClient,
  ids: readonly string[],
  current: TimeRange,
  previous: TimeRange,
  options: { now: Date; past: PastAnswers },
): Promise<Map<string, { current: PeriodFigures; previous: PeriodFigures }>> {
  const from = Math.floor(previous.from.getTime() / HOUR_MS) * HOUR_MS;
  const today = Math.floor(options.now.getTime() / DAY_MS) * DAY_MS;
  const to = current.to.getTime();
  const read = (span: Span) => {
    const params = { ids, mid: current.from.getTime() };
    const query = figuresSql(sectionRows(splitByUtcDays(span, [current.from]), params));
    return selectRows<Row>(client, query, params);
  };
  const parts: Promise<Row[]>[] = [];
  if (from < Math.min(to, today)) {
    const span = { from: new Date(from), to: new Date(Math.min(to, today)) };
    parts.push(options.past.get(`sections:${JSON.stringify([span, current.from, ids])}`, () => read(span)));
  }
  if (to > today) parts.push(read({ from: new Date(Math.max(from, today)), to: current.to }));

  const totals = new Map<string, { current: Totals; previous: Totals }>();
  const empty = (): Totals => ({ ...Object.fromEntries(SUMS.map((sum) => [sum, 0])), articles: new Set() }) as Totals;
  for (const row of (await Promise.all(parts)).flat()) {
    const entry = totals.get(row.id) ?? { current: empty(), previous: empty() };
    totals.set(row.id, entry);
    for (const [prefix, period] of [
      ['c', entry.current],
      ['p', entry.previous],
    ] as const) {
      for (const sum of SUMS) period[sum] += Number(row[`${prefix}_${sum}`] ?? 0);
      for (const article of row[`${prefix}_articles`]) period.articles.add(article);
    }
  }
  const figures = (period: Totals): PeriodFigures => ({
    views: period.views,
    uniqueReaders: period.readers,
    articlesRead: period.articles.size,
    shares: period.shares,
    engagedViews: period.engaged_views,
    engagedSeconds: period.engaged_seconds,
  });
  return new Map(
    [...totals].map(([id, { current, previous }]) => [id, { current: figures(current), previous: figures(previous) }]),
  );
}
