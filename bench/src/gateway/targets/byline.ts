import { loadGatewayConfig, startGateway } from '@byline/gateway';
import type { Target } from './target.js';

/** Our gateway as production runs it: NODE_ENV=production, every hardening limit at its default. */
export const byline: Target = async ({ urls, secret, supergraphPath }) => {
  const config = loadGatewayConfig({
    NODE_ENV: 'production',
    GATEWAY_PORT: '0',
    SUPERGRAPH_PATH: supergraphPath,
    CONTENT_URL: urls.content,
    ANALYTICS_URL: urls.analytics,
    ACCOUNTS_URL: urls.accounts,
    INTERNAL_SECRET: secret,
    LOG_LEVEL: 'warn',
  });
  const service = await startGateway(config);
  return { url: service.url, close: service.close };
};
