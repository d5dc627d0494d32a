import { join } from 'node:path';
import { type AnalyticsService, loadAnalyticsConfig, startAnalyticsService } from '@byline/analytics';
import { ARTICLES, SITE } from './traffic.js';

type Overrides = NonNullable<Parameters<typeof startAnalyticsService>[1]>;
type Client = AnalyticsService['store']['client'];
type InsertParams = Parameters<Client['insert']>[0];

/** What the collector writes per ClickHouse table, as the writer sends it (a bounded sample). */
export type CapturedRows = Map<string, object[]>;

export interface Collector {
  service: AnalyticsService;
  collectUrl: string;
  /** The first rows the spool writer inserted, per table: the ceiling re-inserts exactly these. */
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
  DEMO_EVENTS: '0',
  LOG_LEVEL: 'warn',
  ANALYTICS_PORT: '0',
  INTERNAL_SECRET: 'bench-ingestion-secret-of-32-characters',
};

/** Starts the analytics service in this process on embedded chDB under `workDir`. */
export async function startCollector(workDir: string, captureLimit: number): Promise<Collector> {
  const captured: CapturedRows = new Map();
  const capture = (params: InsertParams) => {
    const rows = captured.get(params.table) ?? [];
    if (Array.isArray(params.values) && rows.length < captureLimit) {
      rows.push(...(params.values as object[]).slice(0, captureLimit - rows.length));
      captured.set(params.table, rows);
    }
  };
  const config = loadAnalyticsConfig({ ...ENV, BYLINE_DATA_DIR: join(workDir, 'analytics') });
  const service = await startAnalyticsService(config, { articles: catalogue(), wrapClickHouse: capturing(capture) });
  const settings = {
    'spool flush': `${config.FLUSH_INTERVAL_MS} ms or ${config.FLUSH_MAX_ROWS} rows`,
    'rate limit per IP': `${config.RATE_LIMIT_PER_MINUTE}/min (default)`,
    'rate limit per site': `${config.RATE_LIMIT_PER_SITE_PER_MINUTE}/min (raised)`,
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

function capturing(capture: (params: InsertParams) => void): NonNullable<Overrides['wrapClickHouse']> {
  return (client) =>
    new Proxy(client, {
      get(target, key) {
        if (key === 'insert') {
          return (params: InsertParams) => {
            capture(params);
            return target.insert(params);
          };
        }
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
}
