import { createHash } from 'node:crypto';
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  print,
  visit,
} from 'graphql';

/**
 * The dashboard's trusted documents: each operation with the fragments it
 * uses, printed canonically, is listed in an Apollo persisted query manifest
 * under the SHA-256 of that text; the dashboard sends only the id.
 */

interface ManifestOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface Manifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

/** Code-point order: the same on every machine, whatever its locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The operation first, then its fragments by name: the same text whatever order codegen hands them in. */
export function trustedBody(definitions: readonly DefinitionNode[]): string {
  const operations = definitions.filter((node) => node.kind === Kind.OPERATION_DEFINITION);
  const fragments = definitions
    .filter((node): node is FragmentDefinitionNode => node.kind === Kind.FRAGMENT_DEFINITION)
    .sort((a, b) => compare(a.name.value, b.name.value));
  return print({ kind: Kind.DOCUMENT, definitions: [...operations, ...fragments] });
}

export const documentHash = (body: string) => createHash('sha256').update(body).digest('hex');

export function operationNameOf(document: DocumentNode): string {
  const operation = document.definitions.find((node) => node.kind === Kind.OPERATION_DEFINITION);
  if (!operation?.name) throw new Error('every dashboard operation needs a name');
  return operation.name.value;
}

/** Fragments `node` spreads, directly or through other fragments. */
function fragmentsOf(
  node: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const walk = (root: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(root, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment || found.has(fragment.name.value)) return;
        found.set(fragment.name.value, fragment);
        walk(fragment);
      },
    });
  walk(node);
  return [...found.values()];
}

/** Every named operation in `documents`, sorted by name. */
function buildManifest(documents: readonly DocumentNode[]): Manifest {
  const definitions = documents.flatMap((document) => document.definitions);
  const fragments = new Map(
    definitions
      .filter((node): node is FragmentDefinitionNode => node.kind === Kind.FRAGMENT_DEFINITION)
      .map((node) => [node.name.value, node]),
  );
  const operations = definitions
    .filter((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION)
    .map((node) => {
      const body = trustedBody([node, ...fragmentsOf(node, fragments)]);
      const name = operationNameOf({ kind: Kind.DOCUMENT, definitions: [node] });
      return { id: documentHash(body), name, type: node.operation, body };
    })
    .sort((a, b) => compare(a.name, b.name));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/** A graphql-codegen plugin writing the manifest (see codegen.ts). */
export const manifestPlugin = {
  plugin: (_schema: unknown, documents: readonly { document?: DocumentNode }[]) =>
    `${JSON.stringify(buildManifest(documents.flatMap((file) => (file.document ? [file.document] : []))), null, 2)}\n`,
};
