import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config.js';
import { costRefusal } from './cost-limit.js';
import { loadTrustedDocuments } from './trusted-documents/manifest.js';

const schema = buildSchema(readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8'));
const { maxCost } = loadGatewayConfig({ INTERNAL_SECRET: 'a'.repeat(32) }).limits;
const clients = [
  ...loadTrustedDocuments([
    fileURLToPath(new URL('../../../schema/trusted-documents/dashboard.json', import.meta.url)),
  ]).values(),
  readFileSync(new URL('../../../test/fixtures/article-page.graphql', import.meta.url), 'utf8'),
];

/** The cost the rule counts for one operation of a document, read back from its refusal at a budget of 0. */
function cost(document: string, operationName: string): number {
  const operation = parse(document);
  const only = {
    ...operation,
    definitions: operation.definitions.filter(
      (definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition.name?.value === operationName,
    ),
  };
  const message = costRefusal(schema, only, {}, { maxCost: 0, flattenFragments: true, exposeLimits: true });
  return Number(/found (\d+(?:\.\d+)?)/.exec(message ?? '')?.[1]);
}

describe('the cost of what real clients send', () => {
  const operations = clients.flatMap((document) =>
    parse(document).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [[definition.name.value, document]] : [],
    ),
  );

  it.each(operations)('%s fits the default budget', (name, document) => {
    const counted = cost(document, name);
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThanOrEqual(maxCost);
  });
});
