import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '@byline/http';
import type { GraphQLFormattedError } from 'graphql';
import { SubgraphUnavailable } from './subgraphs.js';

/** graphql-js's hint, in validation and variable coercion messages alike. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Apollo's `formatError`: what a client may see of an error. A failure behind
 * the gateway (a subgraph's non-GraphQL answer, with its address and body, or
 * any internal error) becomes a clean error with a code, logged in full;
 * a client's own mistakes pass, without "Did you mean" hints unless
 * `suggestions` (development).
 */
export function clientErrors(suggestions: boolean, log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const where = { ...(formatted.path ? { path: formatted.path } : {}) };
    const cause = unwrapResolverError(error);
    if (cause instanceof SubgraphUnavailable) {
      return { message: cause.message, extensions: { code: 'SERVICE_UNAVAILABLE' }, ...where };
    }
    const response = formatted.extensions?.response as { status?: unknown } | undefined;
    const code = formatted.extensions?.code;
    if (response !== undefined || code === undefined || code === 'INTERNAL_SERVER_ERROR') {
      log.warn(`masked error: ${JSON.stringify(formatted)}`);
      const refused = typeof response?.status === 'number' && response.status >= 400 && response.status < 500;
      return refused
        ? {
            message: 'a service behind the gateway refused the request as malformed or too large',
            extensions: { code: 'BAD_REQUEST' },
            ...where,
          }
        : { message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, ...where };
    }
    return suggestions ? formatted : { ...formatted, message: formatted.message.replace(SUGGESTION, '') };
  };
}
