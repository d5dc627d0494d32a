import type { ClickHouse } from '@byline/clickhouse';

/**
 * Views (and a tenth as many shares) of articles 1…maxArticleId over the last
 * 30 days, generated inside ClickHouse; the materialised views fill the
 * rollups the article totals read.
 */
export async function fillReadership(client: ClickHouse['client'], views: number, maxArticleId: number) {
  const params = { views, shares: Math.ceil(views / 10), articles: maxArticleId };
  await client.command({
    query: `INSERT INTO views (event_id, time, article_id, visitor_id, country, device, channel)
            SELECT generateUUIDv4(), now64(3) - toIntervalSecond(number % 2592000), 1 + number % {articles:UInt64},
                   cityHash64(number % 50000), 'AZ', 'desktop', 'direct'
              FROM numbers({views:UInt64})`,
    query_params: params,
  });
  await client.command({
    query: `INSERT INTO shares (event_id, time, article_id, network, visitor_id, country)
            SELECT generateUUIDv4(), now64(3) - toIntervalSecond(number % 2592000), 1 + (number * 7) % {articles:UInt64},
                   ['facebook', 'x', 'telegram'][1 + number % 3], cityHash64(number % 50000), 'AZ'
              FROM numbers({shares:UInt64})`,
    query_params: params,
  });
}

/** What `fillReadership` wrote for article `id`, counted from the same formulas: the answers the graph must give. */
export function filledFor(id: number, views: number, maxArticleId: number): { views: number; shares: number } {
  let viewCount = 0;
  for (let n = id - 1; n < views; n += maxArticleId) viewCount += 1;
  let shareCount = 0;
  for (let n = 0; n < Math.ceil(views / 10); n += 1) if ((n * 7) % maxArticleId === id - 1) shareCount += 1;
  return { views: viewCount, shares: shareCount };
}
