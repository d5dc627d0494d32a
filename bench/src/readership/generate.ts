import type { ClickHouse } from '@byline/clickhouse';
import type { ContentService } from '@byline/content';
import { AGENTS, ARRIVALS, COUNTRIES, cumulative, HOURS, NETWORKS } from './distributions.js';

export interface CatalogueArticle {
  id: string;
  sectionId: number;
  edition: string;
  authorIds: number[];
}

/** Published articles of the content database, in a random but fixed popularity order. */
export async function loadCatalogue(db: ContentService['db']): Promise<CatalogueArticle[]> {
  const rows: { id: string; section_id: number; edition: string; author_ids: number[] }[] = await db.query(
    `SELECT a.id::text AS id, a.section_id, a.edition,
            coalesce(array_agg(aa.author_id ORDER BY aa.position) FILTER (WHERE aa.author_id IS NOT NULL), '{}') AS author_ids
       FROM articles a LEFT JOIN article_authors aa ON aa.article_id = a.id
      WHERE a.status = 'published'
      GROUP BY a.id ORDER BY md5(a.id::text)`,
  );
  return rows.map((row) => ({
    id: row.id,
    sectionId: row.section_id,
    edition: row.edition,
    authorIds: row.author_ids.map(Number),
  }));
}

export interface GenerateOptions {
  catalogue: CatalogueArticle[];
  /** Events end just before this instant. */
  endAt: Date;
  days: number;
  /** The newsroom's UTC offset in hours (Asia/Baku: 4, no daylight saving). */
  utcOffsetHours: number;
  /** Views a day, to size the daily reader pool. */
  viewsPerDay: number;
}

/** Zipf exponent of article popularity (as the demo's): a few hits and a long tail. */
const ZIPF = 0.85;
const ENGAGED = 0.4;
const SHARED = 0.02;
/** Rows one view brings on average: itself, ~0.79 heartbeats, 0.02 shares (see the SQL below). */
export const ROWS_PER_VIEW = 1.81;

/**
 * The facts of view number `number`, as WITH aliases: uniform draws are
 * hashes of the number, so the view, its heartbeats and its share agree.
 */
const VIEW = `
  (cityHash64(number, 1) % 1000000) / 1e6 AS u_article,
  (cityHash64(number, 2) % 1000000) / 1e6 AS u_day,
  (cityHash64(number, 3) % 1000000) / 1e6 AS u_hour,
  (cityHash64(number, 4) % 3600000) AS ms_in_hour,
  (cityHash64(number, 5) % 1000000) / 1e6 AS u_person,
  (cityHash64(number, 6) % 1000000) / 1e6 AS u_arrival,
  arrayMap(x -> toUInt64(x), {article_ids:Array(String)}) AS ids,
  length(ids) AS articles,
  least(articles, toUInt32(pow(1 + u_article * (pow(articles, 1 - ${ZIPF}) - 1), 1 / (1 - ${ZIPF})))) AS a,
  toUInt32(u_day * {days:UInt32}) AS day,
  arrayFirstIndex(c -> c >= u_hour, {hours:Array(Float64)}) - 1 AS hour,
  {midnight:Int64} - day * 86400000 + hour * 3600000 + ms_in_hour AS at_ms,
  if(at_ms >= {end:Int64}, at_ms - 86400000, at_ms) AS view_ms,
  toUInt64(pow(u_person, 2) * {pool:UInt64}) AS person,
  (cityHash64(person, 7) % 1000000) / 1e6 AS u_country,
  arrayFirstIndex(c -> c >= u_country, {country_weights:Array(Float64)}) AS ci,
  arrayFirstIndex(c -> c >= (cityHash64(person, 8) % 1000000) / 1e6, {region_weights:Array(Array(Float64))}[ci]) AS ri,
  arrayFirstIndex(c -> c >= (cityHash64(person, 9) % 1000000) / 1e6, {agent_weights:Array(Float64)}) AS gi,
  arrayFirstIndex(c -> c >= u_arrival, {arrival_weights:Array(Float64)}) AS ai,
  ids[a] AS article_id,
  {section_ids:Array(UInt32)}[a] AS section_id,
  {editions:Array(String)}[a] AS edition,
  {author_ids:Array(Array(UInt32))}[a] AS author_ids,
  {countries:Array(String)}[ci] AS country,
  {regions:Array(Array(String))}[ci][ri] AS region,
  reinterpretAsUUID(concat(reinterpretAsFixedString(cityHash64(number, 11)), reinterpretAsFixedString(cityHash64(number, 12)))) AS view_id`;

const VISITOR = (ms: string) => `cityHash64(person, intDiv(${ms}, 86400000))`;
const TIME = (ms: string) => `fromUnixTimestamp64Milli(toInt64(${ms}), 'UTC')`;

const VIEWS = `
  INSERT INTO views
  WITH ${VIEW}
  SELECT view_id AS event_id, ${TIME('view_ms')} AS time, article_id, section_id, edition, author_ids,
         ${VISITOR('view_ms')} AS visitor_id, country, region,
         {devices:Array(String)}[gi] AS device, {browsers:Array(String)}[gi] AS browser, {oses:Array(String)}[gi] AS os,
         {referrer_hosts:Array(String)}[ai] AS referrer_host, {channels:Array(String)}[ai] AS channel,
         {sources:Array(String)}[ai] AS channel_source,
         if(channel IN ('email', 'campaign'), channel_source, '') AS utm_source,
         if(channel IN ('email', 'campaign'), channel, '') AS utm_medium,
         if(channel IN ('email', 'campaign'), 'autumn', '') AS utm_campaign,
         concat('/', edition, '/', toString(article_id)) AS path
    FROM numbers({start:UInt64}, {count:UInt64})`;

