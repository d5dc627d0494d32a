import 'reflect-metadata';
import { exitOnConfigError } from '@byline/config';
import { announceReady, closeOnSignals, createLogger } from '@byline/http';
import { type AccountsConfig, loadAccountsConfig } from './config.js';
import { startAccountsService } from './service.js';

let config: AccountsConfig;
try {
  config = loadAccountsConfig();
} catch (error) {
  exitOnConfigError(error);
}
const service = await startAccountsService(config);
announceReady({ url: service.url });
closeOnSignals(service.close, createLogger(config.logLevel));
