import { error } from '@sveltejs/kit';
import type { TypedDocumentString } from '$lib/graphql/generated';
import { gatewayUrl } from './config';

const TIMEOUT_MS = 15_000;

interface Response<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Runs a typed operation on the gateway. Any GraphQL error fails the whole
 * page: a half-filled chart would be read as real numbers. The gateway's own
 * message is passed on for input errors, a generic one otherwise.
 */
export async function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  let response: globalThis.Response;
  try {
    response = await fetch(gatewayUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    console.error('gateway unreachable', cause);
    error(503, 'The readership service is not answering. It may be starting: try again in a moment.');
  }
  const body = (await response.json().catch(() => ({}))) as Response<TResult>;
  const first = body.errors?.[0];
  if (first) {
    if (first.extensions?.code === 'BAD_USER_INPUT') error(400, first.message);
    console.error('gateway error', response.status, first.message);
    error(502, 'The readership service could not answer this question.');
  }
  if (!response.ok || !body.data) error(502, `The readership service answered ${response.status}.`);
  return body.data;
}
