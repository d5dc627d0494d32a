import 'reflect-metadata';
import { exitOnConfigError } from '@byline/config';
import { announceReady, closeOnSignals, createLogger } from '@byline/http';
import { type AnalyticsConfig, loadAnalyticsConfig } from './config.js';
import { startAnalyticsService } from './service.js';

let config: AnalyticsConfig;
try {
  config = loadAnalyticsConfig();
} catch (error) {
  exitOnConfigError(error);
}
const service = await startAnalyticsService(config);
announceReady({ url: service.url });
closeOnSignals(service.close, createLogger(config.logLevel));
