import 'reflect-metadata';

export { type ContentConfig, contentConfigSchema, loadContentConfig } from './config.js';
export { createDataSource, migrate } from './db/data-source.js';
export { buildContentSchema, printContentSchema } from './schema.js';
export { type ContentService, startContentService } from './service.js';
