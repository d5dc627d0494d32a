-- Raw events, one table per kind. Rows are denormalised at ingest (section,
-- edition and authors as they were then), so no query joins PostgreSQL.
-- Deduplication: every insert carries a deterministic insert_deduplication_token
-- (the spool segment it came from); a plain MergeTree only remembers those
-- tokens when non_replicated_deduplication_window is set.

CREATE TABLE IF NOT EXISTS views (
  event_id        UUID,
  time            DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
  article_id      UInt64,
  section_id      UInt32,
  edition         LowCardinality(String),
  author_ids      Array(UInt32),
  visitor_id      UInt64,
  country         LowCardinality(String),
  region          LowCardinality(String),
  device          LowCardinality(String),
  browser         LowCardinality(String),
  os              LowCardinality(String),
  referrer_host   LowCardinality(String),
  channel         LowCardinality(String),
  channel_source  LowCardinality(String),
  utm_source      LowCardinality(String),
  utm_medium      LowCardinality(String),
  utm_campaign    LowCardinality(String),
  path            String CODEC(ZSTD(3))
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (toDate(time), article_id, time)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS shares (
  event_id    UUID,
  time        DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
  article_id  UInt64,
  section_id  UInt32,
  edition     LowCardinality(String),
  author_ids  Array(UInt32),
  network     LowCardinality(String),
  visitor_id  UInt64,
  country     LowCardinality(String),
  region      LowCardinality(String)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (toDate(time), article_id, time)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS engagement (
  event_id         UUID,
  time             DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
  view_id          UUID,
  article_id       UInt64,
  section_id       UInt32,
  edition          LowCardinality(String),
  author_ids       Array(UInt32),
  visitor_id       UInt64,
  country          LowCardinality(String),
  region           LowCardinality(String),
  engaged_seconds  UInt32,
  scroll_depth     UInt8
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (toDate(time), article_id, view_id, time)
SETTINGS non_replicated_deduplication_window = 10000;
