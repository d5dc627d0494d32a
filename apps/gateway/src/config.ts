import { fileURLToPath } from 'node:url';
import { internalSecret } from '@byline/auth';
import { loadConfig, vars, z } from '@byline/config';
import type { LogLevel } from '@byline/http';

/**
 * Each subgraph's URL variable, by its name in the supergraph: adding a
 * subgraph is one line. Unset, the supergraph's own routing URL applies
 * (the defaults live in packages/supergraph/src/subgraphs.ts only).
 */
const subgraphUrlVariables = {
  content: 'CONTENT_URL',
  analytics: 'ANALYTICS_URL',
  accounts: 'ACCOUNTS_URL',
} as const satisfies Record<string, string>;

// Both src/ and dist/ sit two folders below the repo root.
const defaultSupergraphPath = fileURLToPath(new URL('../../../schema/supergraph.graphql', import.meta.url));

function gatewayConfigSchema(env: NodeJS.ProcessEnv) {
  const production = env.NODE_ENV === 'production';
  const subgraphUrls = Object.fromEntries(
    Object.values(subgraphUrlVariables).map((variable) => [variable, vars.url().optional()]),
  );
  return z.object({
    NODE_ENV: z.string().optional(),
    GATEWAY_HOST: vars.host(),
    GATEWAY_PORT: vars.port(4000),
    SUPERGRAPH_PATH: z.string().min(1).default(defaultSupergraphPath),
    CORS_ORIGINS: vars.list('http://localhost:3000,http://127.0.0.1:3000'),
    BODY_LIMIT_BYTES: vars.positiveInt(256 * 1024),
    SUBGRAPH_TIMEOUT_MS: vars.positiveInt(10_000),
    INTROSPECTION: vars.flag(!production),
    BYLINE_DATA_DIR: z.string().default('.data'),
    /** Signs the identity passed to subgraphs; unset: the one generated in BYLINE_DATA_DIR. */
    INTERNAL_SECRET: vars.secret(),
    /** Header our own proxy sets with the client IP (right-most entry is used); empty: the socket address. */
    TRUSTED_PROXY_HEADER: z.string().toLowerCase().default(''),
    /** How long a session or token check is reused; revocation takes effect within it. */
    AUTH_CACHE_MS: z.coerce.number().int().min(0).default(5_000),
    LOG_LEVEL: vars.logLevel(),
    ...subgraphUrls,
  });
}

export interface GatewayConfig {
  host: string;
  /** 0 picks a free port. */
  port: number;
  supergraphPath: string;
  /** Subgraph name (as in the supergraph) → URL of its GraphQL endpoint, where configured. */
  subgraphUrls: Record<string, string>;
  corsOrigins: string[];
  bodyLimitBytes: number;
  subgraphTimeoutMs: number;
  introspection: boolean;
  internalSecret: string;
  trustedProxyHeader: string;
  authCacheMs: number;
  /** NODE_ENV=production: no stack traces and no schema details in client errors. */
  production: boolean;
  logLevel: LogLevel;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const raw = loadConfig('gateway', gatewayConfigSchema(env), env);
  const urls: Record<string, unknown> = raw;
  const subgraphUrls: Record<string, string> = {};
  for (const [name, variable] of Object.entries(subgraphUrlVariables)) {
    const url = urls[variable];
    if (typeof url === 'string') subgraphUrls[name] = url;
  }
  return {
    host: raw.GATEWAY_HOST,
    port: raw.GATEWAY_PORT,
    supergraphPath: raw.SUPERGRAPH_PATH,
    subgraphUrls,
    corsOrigins: raw.CORS_ORIGINS,
    bodyLimitBytes: raw.BODY_LIMIT_BYTES,
    subgraphTimeoutMs: raw.SUBGRAPH_TIMEOUT_MS,
    introspection: raw.INTROSPECTION,
    internalSecret: internalSecret(raw.INTERNAL_SECRET, raw.BYLINE_DATA_DIR),
    trustedProxyHeader: raw.TRUSTED_PROXY_HEADER,
    authCacheMs: raw.AUTH_CACHE_MS,
    production: raw.NODE_ENV === 'production',
    logLevel: raw.LOG_LEVEL,
  };
}
