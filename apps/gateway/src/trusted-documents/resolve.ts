import { sha256Hex, type TrustedDocuments } from './manifest.js';

/** The parts of a GraphQL request that name its document. */
export interface DocumentParams {
  query?: unknown;
  /** GraphQL over HTTP persisted documents: `sha256:<hex>`. */
  documentId?: unknown;
  /** Apollo's `persistedQuery.sha256Hash`. */
  extensions?: unknown;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/**
 * The document text a request runs: its `query`, or the listed document its
 * id names (undefined: it names none). An unknown id, or with `required` a
 * document that is not listed, is refused.
 */
export function resolveDocument(
  params: DocumentParams,
  documents: TrustedDocuments,
  required: boolean,
): { query: string | undefined } | Refusal {
  if (typeof params.query === 'string' && params.query !== '') {
    if (required && !documents.has(sha256Hex(params.query))) {
      return {
        status: 400,
        code: 'PERSISTED_QUERY_NOT_IN_LIST',
        message: 'Only trusted documents are accepted: send the documentId of a listed operation.',
      };
    }
    return { query: params.query };
  }
  const id = documentIdOf(params);
  if (id === undefined) return { query: undefined };
  const body = documents.get(id);
  if (body === undefined) return { status: 400, code: 'PERSISTED_QUERY_NOT_FOUND', message: 'PersistedQueryNotFound' };
  return { query: body };
}

/** Whether the request names a document by id (which Apollo, with its own cache off, must not see). */
export function namesAnId({ documentId, extensions }: DocumentParams): boolean {
  return documentId !== undefined || persistedQueryOf(extensions) !== undefined;
}

/** Extensions without `persistedQuery`. */
export function withoutPersistedQuery(extensions: unknown): unknown {
  if (!persistedQueryOf(extensions)) return extensions;
  const { persistedQuery: _, ...rest } = extensions as Record<string, unknown>;
  return rest;
}

function documentIdOf({ documentId, extensions }: DocumentParams): string | undefined {
  if (typeof documentId === 'string') return documentId.startsWith('sha256:') ? documentId.slice(7) : documentId;
  const hash = persistedQueryOf(extensions)?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

function persistedQueryOf(extensions: unknown): { sha256Hash?: unknown } | undefined {
  if (typeof extensions !== 'object' || extensions === null || !('persistedQuery' in extensions)) return undefined;
  const persisted = extensions.persistedQuery;
  return typeof persisted === 'object' && persisted !== null ? persisted : undefined;
}
