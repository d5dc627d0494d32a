import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { TypedDocumentString } from '$lib/graphql/generated';
import { gatewayUrl } from './config';
import { DEADLINE_MS } from './deadline';
import { failureOf, type GatewayAnswer, type GatewayError, UNREACHABLE_MESSAGE } from './gateway-failure';

/** The gateway did not answer in time (down, starting, overloaded or too slow). */
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
  options: { token?: string | undefined; headers?: Record<string, string>; deadline?: AbortSignal } = {},
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
      signal: options.deadline ?? AbortSignal.timeout(DEADLINE_MS),
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
 * Runs a typed operation for the page being rendered, as the signed-in user,
 * within the request's deadline. Any GraphQL error fails the whole page: a
 * half-filled chart would be read as real numbers. The gateway's own message
 * is passed on for input errors, a generic one otherwise; an overloaded or
 * silent gateway is a 503 (the handle hook adds Retry-After).
 */
export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const { locals } = getRequestEvent();
  let answer: GatewayAnswer<TResult>;
  try {
    answer = await callGateway(document, variables, { token: locals.session?.token, deadline: locals.deadline });
  } catch (cause) {
    if (!(cause instanceof GatewayUnreachable)) throw cause;
    console.error(cause.message);
    error(503, UNREACHABLE_MESSAGE);
  }
  const failure = failureOf(answer);
  if (failure) {
    if (failure.status >= 500) console.error('gateway error', answer.status, answer.errors[0]?.message ?? '');
    error(failure.status, failure.message);
  }
  return answer.data as TResult;
}
