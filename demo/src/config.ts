import { analyticsConfigSchema } from '@byline/analytics';
import { loadConfig, vars, z } from '@byline/config';
import { contentConfigSchema } from '@byline/content';

/** Simulated traffic is made up: it may only ever go to this machine. */
const loopbackUrl = (fallback: string) =>
  z
    .url()
    .default(fallback)
    .refine((value) => !URL.canParse(value) || ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(value).hostname), {
      message: 'must point to this machine (127.0.0.1, localhost or [::1])',
    });

/**
 * What the demo's commands read: where content's PostgreSQL and analytics'
 * ClickHouse are (as the services read them), and how much to make.
 */
const demoConfigSchema = z.object({
  ...contentConfigSchema.pick({
    DATABASE_URL: true,
    BYLINE_DATA_DIR: true,
    BYLINE_PG_PORT: true,
    BYLINE_EDITIONS: true,
    BYLINE_TIMEZONE: true,
  }).shape,
  ...analyticsConfigSchema.pick({
    CLICKHOUSE_URL: true,
    CLICKHOUSE_USER: true,
    CLICKHOUSE_PASSWORD: true,
    CLICKHOUSE_DATABASE: true,
    CONTENT_URL: true,
    INTERNAL_SECRET: true,
    LOG_LEVEL: true,
  }).shape,
  /** Articles `db:seed` generates when no `--articles` is given. */
  DEMO_ARTICLES: vars.positiveInt(20_000),
  /** Readership rows `seed-readership` writes when no `--events` is given; 0: none. */
  DEMO_EVENTS: z.coerce.number().int().min(0).max(1_000_000_000).default(2_000_000),
  /** Where `simulate` lists recent articles (public content, like any front end). */
  GATEWAY_URL: loopbackUrl('http://127.0.0.1:4000/graphql'),
  /** Where `simulate` sends its beacons. */
  COLLECT_URL: loopbackUrl('http://127.0.0.1:4002/collect'),
});

export type DemoConfig = z.infer<typeof demoConfigSchema>;

export function loadDemoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  return loadConfig('demo', demoConfigSchema, env);
}
