import 'reflect-metadata';

export { type AnalyticsConfig, analyticsConfigSchema, loadAnalyticsConfig } from './config.js';
export { buildAnalyticsSchema, printAnalyticsSchema } from './schema.js';
export { type AnalyticsService, startAnalyticsService } from './service.js';
