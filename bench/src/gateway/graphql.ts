import { IDENTITY_HEADER, type Identity, signIdentity } from '@byline/auth';
import { BENCH_SECRET } from './subgraphs.js';

export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

export const body = (operation: Operation) => JSON.stringify(operation);

/** POSTs one operation and returns its `data`, failing on errors. */
export async function post<T = Record<string, unknown>>(
  url: string,
  operation: Operation,
  headers: Record<string, string>,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body(operation),
    signal: AbortSignal.timeout(30_000),
  });
  const json = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || json.errors || !json.data) {
    throw new Error(`${url} answered ${response.status}: ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  }
  return json.data;
}

/** The header the content subgraph called directly needs: the identity signed as the gateway would, valid for 60 s. */
export function signedHeaders(identity: Identity): Record<string, string> {
  return { [IDENTITY_HEADER]: signIdentity(identity, BENCH_SECRET, 'content') };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

/** A session token, from a real `login` through a gateway. */
export async function login(gatewayUrl: string, user: { email: string; password: string }): Promise<string> {
  const data = await post<{ login: { token: string } }>(gatewayUrl, { query: LOGIN, variables: user }, {});
  return data.login.token;
}
