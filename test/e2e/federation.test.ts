import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printContentSchema } from '@byline/content';
import { createLogger, type RunningService, startGraphQLService } from '@byline/http';
import { parse } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack.js';

/**
 * A second subgraph that only knows article ids: every other field of the
 * articles it returns must come from the content subgraph's entity resolver.
 */
const PROBE_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Article @key(fields: "id", resolvable: false) { id: ID! }
  type Query { pickedArticles(ids: [ID!]!): [Article!]! }`;

let stack: Stack;
let probe: RunningService;
let folder: string;

beforeAll(async () => {
  const probeApollo = new ApolloServer({
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    schema: buildSubgraphSchema({
      typeDefs: parse(PROBE_SDL),
      resolvers: { Query: { pickedArticles: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => ({ id })) } },
    }),
  });
  probe = await startGraphQLService({
    name: 'probe',
    host: '127.0.0.1',
    port: 0,
    bodyLimitBytes: 65536,
    corsOrigins: [],
    apollo: probeApollo,
    context: async () => ({}),
    readiness: async () => ({ ready: true, checks: {} }),
    log: createLogger('warn'),
  });
  const composed = composeServices([
    { name: 'content', typeDefs: parse(await printContentSchema()), url: 'http://127.0.0.1:1/graphql' },
    { name: 'probe', typeDefs: parse(PROBE_SDL), url: probe.url },
  ]);
  if (!composed.supergraphSdl) throw new Error(`composition failed: ${composed.errors?.join('\n')}`);
  folder = await mkdtemp(join(tmpdir(), 'byline-federation-'));
  const supergraphPath = join(folder, 'supergraph.graphql');
  await writeFile(supergraphPath, composed.supergraphSdl);
  stack = await startStack({ articles: 300, supergraphPath, extraUrls: { probe: probe.url } });
});

afterAll(async () => {
  await stack?.close();
  await probe?.close();
  await rm(folder, { recursive: true, force: true });
});

it('resolves articles referenced by another subgraph through the content entity resolver', async () => {
  const rows: { id: string; title: string; section: string }[] = await stack.content.db.query(
    `SELECT a.id::text AS id, a.title, s.slug AS section FROM articles a JOIN sections s ON s.id = a.section_id
      WHERE a.status = 'published' ORDER BY a.id DESC LIMIT 50`,
  );
  const { body } = await stack.query<{ pickedArticles: { id: string; title: string; section: { slug: string } }[] }>(
    'query($ids: [ID!]!) { pickedArticles(ids: $ids) { id title section { slug } } }',
    { ids: rows.map((row) => row.id) },
  );
  expect(body.errors).toBeUndefined();
  expect(body.data?.pickedArticles).toEqual(
    rows.map((row) => ({ id: row.id, title: row.title, section: { slug: row.section } })),
  );
});
