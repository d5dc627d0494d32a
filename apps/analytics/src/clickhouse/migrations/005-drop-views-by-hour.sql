-- views_by_hour (every dimension by hour) is read by nothing since the section-first
-- and article-first rollups took over: it is almost as large as the raw table and
-- every insert into views paid for it. Dropped, view first so no insert feeds it.

DROP VIEW IF EXISTS views_by_hour_mv;

DROP TABLE IF EXISTS views_by_hour;
