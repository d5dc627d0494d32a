import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations from the committed supergraph: `pnpm --filter @byline/dashboard codegen`. */
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
      },
    },
  },
  silent: true,
};

export default config;
