-- Article-first lifetime totals: an article's views, and its shares per network,
-- in one row once merged, so a feed's counters (no range: all time) read one row
-- per article by key instead of every hourly or minute bucket it ever had.
-- Counts only, no unique-visitor state: those stay in article_views_by_hour.
-- Small granules: the table is only ever read a few keys at a time.

CREATE TABLE IF NOT EXISTS article_totals (
  article_id  UInt64,
  views       SimpleAggregateFunction(sum, UInt64),
  shares      SimpleAggregateFunction(sumMap, Map(String, UInt64))
)
ENGINE = AggregatingMergeTree
ORDER BY article_id
SETTINGS index_granularity = 256, non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS article_totals_views_mv TO article_totals AS
SELECT article_id, count() AS views
FROM views
GROUP BY article_id;

CREATE MATERIALIZED VIEW IF NOT EXISTS article_totals_shares_mv TO article_totals AS
SELECT article_id, sumMap(map(network, 1)) AS shares
FROM shares
GROUP BY article_id;

-- Filled once from the rows already stored (migrations run before the
-- collector starts, so nothing arrives meanwhile; emptied first so a re-run
-- counts once).
TRUNCATE TABLE article_totals;

INSERT INTO article_totals (article_id, views, shares)
SELECT article_id, sum(views), sumMap(shares)
  FROM (
    SELECT article_id, count() AS views, map() AS shares FROM views GROUP BY article_id
    UNION ALL
    SELECT article_id, 0 AS views, sumMap(map(network, 1)) AS shares FROM shares GROUP BY article_id
  )
 GROUP BY article_id;
