import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { TypedDocumentString } from '$lib/graphql/generated';
import { gatewayUrl } from './config';

const TIMEOUT_MS = 15_000;

export interface GatewayError {
  message: string;
  extensions?: { code?: string; field?: string; retryAfterSeconds?: number };
}

export interface GatewayAnswer<T> {
  status: number;
  data: T | null;
  errors: GatewayError[];
}

/** The gateway did not answer at all (down, starting, or too slow). */
export class GatewayUnreachable extends Error {}

/** Generated documents carry their trusted document id (codegen.ts). */
interface TrustedMeta {
  hash: string;
  operationName: string;
}

function trustedMeta(document: { __meta__?: Record<string, unknown> | undefined }): TrustedMeta {
  const meta = document.__meta__ as Partial<TrustedMeta> | undefined;
  if (!meta?.hash || !meta.operationName) throw new Error('a document without a trusted id: run the codegen');
  return { hash: meta.hash, operationName: meta.operationName };
}

/**
 * Sends a trusted document by its id (never its text) with the caller's
 * session token. Returns the GraphQL answer as it came; throws
 * GatewayUnreachable when there is none.
 */
export async function callGateway<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: { token?: string | undefined; headers?: Record<string, string> } = {},
): Promise<GatewayAnswer<TResult>> {
  const { hash, operationName } = trustedMeta(document);
  let response: Response;
  try {
    response = await fetch(gatewayUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ documentId: `sha256:${hash}`, operationName, variables }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    // fetch's own message is "fetch failed"; what failed (ECONNREFUSED, a timeout) is its cause.
    const reason = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
    throw new GatewayUnreachable(`the gateway at ${gatewayUrl()} is not answering: ${reason}`);
  }
  const body = (await response.json().catch(() => ({}))) as { data?: TResult | null; errors?: GatewayError[] };
  return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
}

/**
 * Runs a typed operation for the page being rendered, as the signed-in user.
 * Any GraphQL error fails the whole page: a half-filled chart would be read
 * as real numbers. The gateway's own message is passed on for input errors,
 * a generic one otherwise.
 */
export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  let answer: GatewayAnswer<TResult>;
  try {
    answer = await callGateway(document, variables, { token: getRequestEvent().locals.session?.token });
  } catch (cause) {
    if (!(cause instanceof GatewayUnreachable)) throw cause;
    console.error(cause.message);
    error(503, UNREACHABLE_MESSAGE);
  }
  const first = answer.errors[0];
  if (first) {
    const code = first.extensions?.code;
    if (code === 'BAD_USER_INPUT') error(400, first.message);
    if (code === 'UNAUTHENTICATED') error(401, 'Your session has ended: sign in again.');
    if (code === 'FORBIDDEN') error(403, FORBIDDEN_MESSAGE);
    console.error('gateway error', answer.status, first.message);
    error(502, 'The readership service could not answer this question.');
  }
  if (answer.status >= 400 || !answer.data) error(502, `The readership service answered ${answer.status}.`);
  return answer.data;
}

export const UNREACHABLE_MESSAGE =
  'The readership service is not answering. It may be starting: try again in a moment.';
export const FORBIDDEN_MESSAGE =
  'Your role does not include readership data. Ask an administrator for the analyst, editor or marketing role.';
