import type { CodegenConfig } from '@graphql-codegen/cli';
import * as typedDocumentNode from '@graphql-codegen/typed-document-node';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import type { DocumentNode } from 'graphql';
import { documentHash, manifestPlugin, operationNameOf, trustedBody } from './src/lib/graphql/trusted-documents';

type Plugin = Awaited<ReturnType<NonNullable<CodegenConfig['pluginLoader']>>>;

const plugins: Record<string, Plugin> = {
  'typescript-operations': typescriptOperations,
  'typed-document-node': typedDocumentNode,
  'trusted-documents': manifestPlugin,
};

/**
 * Typed operations from the committed supergraph, each carrying its trusted
 * document id, and the manifest of those documents the gateway loads:
 * `pnpm --filter @byline/dashboard codegen`.
 */
const config: CodegenConfig = {
  schema: '../../schema/supergraph.graphql',
  documents: 'src/lib/graphql/operations/*.graphql',
  generates: {
    'src/lib/graphql/generated.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        documentMode: 'string',
        onlyOperationTypes: true,
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTimeISO: 'string', ID: 'string' },
        // Becomes each operation document's `__meta__`.
        unstable_onExecutableDocumentNode: (document: DocumentNode) => ({
          hash: documentHash(trustedBody(document.definitions)),
          operationName: operationNameOf(document),
        }),
      },
    },
    '../../schema/trusted-documents/dashboard.json': { plugins: ['trusted-documents'] },
  },
  // Plugins by name, this file's own included (codegen's default loader only finds packages and JavaScript files).
  pluginLoader: async (name: string) => {
    const plugin = plugins[name];
    if (plugin) return plugin;
    throw Object.assign(new Error(`no codegen plugin ${name}`), { code: 'MODULE_NOT_FOUND' });
  },
  silent: true,
};

export default config;
