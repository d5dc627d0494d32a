import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { internalSecret } from '@byline/auth';
import { ConfigError, isProduction, loadConfig, vars, z } from '@byline/config';
import type { LogLevel } from '@byline/http';
import type { GraphQLLimits } from './limits.js';
import { loadTrustedDocuments, type TrustedDocuments } from './trusted-documents/manifest.js';

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
/** The dashboard's operations, generated with its typed operations (see apps/dashboard). */
const defaultManifestPath = fileURLToPath(new URL('../../../schema/trusted-documents/dashboard.json', import.meta.url));

/*
 * GraphQL limits, from what real clients send (measured with GraphQL Armor's own counters over
 * apps/dashboard/src/lib/graphql/operations/*.graphql and test/fixtures/article-page.graphql):
 * depth 5 (Live), aliases 6 (SectionDetail), directives 1 (Layout), tokens 327 (SectionDetail),
 * cost 115,919 (Sections: two `readership(first: 5000)` lists; every list counted at its page size or
 * its maximum in @byline/graphql/list-sizes), characters 1,818 (SectionDetail
 * with its fragments). Each limit is about twice that, so a new field or two fits.
 */
const limitDefaults = {
  GRAPHQL_MAX_DEPTH: 8,
  GRAPHQL_MAX_ALIASES: 12,
  // Measured 1; a floor of 10 leaves room for a few @include/@skip, floods need hundreds.
  GRAPHQL_MAX_DIRECTIVES: 10,
  GRAPHQL_MAX_TOKENS: 650,
  GRAPHQL_MAX_COST: 200_000,
  GRAPHQL_MAX_CHARACTERS: 4_000,
} as const;

function gatewayConfigSchema(env: NodeJS.ProcessEnv) {
  const production = isProduction(env);
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
    /** "Did you mean …?" hints and schema details in client errors. */
    FIELD_SUGGESTIONS: vars.flag(!production),
    /** Say which limit a refused operation exceeded, and by how much. */
    GRAPHQL_EXPOSE_LIMITS: vars.flag(!production),
    GRAPHQL_MAX_DEPTH: vars.positiveInt(limitDefaults.GRAPHQL_MAX_DEPTH),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(limitDefaults.GRAPHQL_MAX_ALIASES),
    GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(limitDefaults.GRAPHQL_MAX_DIRECTIVES),
    GRAPHQL_MAX_TOKENS: vars.positiveInt(limitDefaults.GRAPHQL_MAX_TOKENS),
    GRAPHQL_MAX_COST: vars.positiveInt(limitDefaults.GRAPHQL_MAX_COST),
    GRAPHQL_MAX_CHARACTERS: vars.positiveInt(limitDefaults.GRAPHQL_MAX_CHARACTERS),
    /**
     * `required`: only operations listed in a manifest run; `anonymous`: only listed ones for callers without a
     * credential; `optional`: any document may.
     */
    TRUSTED_DOCUMENTS: z.enum(['optional', 'anonymous', 'required']).default('optional'),
    TRUSTED_DOCUMENTS_PATHS: vars.list(''),
    BYLINE_DATA_DIR: z.string().default('.data'),
    /** Signs the identity passed to subgraphs; unset outside production: the one generated in BYLINE_DATA_DIR. */
    INTERNAL_SECRET: vars.internalSecret(env),
    /** Header our own proxy sets with the client IP (right-most entry is used); empty: the socket address. */
    TRUSTED_PROXY_HEADER: z.string().toLowerCase().default(''),
    /** How long a session or token check is reused; revocation takes effect within it. */
    AUTH_CACHE_MS: z.coerce.number().int().min(0).default(5_000),
    /** Mean event-loop delay (ms) past which `/graphql` answers 503; 0: never shed load. */
    SHED_LOAD_DELAY_MS: z.coerce.number().int().min(0).default(400),
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
  /** Mean event-loop delay past which `/graphql` is refused with 503; 0: off. */
  shedLoadDelayMs: number;
  limits: GraphQLLimits;
  trustedDocuments: TrustedDocuments;
  /** Who may send only listed documents: nobody (`optional`), callers without a credential, or everyone. */
  trustedDocumentsRequired: 'optional' | 'anonymous' | 'required';
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
    shedLoadDelayMs: raw.SHED_LOAD_DELAY_MS,
    limits: {
      maxDepth: raw.GRAPHQL_MAX_DEPTH,
      maxAliases: raw.GRAPHQL_MAX_ALIASES,
      maxDirectives: raw.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: raw.GRAPHQL_MAX_TOKENS,
      maxCost: raw.GRAPHQL_MAX_COST,
      maxCharacters: raw.GRAPHQL_MAX_CHARACTERS,
      exposeLimits: raw.GRAPHQL_EXPOSE_LIMITS,
      fieldSuggestions: raw.FIELD_SUGGESTIONS,
    },
    trustedDocuments: trustedDocumentsOf(raw.TRUSTED_DOCUMENTS_PATHS),
    trustedDocumentsRequired: raw.TRUSTED_DOCUMENTS,
    logLevel: raw.LOG_LEVEL,
  };
}

/** Configured manifests must all load; unconfigured, the dashboard's is used when it exists. */
function trustedDocumentsOf(paths: string[]): TrustedDocuments {
  try {
    if (paths.length > 0) return loadTrustedDocuments(paths);
    return loadTrustedDocuments(existsSync(defaultManifestPath) ? [defaultManifestPath] : []);
  } catch (error) {
    throw new ConfigError('gateway', [`TRUSTED_DOCUMENTS_PATHS: ${error instanceof Error ? error.message : error}`]);
  }
}
