import type { ClickHouseClient } from '@clickhouse/client';
import { idList, selectRows } from '../../clickhouse/query.js';
import type { NetworkCount } from './types.js';

export interface ArticleTotals {
  views: number;
  /** Most used first. */
  shares: NetworkCount[];
}

export const NO_TOTALS: ArticleTotals = { views: 0, shares: [] };

/**
 * Lifetime views and shares per network of many articles, from the
 * article-first totals (migration 004): a few rows per article, found by key.
 */
export async function articleTotals(
  client: ClickHouseClient,
  ids: readonly string[],
): Promise<Map<string, ArticleTotals>> {
  const rows = await selectRows<{ id: string; views: string; shares: Record<string, string> }>(
    client,
    `SELECT toString(article_id) AS id, sum(views) AS views, sumMap(shares) AS shares
       FROM article_totals
      WHERE article_id IN ${idList('ids')}
      GROUP BY article_id`,
    { ids },
  );
  return new Map(rows.map((row) => [row.id, { views: Number(row.views), shares: byNetwork(row.shares) }]));
}

/** In the order shares are listed everywhere: most used first, then by network name. */
function byNetwork(shares: Record<string, string>): NetworkCount[] {
  return Object.entries(shares)
    .map(([network, count]) => ({ network, count: Number(count) }))
    .sort((a, b) => b.count - a.count || (a.network < b.network ? -1 : 1));
}
