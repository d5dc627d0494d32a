-- Rollups filled by materialised views as events arrive. Views keep a count
-- and a mergeable unique-visitor state per bucket; queries merge them with
-- uniqMerge, so any grouping of the dimensions below is answered exactly as
-- the raw table would. The rollups keep insert tokens too: a retried insert is
-- dropped by the raw table and by every view it feeds.

CREATE TABLE IF NOT EXISTS views_by_minute (
  minute          DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
  section_id      UInt32,
  article_id      UInt64,
  edition         LowCardinality(String),
  country         LowCardinality(String),
  region          LowCardinality(String),
  channel         LowCardinality(String),
  channel_source  LowCardinality(String),
  device          LowCardinality(String),
  views           SimpleAggregateFunction(sum, UInt64),
  visitors        AggregateFunction(uniq, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, section_id, article_id, edition, country, region, channel, channel_source, device)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS views_by_minute_mv TO views_by_minute AS
SELECT toStartOfMinute(time) AS minute, section_id, article_id, edition, country, region, channel, channel_source,
       device, count() AS views, uniqState(visitor_id) AS visitors
FROM views
GROUP BY minute, section_id, article_id, edition, country, region, channel, channel_source, device;

CREATE TABLE IF NOT EXISTS views_by_hour (
  hour            DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
  section_id      UInt32,
  article_id      UInt64,
  edition         LowCardinality(String),
  country         LowCardinality(String),
  region          LowCardinality(String),
  channel         LowCardinality(String),
  channel_source  LowCardinality(String),
  device          LowCardinality(String),
  views           SimpleAggregateFunction(sum, UInt64),
  visitors        AggregateFunction(uniq, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, section_id, article_id, edition, country, region, channel, channel_source, device)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS views_by_hour_mv TO views_by_hour AS
SELECT toStartOfHour(time) AS hour, section_id, article_id, edition, country, region, channel, channel_source,
       device, count() AS views, uniqState(visitor_id) AS visitors
FROM views
GROUP BY hour, section_id, article_id, edition, country, region, channel, channel_source, device;

CREATE TABLE IF NOT EXISTS shares_by_minute (
  minute      DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
  section_id  UInt32,
  article_id  UInt64,
  edition     LowCardinality(String),
  network     LowCardinality(String),
  country     LowCardinality(String),
  shares      SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, section_id, article_id, edition, network, country)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS shares_by_minute_mv TO shares_by_minute AS
SELECT toStartOfMinute(time) AS minute, section_id, article_id, edition, network, country, count() AS shares
FROM shares
GROUP BY minute, section_id, article_id, edition, network, country;

-- Article-first rollup: an article's counter and timeline read a few rows
-- instead of scanning every bucket of the time-first rollups.
CREATE TABLE IF NOT EXISTS article_views_by_hour (
  article_id  UInt64,
  hour        DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
  views       SimpleAggregateFunction(sum, UInt64),
  visitors    AggregateFunction(uniq, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (article_id, hour)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS article_views_by_hour_mv TO article_views_by_hour AS
SELECT article_id, toStartOfHour(time) AS hour, count() AS views, uniqState(visitor_id) AS visitors
FROM views
GROUP BY article_id, hour;
