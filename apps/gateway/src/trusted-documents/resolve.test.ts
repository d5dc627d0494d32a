import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTrustedDocuments } from './manifest.js';
import { namesAnId, resolveDocument, withoutPersistedQuery } from './resolve.js';

const documents = loadTrustedDocuments([
  fileURLToPath(new URL('../../../../schema/trusted-documents/dashboard.json', import.meta.url)),
]);
const [[listedId, listedBody] = ['', '']] = documents;
const unlisted = '{ editions }';
const unknownId = '0'.repeat(64);

describe('resolveDocument', () => {
  it('runs the query text as sent when documents are optional', () => {
    expect(resolveDocument({ query: unlisted }, documents, false)).toEqual({ query: unlisted });
  });

  it('refuses an unlisted query text when documents are required, and runs a listed one', () => {
    expect(resolveDocument({ query: unlisted }, documents, true)).toEqual({
      status: 400,
      code: 'PERSISTED_QUERY_NOT_IN_LIST',
      message: 'Only trusted documents are accepted: send the documentId of a listed operation.',
    });
    expect(resolveDocument({ query: listedBody }, documents, true)).toEqual({ query: listedBody });
  });

  it.each([
    ['documentId with the sha256: prefix', { documentId: `sha256:${listedId}` }],
    ['bare documentId', { documentId: listedId }],
    ['Apollo persistedQuery hash', { extensions: { persistedQuery: { version: 1, sha256Hash: listedId } } }],
    ['id beside an empty query', { query: '', documentId: `sha256:${listedId}` }],
  ])('gives the listed text for a %s', (_, params) => {
    expect(listedBody).not.toBe('');
    expect(resolveDocument(params, documents, true)).toEqual({ query: listedBody });
  });

  it.each([{ documentId: `sha256:${unknownId}` }, { extensions: { persistedQuery: { sha256Hash: unknownId } } }])(
    'refuses an id that is not listed: %j',
    (params) => {
      expect(resolveDocument(params, documents, false)).toEqual({
        status: 400,
        code: 'PERSISTED_QUERY_NOT_FOUND',
        message: 'PersistedQueryNotFound',
      });
    },
  );

  it.each([
    {},
    { query: 42 },
    { extensions: { persistedQuery: 'not an object' } },
    { extensions: { persistedQuery: { sha256Hash: 7 } } },
  ])('names no document in %j: Apollo answers it', (params) => {
    expect(resolveDocument(params, documents, true)).toEqual({ query: undefined });
  });
});

describe('namesAnId', () => {
  it.each([
    [{ documentId: 'sha256:x' }, true],
    [{ extensions: { persistedQuery: { sha256Hash: 'x' } } }, true],
    [{ query: unlisted }, false],
    [{ query: unlisted, extensions: { tracing: true } }, false],
    [{ extensions: { persistedQuery: null } }, false],
  ])('%j → %s', (params, names) => {
    expect(namesAnId(params)).toBe(names);
  });
});

describe('withoutPersistedQuery', () => {
  it('drops persistedQuery and keeps the other extensions', () => {
    expect(withoutPersistedQuery({ persistedQuery: { sha256Hash: listedId }, tracing: true })).toEqual({
      tracing: true,
    });
    expect(withoutPersistedQuery({ persistedQuery: { sha256Hash: listedId } })).toEqual({});
  });

  it.each([undefined, null, { tracing: true }, 'garbage'])('leaves %j as it is', (extensions) => {
    expect(withoutPersistedQuery(extensions)).toBe(extensions);
  });
});
