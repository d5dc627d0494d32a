import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '@byline/http';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';

/**
 * Errors we raise on purpose (GraphQLError with a code) reach the client as
 * they are; anything else (a database error, a bug) is logged here and the
 * client gets a plain "internal error", never SQL or a stack trace.
 */
export function formatErrorWith(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
    log.error(`resolver failed at ${formatted.path?.join('.') ?? '?'}`, original);
    return {
      message: 'internal error',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
