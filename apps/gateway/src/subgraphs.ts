import { RemoteGraphQLDataSource, type ServiceEndpointDefinition } from '@apollo/gateway';
import { IDENTITY_HEADER, type Identity, signIdentity } from '@byline/auth';
import type { Logger } from '@byline/http';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** A subgraph that did not answer in time or could not be reached; its message names it, not its address. */
export class SubgraphUnavailable extends Error {}

/**
 * Node's global fetch (undici: pooled keep-alive connections per origin) with
 * a deadline on every subgraph call, so a stuck subgraph cannot hold a request.
 * Errors name the subgraph but not its address, which clients need not know.
 */
function fetchWithDeadline(subgraph: string, timeoutMs: number): Fetcher {
  return async (url, init) => {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      const message = timedOut ? `did not answer within ${timeoutMs} ms` : 'is unreachable';
      throw new SubgraphUnavailable(`subgraph "${subgraph}" ${message}`, { cause: error });
    }
  };
}

export interface SubgraphRouting {
  buildService: (definition: ServiceEndpointDefinition) => RemoteGraphQLDataSource<GatewayContext>;
  /** Where each subgraph of the loaded supergraph is routed (filled as the gateway loads). */
  routed: Map<string, string>;
}

export interface GatewayContext {
  identity: Identity;
}

/**
 * Routes each subgraph to its configured URL, or to the supergraph's routing
 * URL when none is configured, and signs the caller's identity onto every call.
 */
export function routeSubgraphs(
  configured: Record<string, string>,
  timeoutMs: number,
  secret: string,
  log: Logger,
): SubgraphRouting {
  const routed = new Map<string, string>();
  return {
    routed,
    buildService: ({ name, url }) => {
      const target = configured[name] ?? url;
      if (!target) throw new Error(`subgraph "${name}" has no URL in the supergraph nor in the configuration`);
      routed.set(name, target);
      return new RemoteGraphQLDataSource<GatewayContext>({
        url: target,
        fetcher: fetchWithDeadline(name, timeoutMs),
        willSendRequest({ request, context }) {
          request.http?.headers.set(IDENTITY_HEADER, signIdentity(context.identity, secret, name));
        },
        didEncounterError(error) {
          const cause = error.cause instanceof Error ? ` (${error.cause.cause ?? error.cause.message})` : '';
          log.warn(`${error.message}${cause}`);
          throw error;
        },
      });
    },
  };
}
