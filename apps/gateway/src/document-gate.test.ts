import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentGate } from './document-gate.js';
import type { GraphQLLimits } from './limits.js';
import { loadTrustedDocuments } from './trusted-documents/manifest.js';

const documents = loadTrustedDocuments([
  fileURLToPath(new URL('../../../schema/trusted-documents/dashboard.json', import.meta.url)),
]);
const [[listedId, listedBody] = ['', '']] = documents;
/** The listed operation's own name: the gate refuses an operationName the document does not define. */
const listedName = /(?:query|mutation) (\w+)/.exec(listedBody)?.[1];
const schema = buildSchema(readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8'));
const unlisted = '{ editions }';
const limits: GraphQLLimits = {
  maxDepth: 100,
  maxAliases: 100,
  maxDirectives: 100,
  maxTokens: 100_000,
  maxCost: Number.MAX_SAFE_INTEGER,
  maxCharacters: 4_000,
  exposeLimits: false,
  fieldSuggestions: false,
};

/** A Fastify app with the gate in front of a /graphql that echoes what reaches it (inject: no socket). */
async function gatedApp(required: boolean): Promise<FastifyInstance> {
  const app = Fastify();
  app.addHook('preHandler', documentGate({ documents, required: required ? 'required' : 'optional', limits, schema }));
  const echo = async (request: { body: unknown; url: string; query: unknown }) => ({
    reached: { body: request.body ?? null, url: request.url, query: request.query },
  });
  app.post('/graphql', echo);
  app.get('/graphql', echo);
  app.post('/other', echo);
  await app.ready();
  return app;
}

let optional: FastifyInstance;
let required: FastifyInstance;
beforeAll(async () => {
  [optional, required] = await Promise.all([gatedApp(false), gatedApp(true)]);
});
afterAll(async () => {
  await Promise.all([optional.close(), required.close()]);
});

describe('documentGate on POST', () => {
  it('replaces a documentId with the listed text and drops the id, keeping the other fields', async () => {
    expect(listedBody).not.toBe('');
    const response = await required.inject({
      method: 'POST',
      url: '/graphql',
      payload: {
        documentId: `sha256:${listedId}`,
        operationName: listedName,
        variables: { a: 1 },
        extensions: { persistedQuery: { version: 1, sha256Hash: listedId }, tracing: true },
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().reached.body).toEqual({
      query: listedBody,
      operationName: listedName,
      variables: { a: 1 },
      extensions: { tracing: true },
    });
  });

  it('passes a query text through untouched when documents are optional', async () => {
    const payload = { query: unlisted, variables: {} };
    const response = await optional.inject({ method: 'POST', url: '/graphql', payload });
    expect(response.json().reached.body).toEqual(payload);
  });

  it.each([
    ['an unknown id', false, { documentId: `sha256:${'f'.repeat(64)}` }, 'PERSISTED_QUERY_NOT_FOUND'],
    ['an unlisted text when documents are required', true, { query: unlisted }, 'PERSISTED_QUERY_NOT_IN_LIST'],
    ['a text over the length limit', false, { query: `{ editions ${' '.repeat(4_000)}}` }, 'GRAPHQL_VALIDATION_FAILED'],
  ])('refuses %s with a 400 and a GraphQL error', async (_, isRequired, payload, code) => {
    const response = await (isRequired ? required : optional).inject({ method: 'POST', url: '/graphql', payload });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code });
    expect(body.reached).toBeUndefined();
  });

  it('leaves batches and other routes to what follows', async () => {
    const batch = [{ query: unlisted }];
    expect((await required.inject({ method: 'POST', url: '/graphql', payload: batch })).json().reached.body).toEqual(
      batch,
    );
    const other = { query: unlisted };
    expect((await required.inject({ method: 'POST', url: '/other', payload: other })).json().reached.body).toEqual(
      other,
    );
  });
});

describe('documentGate on GET', () => {
  it('rewrites a documentId in the query string into the listed text', async () => {
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: listedId }, tracing: true });
    const search = new URLSearchParams({ documentId: `sha256:${listedId}`, variables: '{"a":1}', extensions });
    const response = await required.inject({ method: 'GET', url: `/graphql?${search}` });
    expect(response.statusCode).toBe(200);
    const reached = new URL(response.json().reached.url, 'http://gateway').searchParams;
    expect(reached.get('query')).toBe(listedBody);
    expect(reached.get('variables')).toBe('{"a":1}');
    expect(reached.has('documentId')).toBe(false);
    expect(JSON.parse(reached.get('extensions') ?? 'null')).toEqual({ tracing: true });
  });

  it('refuses an unlisted text in the query string when documents are required', async () => {
    const response = await required.inject({
      method: 'GET',
      url: `/graphql?${new URLSearchParams({ query: unlisted })}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].extensions).toEqual({ code: 'PERSISTED_QUERY_NOT_IN_LIST' });
  });

  it('leaves malformed JSON parameters to Apollo', async () => {
    const search = new URLSearchParams({ query: unlisted, variables: '{oops' });
    const response = await required.inject({ method: 'GET', url: `/graphql?${search}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().reached.query).toEqual({ query: unlisted, variables: '{oops' });
  });
});
