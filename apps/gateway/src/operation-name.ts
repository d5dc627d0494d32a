import { type DocumentNode, Kind } from 'graphql';
import type { Refusal } from './trusted-documents/resolve.js';

/**
 * Whether `operationName` picks one operation of the document, as graphql-js
 * would pick it: the gateway's executor throws, and Apollo answers 500, when
 * it does not. A name that is not a string is left to Apollo's 400.
 */
export function operationNameRefusal(document: DocumentNode, operationName: unknown): Refusal | undefined {
  const names = document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value] : [],
  );
  if (typeof operationName === 'string') {
    return names.includes(operationName) ? undefined : badRequest(`Unknown operation named "${operationName}".`);
  }
  if (operationName !== undefined && operationName !== null) return undefined;
  if (names.length === 0) return badRequest('Must provide an operation.');
  if (names.length > 1) return badRequest('Must provide operation name if query contains multiple operations.');
  return undefined;
}

function badRequest(message: string): Refusal {
  return { status: 400, code: 'BAD_REQUEST', message };
}
