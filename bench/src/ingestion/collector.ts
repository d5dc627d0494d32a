import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { type AnalyticsService, loadAnalyticsConfig, startAnalyticsService } from '@byline/analytics';
import { ARTICLES, SITE } from './traffic.js';

type Overrides = NonNullable<Parameters<typeof startAnalyticsService>[1]>;
type Client = AnalyticsService['store']['client'];
type InsertParams = Parameters<Client['insert']>[0];

/** One insert of the spool writer: its parameters, and its body of one row a line. */
export interface CapturedInsert {
  params: InsertParams;
  body: Buffer;
}

/** The first inserts the spool writer made, as it sent them (a bounded sample). */
export interface CapturedRows {
  inserts: CapturedInsert[];
  rows: number;
}

export interface Collector {
  service: AnalyticsService;
  collectUrl: string;
  /** The first inserts of the spool writer: the ceiling sends exactly these again. */
  captured: CapturedRows;
  /** Settings the figures depend on, for the report. */
  settings: Record<string, string>;
}

/**
 * Production settings except: a fixed catalogue of ARTICLES articles (the content
 * lookup is not measured), the per-site rate limit raised so one collector may
 * take the whole load, and no demo data. The per-IP limit keeps its default:
 * the load spreads over enough reader addresses to stay under it.
 */
const ENV = {
  SITE_HOSTS: SITE,
  TRUSTED_PROXY_HEADER: 'x-forwarded-for',
  RATE_LIMIT_PER_SITE_PER_MINUTE: '1000000000',
  LOG_LEVEL: 'warn',
  ANALYTICS_PORT: '0',
  INTERNAL_SECRET: 'bench-ingestion-secret-of-32-characters',
};

/** Starts the analytics service in this process on embedded chDB under `workDir`. */
export async function startCollector(workDir: string, captureLimit: number): Promise<Collector> {
  const captured: CapturedRows = { inserts: [], rows: 0 };
  // The writer sends each body as a stream: read it, keep it, send the same bytes on.
  const capture = async (params: InsertParams): Promise<InsertParams> => {
    if (captured.rows >= captureLimit) return params;
    if (!(params.values instanceof Readable)) throw new Error('the spool writer should insert a stream of rows');
    const body = await buffer(params.values);
    captured.inserts.push({ params: { ...params, abort_signal: undefined }, body });
    for (let at = body.indexOf(0x0a); at >= 0; at = body.indexOf(0x0a, at + 1)) captured.rows += 1;
    return { ...params, values: Readable.from([body], { objectMode: false }) };
  };
  const config = loadAnalyticsConfig({ ...ENV, BYLINE_DATA_DIR: join(workDir, 'analytics') });
  const service = await startAnalyticsService(config, { articles: catalogue(), wrapClickHouse: capturing(capture) });
  const settings = {
    'spool flush': `${config.flushIntervalMs} ms or ${config.flushMaxRows} rows`,
    'rate limit per IP': `${config.ratePerMinute}/min (default)`,
    'rate limit per site': `${config.sitePerMinute}/min (raised)`,
  };
  return { service, collectUrl: service.url.replace(/\/graphql$/, '/collect'), captured, settings };
}

function catalogue(): NonNullable<Overrides['articles']> {
  const articles = new Map(
    Array.from({ length: ARTICLES }, (_, i) => {
      const id = String(i + 1);
      const facts = {
        article_id: id,
        section_id: String((i % 12) + 1),
        edition: i % 3 ? 'en' : 'az',
        author_ids: [String((i % 40) + 1)],
      };
      return [id, facts] as const;
    }),
  );
  return async (id) => articles.get(id) ?? null;
}

function capturing(capture: (params: InsertParams) => Promise<InsertParams>): NonNullable<Overrides['wrapClickHouse']> {
  return (client) =>
    new Proxy(client, {
      get(target, key) {
        if (key === 'insert') {
          return async (params: InsertParams) => target.insert(await capture(params));
        }
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
}
