#!/usr/bin/env node
import { exitOnConfigError } from '@byline/config';
import { announceReady, closeOnSignals, createLogger } from '@byline/http';
import { type GatewayConfig, loadGatewayConfig } from './config.js';
import { startGateway } from './gateway.js';

let config: GatewayConfig;
try {
  config = loadGatewayConfig();
} catch (error) {
  exitOnConfigError(error);
}

const log = createLogger(config.logLevel);
try {
  const service = await startGateway(config, log);
  closeOnSignals(() => service.close(), log);
  announceReady({ url: service.url });
} catch (error) {
  log.error('gateway failed to start', error);
  process.exit(1);
}
