-- Rollups sized to what the dashboard asks (see bench/results/readership.md).
-- The hourly rollup over every dimension was as large as the raw table and
-- slower to read, so it goes: arbitrary groupings read raw rows. Sections get
-- small rollups by UTC day and by hour (the hours only serve the edges of a
-- range that does not fall on UTC midnights). The minute rollup now only
-- serves the last two days (the live page).
--
-- Unique readers: visitor ids change every UTC day, so the readers of a range
-- are the sum over its UTC days of each day's distinct ids; a day's readers
-- are a small uniqCombined(12) sketch, articles read an exact bitmap.
-- Small granules, time first: a query deserialises only the sketches of the
-- hours it reads (with 8,192-row granules it read every sketch of the table).
-- Engaged time: heartbeats now carry the total their previous heartbeat sent,
-- so a heartbeat's increment adds up per bucket without reading other rows.

ALTER TABLE engagement ADD COLUMN IF NOT EXISTS previous_seconds UInt32 AFTER engaged_seconds;

DROP VIEW IF EXISTS views_by_hour_mv;
DROP TABLE IF EXISTS views_by_hour;

CREATE TABLE IF NOT EXISTS section_days (
  day              Date,
  section_id       UInt32,
  edition          LowCardinality(String),
  views            SimpleAggregateFunction(sum, UInt64),
  readers          AggregateFunction(uniqCombined(12), UInt64),
  articles         AggregateFunction(groupBitmap, UInt64),
  shares           SimpleAggregateFunction(sum, UInt64),
  engaged_views    SimpleAggregateFunction(sum, UInt64),
  engaged_seconds  SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (day, section_id, edition)
SETTINGS index_granularity = 256, non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS section_hours (
  hour             DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
  section_id       UInt32,
  edition          LowCardinality(String),
  views            SimpleAggregateFunction(sum, UInt64),
  readers          AggregateFunction(uniqCombined(12), UInt64),
  articles         AggregateFunction(groupBitmap, UInt64),
  shares           SimpleAggregateFunction(sum, UInt64),
  engaged_views    SimpleAggregateFunction(sum, UInt64),
  engaged_seconds  SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, section_id, edition)
SETTINGS index_granularity = 256, non_replicated_deduplication_window = 10000;

-- Filled from now on by these views: one per raw table into the hours, and
-- the days from the hours ...
CREATE MATERIALIZED VIEW IF NOT EXISTS section_days_mv TO section_days AS
SELECT toDate(hour) AS day, section_id, edition, sum(views) AS views,
       uniqCombinedMergeState(12)(readers) AS readers, groupBitmapMergeState(articles) AS articles,
       sum(shares) AS shares, sum(engaged_views) AS engaged_views, sum(engaged_seconds) AS engaged_seconds
FROM section_hours
GROUP BY day, section_id, edition;

CREATE MATERIALIZED VIEW IF NOT EXISTS section_hours_views_mv TO section_hours AS
SELECT toStartOfHour(time) AS hour, section_id, edition, count() AS views,
       uniqCombinedState(12)(visitor_id) AS readers, groupBitmapState(article_id) AS articles
FROM views
GROUP BY hour, section_id, edition;

CREATE MATERIALIZED VIEW IF NOT EXISTS section_hours_shares_mv TO section_hours AS
SELECT toStartOfHour(time) AS hour, section_id, edition, count() AS shares
FROM shares
GROUP BY hour, section_id, edition;

CREATE MATERIALIZED VIEW IF NOT EXISTS section_hours_engagement_mv TO section_hours AS
SELECT toStartOfHour(time) AS hour, section_id, edition, countIf(previous_seconds = 0) AS engaged_views,
       sum(engaged_seconds - previous_seconds) AS engaged_seconds
FROM engagement
GROUP BY hour, section_id, edition;

-- ... and filled once from the rows already stored, through the hours (migrations
-- run before the collector starts, so nothing arrives meanwhile; emptied first
-- so a re-run counts once). Heartbeats stored before previous_seconds existed get it from
-- the heartbeat before them in their view (by running total: one sent later may arrive first).
TRUNCATE TABLE section_days;
TRUNCATE TABLE section_hours;

INSERT INTO section_hours (hour, section_id, edition, views, readers, articles)
SELECT toStartOfHour(time) AS hour, section_id, edition, count(), uniqCombinedState(12)(visitor_id),
       groupBitmapState(article_id)
FROM views
GROUP BY hour, section_id, edition;

INSERT INTO section_hours (hour, section_id, edition, shares)
SELECT toStartOfHour(time) AS hour, section_id, edition, count()
FROM shares
GROUP BY hour, section_id, edition;

INSERT INTO section_hours (hour, section_id, edition, engaged_views, engaged_seconds)
SELECT toStartOfHour(time) AS hour, section_id, edition, countIf(previous = 0), sum(engaged_seconds - previous)
FROM (
  SELECT time, section_id, edition, engaged_seconds,
         lagInFrame(engaged_seconds, 1, 0) OVER (
           PARTITION BY view_id ORDER BY engaged_seconds, time ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
         ) AS previous
  FROM engagement
)
GROUP BY hour, section_id, edition;
