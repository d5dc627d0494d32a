import 'reflect-metadata';

export { MIGRATIONS_DIR, openAnalyticsStore } from './clickhouse/open.js';
export { type AnalyticsConfig, analyticsConfigSchema, clickhouseOf, loadAnalyticsConfig } from './config.js';
export { arrivalColumns } from './ingest/arrival-columns.js';
export { type ChannelFacts, classifyChannel } from './ingest/enrich/channel.js';
export { describeAgent } from './ingest/enrich/device.js';
export { createGeoLookup, type GeoFacts } from './ingest/enrich/geo.js';
export {
  type ArticleFacts,
  CHANNELS,
  type Channel,
  type Device,
  type EngagementRow,
  type ShareNetwork,
  type ShareRow,
  type ViewRow,
} from './ingest/events.js';
export { insertTarget, ROW_FORMAT } from './ingest/insert-target.js';
export type { ClientEvent } from './ingest/payload.js';
export { COLUMNS } from './ingest/spool-lines.js';
export { buildAnalyticsSchema, printAnalyticsSchema } from './schema.js';
export { type AnalyticsService, startAnalyticsService } from './service.js';
