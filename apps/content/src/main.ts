import 'reflect-metadata';
import { exitOnConfigError } from '@byline/config';
import { announceReady, closeOnSignals, createLogger } from '@byline/http';
import { type ContentConfig, loadContentConfig } from './config.js';
import { startContentService } from './service.js';

let config: ContentConfig;
try {
  config = loadContentConfig();
} catch (error) {
  exitOnConfigError(error);
}
const service = await startContentService(config);
announceReady({ url: service.url });
closeOnSignals(service.close, createLogger(config.logLevel));