const SHARES = `
  INSERT INTO shares
  WITH ${VIEW},
       view_ms + 5000 + cityHash64(number, 13) % 600000 AS share_ms
  SELECT reinterpretAsUUID(concat(reinterpretAsFixedString(cityHash64(number, 14)), reinterpretAsFixedString(cityHash64(number, 15)))) AS event_id,
         ${TIME('share_ms')} AS time, article_id, section_id, edition, author_ids,
         {networks:Array(String)}[arrayFirstIndex(c -> c >= (cityHash64(number, 16) % 1000000) / 1e6, {network_weights:Array(Float64)})] AS network,
         ${VISITOR('share_ms')} AS visitor_id, country, region
    FROM numbers({start:UInt64}, {count:UInt64})
   WHERE (cityHash64(number, 17) % 1000000) / 1e6 < ${SHARED} AND share_ms < {end:Int64}`;

// Heartbeats are cumulative: 1 under 30 engaged seconds, else 2 or 3.
const ENGAGEMENT = `
  INSERT INTO engagement
  WITH ${VIEW},
       5 + toUInt32(595 * pow((cityHash64(number, 18) % 1000000) / 1e6, 3)) AS seconds,
       if(seconds < 30, 1, 2 + cityHash64(number, 19) % 2) AS beats
  SELECT reinterpretAsUUID(concat(reinterpretAsFixedString(cityHash64(number, 20 + beat)), reinterpretAsFixedString(cityHash64(number, 30 + beat)))) AS event_id,
         ${TIME('beat_ms')} AS time, view_id, article_id, section_id, edition, author_ids,
         ${VISITOR('beat_ms')} AS visitor_id, country, region,
         toUInt32(round(seconds * beat / beats)) AS engaged_seconds,
         toUInt32(round(seconds * (beat - 1) / beats)) AS previous_seconds,
         toUInt8(least(100, 10 + round(90 * beat / beats * least(1, sqrt(seconds / 300))))) AS scroll_depth
    FROM numbers({start:UInt64}, {count:UInt64})
   ARRAY JOIN range(1, toUInt32(beats) + 1) AS beat
   WHERE (cityHash64(number, 10) % 1000000) / 1e6 < ${ENGAGED}
     AND (view_ms + toUInt64(engaged_seconds) * 1300 AS beat_ms) < {end:Int64}`;

/** The bound tables of the generator SQL. */
function parameters(options: GenerateOptions): Record<string, unknown> {
  const { catalogue, endAt } = options;
  const countries = Object.entries(COUNTRIES);
  const offsetMs = options.utcOffsetHours * 3_600_000;
  const midnight = Math.floor((endAt.getTime() + offsetMs) / 86_400_000) * 86_400_000 - offsetMs;
  return {
    article_ids: catalogue.map((article) => article.id),
    section_ids: catalogue.map((article) => article.sectionId),
    editions: catalogue.map((article) => article.edition),
    author_ids: catalogue.map((article) => article.authorIds),
    days: options.days,
    hours: cumulative(HOURS),
    midnight,
    end: endAt.getTime(),
    // Returning readers: a daily pool about a third of the day's views.
    pool: Math.max(10, Math.round(options.viewsPerDay / 3)),
    countries: countries.map(([code]) => code),
    country_weights: cumulative(countries.map(([, country]) => country.weight)),
    regions: countries.map(([, country]) => Object.keys(country.regions)),
    region_weights: countries.map(([, country]) => cumulative(Object.values(country.regions))),
    devices: AGENTS.map((agent) => agent[0]),
    browsers: AGENTS.map((agent) => agent[1]),
    oses: AGENTS.map((agent) => agent[2]),
    agent_weights: cumulative(AGENTS.map((agent) => agent[3])),
    channels: ARRIVALS.map((arrival) => arrival[0]),
    sources: ARRIVALS.map((arrival) => arrival[1]),
    referrer_hosts: ARRIVALS.map((arrival) => arrival[2]),
    arrival_weights: cumulative(ARRIVALS.map((arrival) => arrival[3])),
    networks: Object.keys(NETWORKS),
    network_weights: cumulative(Object.values(NETWORKS)),
  };
}

/** Views per INSERT … SELECT: bounds the memory of one statement and its views' blocks. */
const CHUNK = 5_000_000;

/**
 * Inserts views number `from` to `to` (exclusive) with their heartbeats and
 * shares, through the raw tables so the materialised views fill the rollups
 * as ingestion does.
 */
export async function generateViews(client: ClickHouse['client'], options: GenerateOptions, from: number, to: number) {
  const params = parameters(options);
  for (let start = from; start < to; start += CHUNK) {
    const count = Math.min(CHUNK, to - start);
    for (const query of [VIEWS, ENGAGEMENT, SHARES]) {
      await client.command({ query, query_params: { ...params, start, count } });
    }
  }
}

/** Rows in each raw table. */
export async function countRows(
  client: ClickHouse['client'],
): Promise<Record<'views' | 'engagement' | 'shares', number>> {
  const result = await client.query({
    query: `SELECT (SELECT count() FROM views) AS views, (SELECT count() FROM engagement) AS engagement,
                   (SELECT count() FROM shares) AS shares`,
    format: 'JSONEachRow',
  });
  const [row] = await result.json<Record<string, string>>();
  return { views: Number(row?.views), engagement: Number(row?.engagement), shares: Number(row?.shares) };
}
