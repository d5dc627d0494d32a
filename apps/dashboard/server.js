#!/usr/bin/env node
/**
 * Serves the built dashboard (`vite build` → build/handler.js) on its own
 * port, after checking its variables, and tells `pnpm start` it is ready.
 */
import { createServer } from 'node:http';
import { exitOnConfigError, loadConfig, vars, z } from '@byline/config';
import { announceReady, closeOnSignals, createLogger } from '@byline/http';
import { SECURITY_HEADERS } from './security-headers.js';

let config;
try {
  config = loadConfig(
    'dashboard',
    z.object({
      DASHBOARD_HOST: vars.host(),
      DASHBOARD_PORT: vars.port(3000),
      GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
      BYLINE_TIMEZONE: vars.timeZone('Asia/Baku'),
      LOG_LEVEL: vars.logLevel(),
      // adapter-node's: the public URL behind a proxy, or the header the proxy names the protocol in.
      ORIGIN: z.url().optional(),
      PROTOCOL_HEADER: z.string().optional(),
    }),
  );
} catch (error) {
  exitOnConfigError(error);
}

// adapter-node takes every request for HTTPS unless told otherwise, which would refuse
// same-origin form posts (sign-in, sign-out) as cross-site. Reached directly, without a
// proxy configured, this server speaks plain HTTP: say so, whatever a client claims.
const DIRECT_PROTOCOL_HEADER = 'x-byline-direct-protocol';
const direct = !config.ORIGIN && !config.PROTOCOL_HEADER;

// The SvelteKit handler reads its environment once, when it is imported.
process.env.GATEWAY_URL = config.GATEWAY_URL;
process.env.BYLINE_TIMEZONE = config.BYLINE_TIMEZONE;
if (direct) process.env.PROTOCOL_HEADER = DIRECT_PROTOCOL_HEADER;
const { handler } = await import('./build/handler.js');

const log = createLogger(config.LOG_LEVEL);
// Set before SvelteKit answers, so static assets, redirects and error pages carry them too.
const server = createServer((request, response) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  if (direct) request.headers[DIRECT_PROTOCOL_HEADER] = 'http';
  handler(request, response);
});
server.listen(config.DASHBOARD_PORT, config.DASHBOARD_HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.DASHBOARD_PORT;
  const url = `http://${config.DASHBOARD_HOST}:${port}`;
  log.info(`dashboard on ${url}, reading ${config.GATEWAY_URL}`);
  announceReady({ url });
});
closeOnSignals(
  () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }),
  log,
);
