import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { credentialOf } from './auth/credential.js';
import { checkDocument, type RequestParams } from './document-limits.js';
import type { GraphQLLimits } from './limits.js';
import type { TrustedDocuments } from './trusted-documents/manifest.js';
import {
  type DocumentParams,
  namesAnId,
  type Refusal,
  resolveDocument,
  withoutPersistedQuery,
} from './trusted-documents/resolve.js';

export interface DocumentGateOptions {
  documents: TrustedDocuments;
  /** Refuse documents that are not listed: never, from callers without a credential, or always. */
  required: 'optional' | 'anonymous' | 'required';
  limits: GraphQLLimits;
  /** The supergraph, for the page sizes its fields default to. */
  schema: GraphQLSchema;
}

/**
 * A preHandler for `/graphql`, before Apollo parses anything: a document
 * named by id (POST body or GET query string) gets the listed text; unknown
 * ids, unlisted documents when they are required, and documents over the
 * length, token or cost limit are refused with a 400. Batches (arrays) are left to
 * Apollo, which refuses them.
 */
export function documentGate(options: DocumentGateOptions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.routeOptions.url !== '/graphql') return undefined;
    const required =
      options.required === 'required' || (options.required === 'anonymous' && credentialOf(request.headers) === null);
    if (request.method === 'GET') return gateSearch(request, reply, options, required);
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const params = body as DocumentParams & Record<string, unknown>;
    const query = admit(params, options, required);
    if (typeof query !== 'string') return query && refuse(reply, query);
    if (namesAnId(params)) {
      const { documentId: _, extensions, ...rest } = params;
      const kept = withoutPersistedQuery(extensions);
      request.body = { ...rest, query, ...(kept === undefined ? {} : { extensions: kept }) };
    }
    return undefined;
  };
}

/** The document text to run, a refusal, or undefined when the request names no document (Apollo answers it). */
function admit(
  params: DocumentParams & RequestParams,
  options: DocumentGateOptions,
  required: boolean,
): string | Refusal | undefined {
  const resolution = resolveDocument(params, options.documents, required);
  if (!('query' in resolution)) return resolution;
  if (resolution.query === undefined) return undefined;
  return checkDocument(options.schema, resolution.query, params, options.limits) ?? resolution.query;
}

function gateSearch(request: FastifyRequest, reply: FastifyReply, options: DocumentGateOptions, required: boolean) {
  const url = new URL(request.url, 'http://gateway');
  const search = url.searchParams;
  let extensions: unknown;
  let variables: unknown;
  try {
    extensions = JSON.parse(search.get('extensions') ?? 'null');
    variables = JSON.parse(search.get('variables') ?? 'null');
  } catch {
    return undefined; // Apollo answers malformed JSON parameters with a 400 of its own.
  }
  const params = {
    query: search.get('query') ?? undefined,
    documentId: search.get('documentId') ?? undefined,
    extensions,
    variables,
    operationName: search.get('operationName') ?? undefined,
  };
  const query = admit(params, options, required);
  if (typeof query !== 'string') return query && refuse(reply, query);
  if (namesAnId(params)) {
    search.set('query', query);
    search.delete('documentId');
    const kept = withoutPersistedQuery(extensions);
    if (kept === null) search.delete('extensions');
    else search.set('extensions', JSON.stringify(kept));
    request.raw.url = `${url.pathname}?${search}`;
  }
  return undefined;
}

function refuse(reply: FastifyReply, { status, code, message }: Refusal): FastifyReply {
  return reply.status(status).send({ errors: [{ message, extensions: { code } }] });
}
